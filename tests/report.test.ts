import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CSV_DOCUMENT_COLUMNS,
  CSV_FINDING_COLUMNS,
  REPORT_FORMATS,
  analyze,
  csvHeader,
  csvRows,
  formatCsv,
  formatHtml,
  formatJson,
  formatJsonl,
  formatMarkdown,
  formatReport,
  formatText,
  isCorpusFailure,
  reportChunks,
  summarizeCorpus,
  type Category,
  type CorpusDocument,
  type Finding,
  type RecordWarning,
  type ReportInput,
  type ReportResult,
} from 'novlangue';
import { highlightedText } from '../src/report/html-parts.js';
import { documentPagePath, htmlSite } from '../src/report/html.js';
import { categoryLabel } from '../src/report/labels.js';
import { resolveLocale, wording } from '../src/report/locale.js';
import en from '../src/report/locales/en.json' with { type: 'json' };
import fr from '../src/report/locales/fr.json' with { type: 'json' };
import { largeInput } from './fixtures/corpus/large.js';
import fc from 'fast-check';
import { contextOf } from '../src/report/facts.js';
import { ruleGlosses } from '../src/report/tally.js';
import { HOSTILE_FAILURE, HOSTILE_FILE, HOSTILE_TEXT, hostileDocument, hostileInput } from './fixtures/corpus/hostile.js';
import { parseCsv } from './helpers.js';

/** A document of a group of its own: over MIN_WORDS words, so that it is measured. */
const HAMEAU = 'La smart city arrive au hameau : des capteurs sur la place, un lampadaire connecté devant l’école et une application pour signaler les nids-de-poule, annoncés par la mairie comme la modernité enfin venue jusqu’ici.';

const categoryLabelFr = (category: Category): string => categoryLabel(category, 'fr');

/** Three groups by city: two comparable ones (Lyon, Grenoble) and a one-document hamlet, every document with findings. */
function citiesInput(): ReportInput {
  const promotion = 'La métropole intelligente déploie une smart city résiliente, inclusive et attractive, avec des capteurs en temps réel. '.repeat(40);
  const notice = 'Le conseil municipal se réunira jeudi à 18 heures. La smart city figure à l’ordre du jour, comme les écoles. '.repeat(40);
  const results: ReportResult[] = [
    ...[1, 2, 3].map((n) => ({ ...hostileDocument(`corpus/lyon/${n}.txt`, promotion), meta: { city: 'Lyon' } })),
    ...[1, 2, 3].map((n) => ({ ...hostileDocument(`corpus/grenoble/${n}.txt`, notice), meta: { city: 'Grenoble' } })),
    // One document, long enough to be measured (a short one stays out of the group figures): a small group.
    { ...hostileDocument('corpus/hameau/seul.txt', HAMEAU), meta: { city: 'Hameau' } },
  ];
  return { results, summary: summarizeCorpus(results, { groupBy: 'city' }) };
}

const FRONT_MATTER_WARNING: RecordWarning = { code: 'EFRONTMATTER', message: 'corpus/lyon/a.md, line 3: front matter is not valid YAML; the text is analysed without its fields' };
const SIDECAR_WARNING: RecordWarning = { code: 'ESIDECAR', message: 'corpus/lyon/A.meta.json is not read as the metadata of corpus/lyon/a.md; rename it a.meta.json' };

/** A run whose first document was analysed in spite of two warnings. */
function warnedInput(): ReportInput {
  const warned = { ...hostileDocument('corpus/lyon/a.md', 'La smart city résiliente arrive.'), warnings: [FRONT_MATTER_WARNING, SIDECAR_WARNING] };
  const results: ReportResult[] = [warned, hostileDocument('corpus/lyon/b.txt', 'Le conseil municipal se réunira jeudi.')];
  return { results, summary: summarizeCorpus(results) };
}

