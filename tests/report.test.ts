import { describe, expect, it } from 'vitest';
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
  type CorpusDocument,
  type Finding,
  type ReportResult,
} from 'novlangue';
import { highlightedText } from '../src/report/html-parts.js';
import { ruleGlosses } from '../src/report/tally.js';
import { HOSTILE_FAILURE, HOSTILE_FILE, HOSTILE_TEXT, hostileDocument, hostileInput } from './fixtures/corpus/hostile.js';
import { parseCsv } from './helpers.js';

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

describe('reports in parts (reportChunks)', () => {
  const empty = { results: [], summary: summarizeCorpus([]) };

  it.each(REPORT_FORMATS)('%s: the parts make the text of formatReport', (format) => {
    for (const report of [hostileInput(), empty]) expect([...reportChunks(format, report)].join('')).toBe(formatReport(format, report));
  });

  it('json and html come a record at a time, so that no part holds the whole run', () => {
    const input = hostileInput();
    const documents = input.results.filter((result) => !isCorpusFailure(result)).length;
    expect([...reportChunks('json', input)]).toHaveLength(input.results.length + 2);
    expect([...reportChunks('html', input)]).toHaveLength(documents + 2);
  });
});

describe('CSV', () => {
  const input = hostileInput();

  it('has the documented columns, one row per record, RFC 4180 with CRLF', () => {
    const rows = parseCsv(formatCsv(input));
    expect(rows[0]).toEqual([...CSV_DOCUMENT_COLUMNS]);
    expect(CSV_DOCUMENT_COLUMNS).toHaveLength(13 + 2 * CATEGORIES.length + 4 + 2);
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

  it('shows the ranking in order, the failures and the top findings', () => {
    const text = formatText(input);
    const ranking = input.summary.ranking.map((entry) => text.indexOf(entry.file, text.indexOf('Ranking')));
    expect(ranking.every((position, i) => position > 0 && (i === 0 || position > ranking[i - 1]!))).toBe(true);
    expect(text).toContain('EPDF_PARSE');
    expect(text).toMatch(/Top findings\n {2}1\. /);
    expect(text).toMatch(/×\d+ {2}\w/);
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
});

describe('HTML', () => {
  const input = hostileInput();
  const html = formatHtml(input);

  it('contains no markup from input: every payload is escaped', () => {
    expect(html).not.toMatch(/<script|<img|<iframe|<svg onload|<textarea|<a href="javascript|\son\w+=["']?window/i);
    expect(html).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
    expect(html).toContain('&lt;/textarea&gt;&lt;/mark&gt;&lt;/div&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=&#39;file&#39;&quot;&gt;');
  });

  it('is self-contained and forbids scripts and remote resources', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/<svg class="chart" role="img"/);
  });

  it('highlights exactly the findings, each with its gloss and stance in the tooltip', () => {
    const document = input.results[0] as CorpusDocument;
    const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const body = html.split('<article class="doc" id="doc-0">')[1]!.split('<div class="text">')[1]!.split('</div>')[0]!;
    // Walk the highlighted text: plain pieces and marks, tracking offsets in the original text.
    const covered = new Set<number>();
    let offset = 0;
    let plain = '';
    for (const [, tip, inner, rest] of body.matchAll(/<mark class="c\d s-\w+" tabindex="0" data-tip="([^"]*)">([^<]*)<\/mark>|([^<]+)/g)) {
      const piece = unescape(inner ?? rest!);
      if (tip !== undefined) {
        const findings = document.findings.filter((f) => f.range[0] <= offset && f.range[1] >= offset + piece.length);
        expect(findings.length, `mark at ${offset}`).toBeGreaterThan(0);
        for (const finding of findings) expect(unescape(tip)).toContain(finding.note);
        for (let i = offset; i < offset + piece.length; i++) covered.add(i);
      }
      plain += piece;
      offset += piece.length;
    }
    expect(plain).toBe(HOSTILE_TEXT);
    const expected = new Set(document.findings.flatMap((f) => Array.from({ length: f.range[1] - f.range[0] }, (_, i) => f.range[0] + i)));
    expect([...covered].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    const cliquez = [...body.matchAll(/data-tip="([^"]*)">Cliquez</g)][0]!;
    expect(cliquez[1]).toContain('&lt;script&gt;window.__pwned = &quot;note&quot;&lt;/script&gt;');
    expect(cliquez[1]).toMatch(/^marketing buzzword · (in the author’s own voice|reported: quoted from someone else|distanced: held at a distance by the author) · weight 1\n/);
  });

  it('splits overlapping findings at every boundary and keeps all their glosses', () => {
    const base = analyze('la ville intelligente').findings[0]!;
    const finding = (start: number, end: number, note: string): Finding => ({ ...base, range: [start, end], actual: 'x', note });
    const text = 'abcdefghij';
    const out = highlightedText(text, [finding(2, 6, 'first'), finding(4, 8, 'second'), finding(9, 40, 'outside')]);
    expect(out.replace(/<[^>]+>/g, '')).toBe(text);
    const pieces = [...out.matchAll(/data-tip="([^"]*)">([^<]*)</g)].map((m) => [m[2], m[1]!.includes('first'), m[1]!.includes('second')]);
    expect(pieces).toEqual([
      ['cd', true, false],
      ['ef', true, true],
      ['gh', false, true],
    ]);
  });

  it('is stable from run to run', () => {
    expect(formatHtml(hostileInput())).toBe(html);
  });
});

describe('formatReport()', () => {
  it('dispatches every format, and rejects unknown ones', () => {
    const input = hostileInput();
    for (const format of REPORT_FORMATS) expect(formatReport(format, input).length).toBeGreaterThan(100);
    expect(formatReport('md', input)).toBe(formatMarkdown(input));
    expect(() => formatReport('xml' as 'md', input)).toThrow(/unknown report format "xml"/);
  });
});