describe('JSON and JSON Lines', () => {
  const input = hostileInput();

  it('jsonl: one line per record, in order, without tokens, sentences or text', () => {
    const lines = formatJsonl(input).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(input.results.length);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r['file'])).toEqual(input.results.map((r) => r.file));
    expect(records[1]).toEqual(HOSTILE_FAILURE);
    expect(Object.keys(records[0]!)).toEqual(['file', 'folder', 'format', 'encoding', 'bytes', 'meta', 'lang', 'words', 'score', 'categories', 'stance', 'findings']);
  });

  it('--with-text adds the extracted text, that findings slice', () => {
    const record = JSON.parse(formatJsonl(input, { withText: true }).split('\n')[0]!) as { text: string; findings: Finding[] };
    expect(record.text).toBe(HOSTILE_TEXT);
    for (const finding of record.findings) expect(record.text.slice(...finding.range)).toBe(finding.actual);
  });

  it('json: the summary and the records, parseable and stable', () => {
    const parsed = JSON.parse(formatJson(input)) as { summary: unknown; results: unknown[] };
    expect(parsed.summary).toEqual(input.summary);
    expect(parsed.results).toHaveLength(3);
    expect(formatJson(input)).toBe(formatJson(hostileInput()));
  });

  it('json: written a record at a time, the text of one JSON.stringify, indented by 2', () => {
    const empty = { results: [], summary: summarizeCorpus([]) };
    for (const [report, withText] of [[input, false], [input, true], [empty, false]] as const) {
      const records = report.results.map((result) => JSON.parse(formatJsonl({ results: [result] }, { withText })) as unknown);
      expect(formatJson(report, { withText })).toBe(`${JSON.stringify({ summary: report.summary, rules: ruleGlosses(report.results), results: records }, null, 2)}\n`);
    }
  });

  it('json and jsonl findings name their rule; json gives each rule\'s gloss once', () => {
    const parsed = JSON.parse(formatJson(input)) as { rules: Record<string, { note: string; section: string }>; results: Array<{ findings?: Array<Record<string, unknown>> }> };
    const findings = parsed.results.flatMap((result) => result.findings ?? []);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(Object.keys(finding)).not.toContain('note');
      expect(Object.keys(finding)).not.toContain('tokens');
      expect(parsed.rules[finding['ruleId'] as string]?.note.length).toBeGreaterThan(0);
    }
    const document = hostileDocument();
    for (const finding of document.findings) expect(parsed.rules[finding.ruleId]).toMatchObject({ note: finding.note, section: finding.section });
    expect(Object.keys(parsed.rules).sort()).toEqual([...new Set(findings.map((finding) => finding['ruleId']))].sort());
  });
});

/** Every part an async iterable gives, in order. */
async function collect(parts: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

describe('reports in parts (reportChunks)', () => {
  const empty = { results: [], summary: summarizeCorpus([]) };

  it.each(REPORT_FORMATS)('%s: the parts make the text of formatReport', async (format) => {
    for (const report of [hostileInput(), empty]) expect((await collect(reportChunks(format, report))).join('')).toBe(await formatReport(format, report));
  });

  it('json comes a record at a time, html a shown document at a time, so that no part holds the whole run', async () => {
    const input = hostileInput();
    expect(await collect(reportChunks('json', input))).toHaveLength(input.results.length + 2);
    expect(await collect(reportChunks('html', input))).toHaveLength(input.summary.ranking.length + 2);
    expect(await collect(reportChunks('html', input, { topDocs: 1 }))).toHaveLength(1 + 2);
  });
});

describe('CSV', () => {
  const input = hostileInput();

  it('has the documented columns, one row per record, RFC 4180 with CRLF', () => {
    const rows = parseCsv(formatCsv(input));
    expect(rows[0]).toEqual([...CSV_DOCUMENT_COLUMNS]);
    expect(CSV_DOCUMENT_COLUMNS).toHaveLength(13 + 2 * CATEGORIES.length + 4 + 3 + 2);
    // The columns added since (title, year, group) come before the error's: the others keep their place.
    expect(CSV_DOCUMENT_COLUMNS.indexOf('city')).toBe(13 + 2 * CATEGORIES.length);
    expect(CSV_DOCUMENT_COLUMNS.slice(-5)).toEqual(['title', 'year', 'group', 'error_code', 'error_message']);
    expect(CSV_FINDING_COLUMNS.indexOf('note')).toBe(17);
    expect(rows).toHaveLength(1 + input.results.length);
    for (const row of rows) expect(row).toHaveLength(CSV_DOCUMENT_COLUMNS.length);
    const at = (row: string[], column: string): string => row[CSV_DOCUMENT_COLUMNS.indexOf(column)]!;
    const document = input.results[0] as CorpusDocument;
    expect(at(rows[1]!, 'score')).toBe(String(document.score));
    expect(at(rows[1]!, 'surveillance_count')).toBe(String(document.categories.surveillance.count));
    expect(at(rows[2]!, 'error_code')).toBe('EPDF_PARSE');
    expect(at(rows[2]!, 'score')).toBe('');
  });

  it('quotes commas, quotes and line breaks; neutralises formulas', () => {
    const rows = parseCsv(formatCsv(input));
    const at = (row: string[], column: string): string => row[CSV_DOCUMENT_COLUMNS.indexOf(column)]!;
    expect(at(rows[1]!, 'file')).toBe(HOSTILE_FILE);
    expect(at(rows[1]!, 'kind')).toBe("'+cmd");
    const document = hostileDocument('=HYPERLINK("http://evil.invalid")');
    const cells = parseCsv(csvHeader() + csvRows({ ...document, meta: { city: '-2+3', source: '@SUM(A1)', date: '\tx' } }))[1]!;
    expect([at(cells, 'file'), at(cells, 'city'), at(cells, 'source'), at(cells, 'date')]).toEqual(["'=HYPERLINK(\"http://evil.invalid\")", "'-2+3", "'@SUM(A1)", "'\tx"]);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('--per finding: the documented columns, one row per finding, failures kept', () => {
    const rows = parseCsv(formatCsv(input, { per: 'finding' }));
    expect(rows[0]).toEqual([...CSV_FINDING_COLUMNS]);
    const documents = input.results.filter((r) => !isCorpusFailure(r)) as CorpusDocument[];
    const findings = documents.reduce((sum, d) => sum + d.findings.length, 0);
    expect(rows).toHaveLength(1 + findings + 1);
    const actual = CSV_FINDING_COLUMNS.indexOf('actual');
    const first = documents[0]!.findings[0]!;
    expect(rows[1]![actual]).toBe(first.actual);
    expect(rows.find((row) => row[0] === HOSTILE_FAILURE.file)!.at(-2)).toBe('EPDF_PARSE');
  });

  it('--per finding: each finding with its left and right context, the language, the title and the metadata', () => {
    const text = 'Première phrase sans rien.\nPuis la ville intelligente, enfin, arrive 😀 ici.';
    const document = { ...hostileDocument('corpus/valmont/c.txt', text), meta: { title: 'Le communiqué', city: 'Valmont', date: '2021-03-01', source: 'https://example.org/c', kind: 'communiqué' } };
    const rows = parseCsv(csvHeader({ per: 'finding' }) + csvRows(document, { per: 'finding' }));
    const at = (row: string[], column: string): string => row[CSV_FINDING_COLUMNS.indexOf(column)]!;
    const row = rows.find((cells) => at(cells, 'rule_id') === 'fr.ville-intelligente')!;
    expect([at(row, 'title'), at(row, 'lang'), at(row, 'meta_city'), at(row, 'meta_date'), at(row, 'meta_source'), at(row, 'meta_kind'), at(row, 'kind')]).toEqual(['Le communiqué', 'fr', 'Valmont', '2021-03-01', 'https://example.org/c', 'communiqué', 'term']);
    expect(new Set(CSV_FINDING_COLUMNS).size).toBe(CSV_FINDING_COLUMNS.length);
    expect(new Set(CSV_DOCUMENT_COLUMNS).size).toBe(CSV_DOCUMENT_COLUMNS.length);
    // Up to 40 characters each side, line breaks as spaces, the emoji's surrogate pair never cut.
    expect(at(row, 'left')).toBe('Première phrase sans rien. Puis la ');
    expect(at(row, 'actual')).toBe('ville intelligente');
    expect(at(row, 'right')).toBe(', enfin, arrive 😀 ici.');
    for (const cells of rows.slice(1)) {
      const start = Number(at(cells, 'start'));
      expect(text.slice(0, start).replace(/\s+/g, ' ').endsWith(at(cells, 'left'))).toBe(true);
      expect(at(cells, 'left').length).toBeLessThanOrEqual(41);
    }
    const emojis = hostileDocument('corpus/e.txt', `${'😀'.repeat(30)} la ville intelligente ${'😀'.repeat(30)}`);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const cells of parseCsv(csvHeader({ per: 'finding' }) + csvRows(emojis, { per: 'finding' })).slice(1)) {
      expect(at(cells, 'left')).not.toMatch(lone);
      expect(at(cells, 'right')).not.toMatch(lone);
      expect(at(cells, 'right').length).toBeGreaterThanOrEqual(40);
    }
  });

  it('per document: the title (else the file name), the year and the group of --group-by', () => {
    const document = { ...hostileDocument('corpus/valmont/rapport-2019.txt'), meta: { city: 'Valmont', date: 'mars 2019' } };
    const titled = { ...document, file: 'corpus/b.txt', meta: { title: 'Un titre', year: 2020 } };
    const at = (row: string[], column: string): string => row[CSV_DOCUMENT_COLUMNS.indexOf(column)]!;
    const [, first, second] = parseCsv(csvHeader() + csvRows(document, { groupBy: 'city' }) + csvRows(titled, { groupBy: 'city' }));
    expect([at(first!, 'title'), at(first!, 'year'), at(first!, 'group')]).toEqual(['rapport-2019', '2019', 'Valmont']);
    expect([at(second!, 'title'), at(second!, 'year'), at(second!, 'group')]).toEqual(['Un titre', '2020', '']);
    expect(at(parseCsv(csvHeader() + csvRows(document))[1]!, 'group')).toBe(document.folder);
  });

  it('--excel starts with a byte order mark, and only then', () => {
    expect(formatCsv(input, { excel: true }).startsWith('\uFEFFfile,folder,')).toBe(true);
    expect(formatCsv(input).startsWith('file,folder,')).toBe(true);
  });
});

describe('text', () => {
  const input = hostileInput();

  it('has no colour unless asked', () => {
    expect(formatText(input)).not.toContain('\u001b');
    expect(formatText(input, { color: true })).toMatch(/\u001b\[\d+m/);
  });

  it('lets no control or bidi character from input reach the terminal', () => {
    const results: ReportResult[] = [hostileDocument('corpus/\u001b[2Jevil\u202e.txt')];
    const text = formatText({ results, summary: summarizeCorpus(results) });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('corpus/\uFFFD[2Jevil\uFFFD.txt');
  });

  it('of one document: every finding linter style, `file:line:col  rule  stance  « actual »  message`', () => {
    const text = 'La ville intelligente arrive.\nUne smart city résiliente et « inclusive », dit-on.';
    const results: ReportResult[] = [hostileDocument('corpus/a.txt', text)];
    const document = results[0] as CorpusDocument;
    const out = formatText({ results, summary: summarizeCorpus(results) }).split('\n');
    expect(out[0]).toBe(`corpus/a.txt: score ${document.score.toFixed(1)} (${document.stance.reading}), ${document.words} words, ${document.findings.length} findings, fr`);
    const lines = out.filter((line) => line.startsWith('corpus/a.txt:') && /^corpus\/a\.txt:\d/.test(line));
    expect(lines).toHaveLength(document.findings.length);
    for (const [i, finding] of document.findings.entries()) {
      const cells = lines[i]!.split(/ {2,}/);
      expect(cells.slice(0, 3)).toEqual([`corpus/a.txt:${finding.place.start.line}:${finding.place.start.column}`, finding.ruleId, finding.stance]);
      expect(cells[3]).toBe(`« ${finding.actual} »`);
      expect(cells[4]).toBe(finding.message);
    }
    expect(formatText({ results, summary: summarizeCorpus(results) }, { locale: 'fr' }).split('\n')[0]).toMatch(/^corpus\/a\.txt : score \d+,\d \((promotionnel|critique|neutre)\), \d+ mots, \d+ relevés, fr$/);
  });

  it('of a corpus: in French with --locale fr, the same figures', () => {
    const french = formatText(input, { locale: 'fr' });
    expect(french).toMatch(/^novlangue: 3 fichiers, 2 analysés, 1 en échec ; \d+ mots, \d+ relevés\n/);
    expect(french).toContain('\nClassement\n');
    expect(french).toContain('\nPrincipaux relevés\n');
    expect(french).not.toContain('Ranking');
  });

  it('shows the ranking in order, the failures and the top findings', () => {
    const text = formatText(input);
    const ranking = input.summary.ranking.map((entry) => text.indexOf(entry.file, text.indexOf('Ranking')));
    expect(ranking.every((position, i) => position > 0 && (i === 0 || position > ranking[i - 1]!))).toBe(true);
    expect(text).toContain('EPDF_PARSE');
    expect(text).toMatch(/Top findings\n {2}1\. /);
    expect(text).toMatch(/×\d+ {2}\w/);
  });

  it('flags small groups and lists them after the comparable ones, with a note saying why', () => {
    const out = formatText(citiesInput());
    const table = out.split('\nBy city\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(table[1]).toMatch(/^ {2}Lyon /);
    expect(table[2]).toMatch(/^ {2}Grenoble /);
    expect(table[3]).toMatch(/^ {2}Hameau \(small group\) /);
    expect(table[4]).toBe('  (small group) Fewer than 3 documents or 1000 words: its figures are shown, not ranked with the others.');
    expect(table).toHaveLength(5);
  });

  it('gives the top terms in the author\'s own voice of each group, one line a group', () => {
    const input = citiesInput();
    const out = formatText(input);
    const lines = out.split('\nTop terms in the author’s own voice, by city\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(lines.map((line) => line.split(':')[0]!.trim())).toEqual(['Lyon', 'Grenoble', 'Hameau']);
    // Each of Lyon's 3 documents says « attractive » 40 times in its own voice.
    const lyon = input.results.filter((result) => !isCorpusFailure(result) && result.meta['city'] === 'Lyon') as CorpusDocument[];
    const uses = lyon.flatMap((document) => document.findings).filter((finding) => finding.ruleId === 'fr.attractivite' && finding.stance === 'use').length;
    expect(uses).toBe(120);
    expect(lines[0]).toMatch(/^ {2}Lyon: « attractive » ×120, /);
    expect(lines[0]!.split(', ')).toHaveLength(5);
  });

  it('shows each warning of a record on one line, in the corpus report and in the report of one document', () => {
    const out = formatText(warnedInput());
    const section = out.split('\nWarnings\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(section).toEqual([`  EFRONTMATTER  ${FRONT_MATTER_WARNING.message}`, `  ESIDECAR  ${SIDECAR_WARNING.message}`]);
    const one = warnedInput().results.slice(0, 1);
    const lines = formatText({ results: one, summary: summarizeCorpus(one) }).split('\n');
    expect(lines.slice(1, 3)).toEqual([`EFRONTMATTER  ${FRONT_MATTER_WARNING.message}`, `ESIDECAR  ${SIDECAR_WARNING.message}`]);
    expect(formatText(hostileInput())).not.toContain('Warnings');
  });
});

describe('Markdown', () => {
  it('escapes what would be read as markup, keeps tables intact', () => {
    const input = hostileInput();
    const md = formatMarkdown(input);
    // `\\<` is a literal `<` in Markdown: only an unescaped `<` could open a tag.
    expect(md).not.toMatch(/(?<!\\)<(script|img|iframe|svg|b)\b/i);
    expect(md).toContain('\\<img src=x onerror="window.\\_\\_pwned=\'file\'"\\>,=cmd\\|"quoted".txt');
    const table = md.split('## Ranking\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(table).toHaveLength(2 + input.summary.ranking.length);
    for (const line of table) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(9);
  });

  it('flags small groups, lists them last, and gives each group its top terms', () => {
    const md = formatMarkdown(citiesInput());
    const table = md.split('## By city\n\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(table[0]).toMatch(/\| Top terms in the author’s own voice \|$/);
    expect(table.slice(2).map((line) => line.split(' | ')[0])).toEqual(['| Lyon', '| Grenoble', '| Hameau *(small group)*']);
    expect(table[2]).toMatch(/ \| « attractive » ×120, [^|]+ \|$/);
    for (const line of table) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(10);
    expect(md.split('## By city\n\n')[1]!.split('\n\n')[1]).toMatch(/^\*\(small group\)\* Fewer than 3 documents/);
  });

  it('lists each warning on one line', () => {
    const md = formatMarkdown(warnedInput());
    const list = md.split('## Warnings\n\n')[1]!.split('\n\n')[1]!.split('\n');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(/^- `EFRONTMATTER` corpus\/lyon\/a\.md, line 3: front matter is not valid YAML/);
    expect(list[1]).toMatch(/^- `ESIDECAR` corpus\/lyon\/A\.meta\.json is not read/);
    expect(formatMarkdown(hostileInput())).not.toContain('## Warnings');
  });

  it('gives each rule\'s gloss once, in a glossary at the end; the top findings link to it by rule id', () => {
    const input = citiesInput();
    const md = formatMarkdown(input);
    const [body, glossary] = md.split('\n## Glossary\n');
    const linked = [...body!.matchAll(/\[([^\]]+)\]\(#(rule-[^)]+)\)/g)].map((match) => [match[1]!.replace(/\\/g, ''), match[2]!]);
    expect(linked.length).toBeGreaterThan(3);
    const notes = new Map(input.results.flatMap((result) => ('findings' in result ? result.findings : [])).map((finding) => [finding.ruleId, finding.note]));
    for (const [ruleId, anchor] of linked) {
      expect(glossary, ruleId).toContain(`<a id="${anchor}"></a>`);
      const note = notes.get(ruleId!)!;
      // The gloss's first words, past any Markdown escaping, once in the whole report.
      const start = note.split(/[*_`\\[\]<>|]/)[0]!.slice(0, 40);
      expect(md.split(start).length - 1, ruleId).toBe(1);
      expect(body).not.toContain(start);
    }
    expect(new Set(linked.map(([ruleId]) => ruleId)).size).toBe(glossary!.split('\n').filter((line) => line.startsWith('- <a id=')).length);
  });
});

describe('HTML', () => {
  const input = hostileInput();
  let html = '';
  beforeAll(async () => {
    html = await formatHtml(input);
  });
  const hostile = input.results[0] as CorpusDocument;
  const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

  it('contains no markup from input: every payload is escaped', () => {
    expect(html).not.toMatch(/<script|<img|<iframe|<svg onload|<textarea|<a href="javascript|\son\w+=["']?window/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;/mark&gt;&lt;/div&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=&#39;file&#39;&quot;&gt;');
  });

  it('is self-contained and forbids scripts and remote resources; its charts are Vega\'s static SVG', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).not.toMatch(/src="(https?:)?\/\//);
    expect(html).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* class="chart chart-distribution" role="img" aria-label="[^"]+"/);
    expect(html).toContain('class="mark-rect role-mark');
    // Every chart's ids are its own: no two elements share one.
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is in French for a French corpus, in English when asked', async () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h2>Classement</h2>');
    expect(html).toContain('Ce que dit un score');
    const english = await formatHtml(input, { locale: 'en', title: 'Valmont, 2024' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h2>Ranking</h2>');
    expect(english).toContain('<title>Valmont, 2024</title>');
    expect(english).toContain('What a score means');
  });

  it('ranks every document by its title, with its categories named in words and a link to its full view', () => {
    const ranking = html.split('<section id="ranking">')[1]!.split('</section>')[0]!;
    const rows = ranking.split('<tr>').slice(2);
    expect(rows).toHaveLength(input.summary.ranking.length);
    for (const [i, entry] of input.summary.ranking.entries()) {
      expect(rows[i]).toContain(`<td class="n">${entry.rank}</td>`);
      expect(rows[i]).toContain(`<a href="#doc-${entry.rank}">`);
      for (const category of entry.top) expect(rows[i]).toContain(`</span>${categoryLabelFr(category)}</li>`);
    }
    expect(rows[input.summary.ranking.findIndex((entry) => entry.file === 'corpus/lyon/plain.txt')]).toContain('<a href="#doc-2">plain</a>');
  });

  it('gives each rule\'s gloss once, in the glossary; findings link to it', () => {
    const notes = new Map(input.results.flatMap((result) => ('findings' in result ? result.findings : [])).map((finding) => [finding.ruleId, finding.note]));
    expect(notes.size).toBeGreaterThan(3);
    for (const [ruleId, note] of notes) {
      const escaped = note.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
      expect(html.split(escaped).length - 1, ruleId).toBe(1);
    }
    const anchors = new Set([...html.matchAll(/<dt id="([^"]+)">/g)].map((match) => match[1]));
    const links = [...html.split('<section id="documents">')[1]!.matchAll(/<a href="#([^"]+)"><code>/g)].map((match) => match[1]);
    expect(links.length).toBe(input.summary.total.findings);
    for (const link of links) expect(anchors.has(link), link).toBe(true);
  });

  it('highlights exactly the findings, each with its category, stance and message in the tooltip', () => {
    const body = html.split('<article class="doc" id="doc-1">')[1]!.split('<div class="text">')[1]!.split('</div>')[0]!;
    // Walk the highlighted text: plain pieces and marks, tracking offsets in the original text.
    const covered = new Set<number>();
    let offset = 0;
    let plain = '';
    for (const [, tip, inner, rest] of body.matchAll(/<mark class="c\d s-\w+" tabindex="0" data-tip="([^"]*)">([^<]*)<\/mark>|([^<]+)/g)) {
      const piece = unescape(inner ?? rest!);
      if (tip !== undefined) {
        const findings = hostile.findings.filter((f) => f.range[0] <= offset && f.range[1] >= offset + piece.length);
        expect(findings.length, `mark at ${offset}`).toBeGreaterThan(0);
        for (const finding of findings) expect(unescape(tip)).toContain(finding.message);
        for (const finding of findings) expect(unescape(tip)).not.toContain(finding.note);
        for (let i = offset; i < offset + piece.length; i++) covered.add(i);
      }
      plain += piece;
      offset += piece.length;
    }
    expect(plain).toBe(HOSTILE_TEXT);
    const expected = new Set(hostile.findings.flatMap((f) => Array.from({ length: f.range[1] - f.range[0] }, (_, i) => f.range[0] + i)));
    expect([...covered].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    const cliquez = [...body.matchAll(/data-tip="([^"]*)">Cliquez</g)][0]!;
    expect(cliquez[1]).toMatch(/^mot-valise publicitaire · (dans la voix propre de l’auteur|rapporté : cité d’un autre|mis à distance par l’auteur) · poids 1\n/);
  });

  it('splits overlapping findings at every boundary and keeps all their tooltips', () => {
    const base = analyze('la ville intelligente').findings[0]!;
    const finding = (start: number, end: number, message: string): Finding => ({ ...base, range: [start, end], actual: 'x', message });
    const text = 'abcdefghij';
    const out = highlightedText(text, [finding(2, 6, 'first'), finding(4, 8, 'second'), finding(9, 40, 'outside')], wording('en'));
    expect(out.replace(/<[^>]+>/g, '')).toBe(text);
    const pieces = [...out.matchAll(/data-tip="([^"]*)">([^<]*)</g)].map((m) => [m[2], m[1]!.includes('first'), m[1]!.includes('second')]);
    expect(pieces).toEqual([
      ['cd', true, false],
      ['ef', true, true],
      ['gh', false, true],
    ]);
  });

  it('shows the top --top-docs documents in full, in rank order, and no other', async () => {
    const results = [...hostileInput().results, hostileDocument('corpus/a/neutre.txt', 'La médiathèque ouvre lundi à 9 heures, comme chaque semaine.')];
    const report = { results, summary: summarizeCorpus(results) };
    const articles = (page: string): string[] => [...page.matchAll(/<article class="doc" id="doc-(\d+)">/g)].map((match) => match[1]!);
    expect(articles(await formatHtml(report))).toEqual(['1', '2', '3']);
    const two = await formatHtml(report, { topDocs: 2 });
    expect(articles(two)).toEqual(['1', '2']);
    expect(two).not.toContain('href="#doc-3"');
    expect(articles(await formatHtml(report, { topDocs: 0 }))).toEqual([]);
  });

  it('flags small groups and lists them after the comparable ones, with their top terms', async () => {
    const big = largeInput(200, 'city');
    const lone = hostileDocument('corpus/x/seul.txt', HAMEAU);
    const results = [...big.results, { ...lone, meta: { city: 'Hameau' } }];
    const page = await formatHtml({ results, summary: summarizeCorpus(results, { groupBy: 'city' }) }, { locale: 'en' });
    const table = page.split('<table class="groups">')[1]!.split('</table>')[0]!;
    const rows = table.split('<tr').slice(2);
    expect(rows.at(-1)).toMatch(/^ class="small"><td>Hameau <span class="badge"[^>]*>small group<\/span>/);
    expect(rows.slice(0, -1).every((row) => !row.startsWith(' class="small"'))).toBe(true);
    expect(rows[0]).toMatch(/<ul class="terms"><li><a href="#rule-fr\.[^"]+">« [^»]+ »<\/a> ×\d+<\/li>/);
  });

  it('lists the warnings in the overview and in the document\'s details', async () => {
    const page = await formatHtml(warnedInput(), { locale: 'en' });
    const section = page.split('<section id="warnings">')[1]!.split('</section>')[0]!;
    expect(section.match(/<li>/g)).toHaveLength(2);
    expect(section).toContain('<code>EFRONTMATTER</code>corpus/lyon/a.md, line 3');
    expect(page).toContain('<li><a href="#warnings">Warnings</a></li>');
    const article = page.split('<article class="doc"').find((part) => part.includes('corpus/lyon/a.md</p>'))!;
    expect(article).toContain(`<dt>warning</dt><dd>ESIDECAR: ${SIDECAR_WARNING.message}</dd>`);
    expect(await formatHtml(hostileInput())).not.toContain('id="warnings"');
  });

  it('links a document to its source only when that is an http(s) address', async () => {
    const linked = { ...hostileDocument('corpus/a.txt'), meta: { url: 'https://example.org/communique?a=1&b=2' } };
    const unlinked = { ...hostileDocument('corpus/b.txt'), meta: { url: 'javascript:alert(1)', source: 'Mairie' } };
    const page = await formatHtml({ results: [linked, unlinked], summary: summarizeCorpus([linked, unlinked]) });
    expect(page.split('href="https://example.org/communique?a=1&amp;b=2" rel="noreferrer noopener"').length - 1).toBe(2);
    expect(page).not.toMatch(/href="(?!https:\/\/example\.org|#|\.\.)/);
  });

  it('shows the questions to ask for the corpus\'s top categories', () => {
    const questions = html.split('<section id="questions">')[1]!.split('</section>')[0]!;
    expect(questions.match(/<h3>/g)).toHaveLength(3);
    expect(questions).toMatch(/<li>[^<]+\?/);
  });

  it('-o DIR/: an index linking a page per document, each page linking back and into the glossary', async () => {
    const pages: Array<{ path: string; html: string }> = [];
    for await (const page of htmlSite(input)) pages.push(page);
    expect(pages[0]!.path).toBe('index.html');
    expect(pages.slice(1).map((page) => page.path)).toEqual(input.summary.ranking.map((entry) => documentPagePath(entry.file)));
    const index = pages[0]!.html;
    expect(index).not.toContain('<article');
    for (const page of pages.slice(1)) {
      expect(index).toContain(`<a href="${page.path}">`);
      expect(page.html).toContain('<a href="../index.html">');
      for (const [, anchor] of page.html.matchAll(/href="\.\.\/index\.html#([^"]+)"/g)) expect(index).toContain(`<dt id="${anchor}">`);
    }
    expect(documentPagePath('corpus/Éco quartier/a.txt')).toMatch(/^documents\/corpus-eco-quartier-a-txt-[0-9a-f]{8}\.html$/);
    expect(new Set(['a/b.txt', 'a-b.txt', 'a/b/txt'].map(documentPagePath)).size).toBe(3);
  });

  it('is stable from run to run', async () => {
    expect(await formatHtml(hostileInput())).toBe(html);
  });
});

describe('HTML at corpus size', () => {
  it('2,000 documents: under 10 MB, the top 50 in full, charts rendered in a few seconds', async () => {
    const input = largeInput(2000);
    const started = performance.now();
    const html = await formatHtml(input);
    const seconds = (performance.now() - started) / 1000;
    expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024 * 1024);
    expect(html.match(/<article class="doc"/g)).toHaveLength(50);
    expect(html.split('<section id="ranking">')[1]!.split('</section>')[0]!.match(/<tr>/g)).toHaveLength(1 + 2000);
    expect(html.match(/<svg [^>]*class="chart /g)).toHaveLength(5);
    expect(seconds).toBeLessThan(20);
  }, 120_000);
});

describe('invariants of what reports show of a text', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '😀', '<', '&', '"'), maxLength: 80 });

  it('context: the text just before and after a finding, whitespace made single, no surrogate cut', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 60 }), (value, a, b, width) => {
        const start = value.length === 0 ? 0 : a % (value.length + 1);
        const end = start + (value.length === 0 ? 0 : b % (value.length - start + 1));
        // A finding starts and ends between characters, never inside a surrogate pair.
        const inPair = (i: number): boolean => /[\uDC00-\uDFFF]/.test(value[i] ?? '') && /[\uD800-\uDBFF]/.test(value[i - 1] ?? '');
        fc.pre(!inPair(start) && !inPair(end));
        const { left, right } = contextOf(value, [start, end], width);
        const single = (s: string): string => s.replace(/\s+/g, ' ');
        expect(single(value.slice(0, start)).endsWith(left)).toBe(true);
        expect(single(value.slice(end)).startsWith(right)).toBe(true);
        expect(left.length).toBeLessThanOrEqual(width + 1);
        expect(right.length).toBeLessThanOrEqual(width + 1);
        const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
        if (!lone.test(value)) expect(lone.test(left) || lone.test(right)).toBe(false);
      }),
    );
  });

  it('highlighting: the marks, once their tags are dropped and entities decoded, give back the text', () => {
    const base = analyze('la ville intelligente').findings[0]!;
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (value, ranges) => {
        const findings = ranges.map(([a, b]): Finding => ({ ...base, range: [Math.min(a, b) % 90, Math.max(a, b) % 90], actual: 'x' }));
        const html = highlightedText(value, findings, wording('fr'));
        const plain = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        expect(plain).toBe(value);
        expect(html).not.toMatch(/<(?!\/?mark\b)/);
      }),
    );
  });
});

describe('locales', () => {
  it('fr.json and en.json have the same keys, and every wording is filled in', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [`${prefix.slice(0, -1)}`];
    expect(keys(fr).sort()).toEqual(keys(en).sort());
    for (const messages of [fr, en]) for (const key of keys(messages)) expect(key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], messages), key).not.toBe('');
  });

  it('auto: French when most of the analysed words are French', () => {
    const french = hostileDocument('a.txt', 'La ville intelligente et la smart city.');
    const english = { ...hostileDocument('b.txt', 'The smart city.'), lang: 'en' as const, words: 3 };
    expect(resolveLocale([french, english])).toBe('fr');
    expect(resolveLocale([{ ...french, words: 1 }, { ...english, words: 30 }])).toBe('en');
    expect(resolveLocale([])).toBe('en');
    expect(resolveLocale([french], 'en')).toBe('en');
  });
});

describe('formatReport()', () => {
  it('dispatches every format, and rejects unknown ones', async () => {
    const input = hostileInput();
    for (const format of REPORT_FORMATS) expect((await formatReport(format, input)).length).toBeGreaterThan(100);
    expect(await formatReport('md', input)).toBe(formatMarkdown(input));
    await expect(formatReport('xml' as 'md', input)).rejects.toThrow(/unknown report format "xml"/);
  });
});
