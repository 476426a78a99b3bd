import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  analyze,
  analyzeCorpus,
  bundledLexicon,
  bundledRules,
  csvHeader,
  csvRows,
  CSV_DOCUMENT_COLUMNS,
  extendLexicon,
  extendRules,
  formatCsv,
  formatHtml,
  formatMarkdown,
  formatText,
  isCorpusFailure,
  LexiconError,
  summarizeCorpus,
  type CorpusDocument,
  type ReportResult,
} from 'novlangue';

/**
 * A bilingual corpus read with a lexicon of one's own per language, in one `--lang auto` run,
 * and the categories those lexicons declare wherever the nine bundled ones show.
 */

const CLI = path.resolve('dist/cli/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'novlangue-languages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The same word in both languages: only the lexicon of the text's language may find it.
const FRENCH = 'La métropole organise un tramathon citoyen chaque printemps. Les habitants y découvrent les projets du quartier et discutent des transports en commun avec les élus. Le soir, une fanfare joue sur la place de la mairie pendant que les enfants dessinent.';
const ENGLISH = 'The council runs a tramathon for residents every spring. People come to discuss the bus routes, the new library and the parks with their councillors. In the evening, a brass band plays on the town hall square while the children draw.';

const OWN_FR = {
  lang: 'fr',
  categories: { evenementiel: { label: 'événementiel', description: 'La participation réduite à un événement.' } },
  entries: [{ id: 'tramathon-fr', category: 'evenementiel', patterns: ['=tramathon|=tramathons'], weight: 2, source: 'Mon corpus de délibérations' }],
};
const OWN_EN = {
  lang: 'en',
  categories: { events: { label: 'events' } },
  entries: [{ id: 'tramathon-en', category: 'events', patterns: ['=tramathon|=tramathons'], weight: 1, source: 'My council minutes' }],
};
const frLexicon = extendLexicon(bundledLexicon('fr'), OWN_FR, 'own-fr.json');
const enLexicon = extendLexicon(bundledLexicon('en'), OWN_EN, 'own-en.json');

/** The custom entries a record found, as `ruleId category`. */
const own = (findings: ReadonlyArray<{ ruleId: string; category: string }>): string[] => findings.filter((f) => f.ruleId.includes('tramathon')).map((f) => `${f.ruleId} ${f.category}`);

const folder = path.join(work, 'corpus');
mkdirSync(folder, { recursive: true });
// Six files (more than 2 × jobs), so that a pool of two workers starts.
for (let i = 0; i < 3; i++) {
  writeFileSync(path.join(folder, `fr-${i}.txt`), FRENCH);
  writeFileSync(path.join(folder, `en-${i}.txt`), ENGLISH);
}
const frFile = path.join(work, 'own-fr.json');
const enFile = path.join(work, 'own-en.json');
writeFileSync(frFile, JSON.stringify(OWN_FR));
writeFileSync(enFile, JSON.stringify(OWN_EN));

const cli = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
};

describe('one lexicon of one’s own per language, in one analysis', () => {
  it('analyze(): each paragraph of a bilingual text gets the entries of its language’s lexicon only', () => {
    const text = `${FRENCH}\n\n${ENGLISH}`;
    const analysis = analyze(text, { lexicon: [frLexicon, enLexicon] });
    expect(analysis.segments.map((segment) => segment.lang)).toEqual(['fr', 'en']);
    expect(own(analysis.findings)).toEqual(['fr.tramathon-fr evenementiel', 'en.tramathon-en events']);
    const [frFinding, enFinding] = analysis.findings.filter((f) => f.ruleId.includes('tramathon'));
    expect(frFinding!.range[0]).toBeLessThan(FRENCH.length);
    expect(enFinding!.range[0]).toBeGreaterThan(FRENCH.length);
    // The order of the list does not matter: a lexicon is found by its language.
    expect(analyze(text, { lexicon: [enLexicon, frLexicon] })).toEqual(analysis);
    // Each language's bundled entries still run next to its own.
    expect(analyze(FRENCH, { lang: 'fr', lexicon: [frLexicon, enLexicon] }).findings.length).toBe(analyze(FRENCH, { lang: 'fr', lexicon: frLexicon }).findings.length);
  });

  it('one lexicon in a list is the same as that lexicon alone, language included', () => {
    const alone = analyze(FRENCH, { lexicon: frLexicon });
    expect(analyze(FRENCH, { lexicon: [frLexicon] })).toEqual(alone);
    expect(alone.lang).toBe('fr');
  });

  it('two lexicons for one language are refused, naming the language and both lexicons', () => {
    const other = extendLexicon(bundledLexicon('fr'), { lang: 'fr', entries: [] }, 'other-fr.json');
    expect(() => analyze(FRENCH, { lexicon: [frLexicon, other] })).toThrow(/one lexicon per language, but two are for "fr" \(lexicons\/fr\.json \+ own-fr\.json and lexicons\/fr\.json \+ other-fr\.json\)/);
    expect(() => analyze(FRENCH, { lexicon: [] })).toThrow(TypeError);
    expect(() => analyze(FRENCH, { lexicon: [OWN_FR] as never })).toThrow(/compiled lexicon/);
  });

  it('analyzeCorpus(): an auto run over French and English files finds each lexicon’s entries only in its language, the same with two worker threads', async () => {
    const run = async (jobs: number): Promise<Record<string, string[]>> => {
      const found: Record<string, string[]> = {};
      for await (const record of analyzeCorpus([folder], { lang: 'auto', lexicon: [frLexicon, enLexicon], jobs, minPoolBytes: 0, lean: true })) {
        expect(isCorpusFailure(record)).toBe(false);
        found[record.file] = own((record as CorpusDocument).findings);
      }
      return found;
    };
    const pooled = await run(2);
    expect(pooled).toEqual(await run(1));
    expect(Object.keys(pooled)).toHaveLength(6);
    for (const [file, found] of Object.entries(pooled)) {
      expect(found, file).toEqual([path.basename(file).startsWith('fr-') ? 'fr.tramathon-fr evenementiel' : 'en.tramathon-en events']);
    }
  });

  it('analyzeCorpus() refuses two lexicons for one language before reading anything', async () => {
    const runTwice = analyzeCorpus([folder], { lexicon: [frLexicon, frLexicon] });
    await expect(runTwice.next()).rejects.toMatchObject({ code: 'EOPTION', message: expect.stringMatching(/two are for "fr"/) });
  });

  it('the CLI takes --lexicon fr.json --lexicon en.json with --lang auto, in one thread and with --jobs 2', () => {
    for (const jobs of ['1', '2']) {
      const result = cli([folder, '--lang', 'auto', '--lexicon', frFile, '--lexicon', enFile, '-f', 'json', '-q', '--jobs', jobs, '--min-pool-bytes', '0']);
      expect(result.status, result.stderr).toBe(0);
      const { results } = JSON.parse(result.stdout) as { results: Array<{ file: string; findings: Array<{ ruleId: string; category: string }> }> };
      expect(results).toHaveLength(6);
      for (const record of results) expect(own(record.findings), record.file).toEqual([path.basename(record.file).startsWith('fr-') ? 'fr.tramathon-fr evenementiel' : 'en.tramathon-en events']);
    }
  });

  it('kwic and terms take one lexicon per language too', () => {
    const kwic = cli(['kwic', 'en.tramathon-en', folder, '--lexicon', frFile, '--lexicon', enFile, '-f', 'json', '-q']);
    expect(kwic.status, kwic.stderr).toBe(0);
    const hits = JSON.parse(kwic.stdout) as Array<{ file: string; match: string }>;
    expect(hits.map((hit) => path.basename(hit.file)).sort()).toEqual(['en-0.txt', 'en-1.txt', 'en-2.txt']);
    const terms = cli(['terms', folder, '--lexicon', frFile, '--lexicon', enFile, '-f', 'json', '-q']);
    expect(terms.status, terms.stderr).toBe(0);
    expect(terms.stdout).toContain('fr.tramathon-fr');
    expect(terms.stdout).toContain('en.tramathon-en');
  });

  it('two --lexicon files for one language still combine in order', () => {
    const more = path.join(work, 'more-fr.json');
    writeFileSync(more, JSON.stringify({ lang: 'fr', entries: [{ id: 'tramathon-fr', category: 'evenementiel', patterns: ['=tramathon'], weight: 4 }] }));
    const result = cli([path.join(folder, 'fr-0.txt'), '--lexicon', frFile, '--lexicon', enFile, '--lexicon', more, '-f', 'json', '-q']);
    expect(result.status, result.stderr).toBe(0);
    const { results } = JSON.parse(result.stdout) as { results: Array<{ findings: Array<{ ruleId: string; weight: number }> }> };
    expect(results[0]!.findings.find((f) => f.ruleId === 'fr.tramathon-fr')?.weight).toBe(4);
  });
});

describe('categories declared by one’s own lexicons, wherever the nine show', () => {
  const records = async (): Promise<ReportResult[]> => {
    const out: ReportResult[] = [];
    for await (const record of analyzeCorpus([folder], { lexicon: [frLexicon, enLexicon], lean: true })) out.push(record);
    return out;
  };

  it('every document of the run has their figures, 0 where the category is absent', async () => {
    for (const record of await records()) {
      if (isCorpusFailure(record)) throw new Error(record.error.message);
      const categories = record.categories as Record<string, { count: number }>;
      const french = path.basename(record.file).startsWith('fr-');
      expect([categories['evenementiel']?.count, categories['events']?.count], record.file).toEqual(french ? [1, 0] : [0, 1]);
    }
  });

  it('the corpus summary totals them, after the nine', async () => {
    const summary = summarizeCorpus(await records());
    const totals = summary.total.categories as Record<string, { count: number; documents: number }>;
    expect(Object.keys(totals).slice(-2)).toEqual(['evenementiel', 'events']);
    expect(totals['evenementiel']).toMatchObject({ count: 3, documents: 3 });
    expect(totals['events']).toMatchObject({ count: 3, documents: 3 });
    expect(Object.keys(totals)).toHaveLength(11);
    // And the ranking names them among a document's top categories.
    for (const ranked of summary.ranking) expect(ranked.top, ranked.file).toContain(ranked.file.includes('fr-') ? 'evenementiel' : 'events');
  });

  it('the text, Markdown and HTML category tables list them after the nine', async () => {
    const results = await records();
    const input = { results, summary: summarizeCorpus(results) };
    const label = (id: string): string => (OWN_FR.categories as Record<string, { label: string }> | undefined)?.[id]?.label ?? (OWN_EN.categories as Record<string, { label: string }> | undefined)?.[id]?.label ?? id;
    const text = formatText(input);
    const markdown = formatMarkdown(input);
    const html = await formatHtml(input);
    for (const id of ['evenementiel', 'events']) {
      expect(text, id).toMatch(new RegExp(`^ *${id} +.*${label(id)}`, 'mu'));
      expect(markdown, id).toContain(`| ${id} | ${label(id)} |`);
      expect(html, id).toContain(label(id));
    }
  });

  it('CSV rows have a count and a rate column for each, after every fixed column but the error’s', async () => {
    const results = await records();
    const rows = formatCsv({ results }).trimEnd().split('\r\n').map((row) => row.split(','));
    const header = rows[0]!;
    const errorAt = CSV_DOCUMENT_COLUMNS.indexOf('error_code');
    // Every fixed column keeps its position.
    expect(header.slice(0, errorAt)).toEqual(CSV_DOCUMENT_COLUMNS.slice(0, errorAt));
    expect(header.slice(errorAt)).toEqual(['evenementiel_count', 'evenementiel_rate', 'events_count', 'events_rate', 'error_code', 'error_message']);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(header.length);
      const cell = (column: string): string => row[header.indexOf(column)]!;
      expect([cell('evenementiel_count'), cell('events_count')], cell('file')).toEqual(cell('file').includes('fr-') ? ['1', '0'] : ['0', '1']);
      expect(Number(cell(cell('file').includes('fr-') ? 'evenementiel_rate' : 'events_rate'))).toBeGreaterThan(0);
    }
    // A run without declared categories keeps the fixed columns, and a failure row their count.
    expect(csvHeader({ categories: [] })).toBe(`${CSV_DOCUMENT_COLUMNS.join(',')}\r\n`);
    const failure = { file: 'x.pdf', error: { code: 'EEXTRACT' as const, message: 'x.pdf: cannot parse the PDF' } };
    expect(csvRows(failure, { categories: ['events'] }).split(',')).toHaveLength(CSV_DOCUMENT_COLUMNS.length + 2);
  });

  it('the CLI’s streamed CSV has their columns, rows made in worker threads included', () => {
    const result = cli([folder, '--lexicon', frFile, '--lexicon', enFile, '-f', 'csv', '-q', '--jobs', '2', '--min-pool-bytes', '0']);
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n').map((row) => row.split(','));
    const header = rows[0]!;
    expect(header.slice(-6, -2)).toEqual(['evenementiel_count', 'evenementiel_rate', 'events_count', 'events_rate']);
    expect(rows).toHaveLength(7);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(header.length);
      const cell = (column: string): string => row[header.indexOf(column)]!;
      expect([cell('evenementiel_count'), cell('events_count')]).toEqual(cell('file').includes('fr-') ? ['1', '0'] : ['0', '1']);
    }
  });

  it('--resume completes a CSV that has their columns', () => {
    const output = path.join(work, 'resumed.csv');
    const args = [folder, '--lexicon', frFile, '--lexicon', enFile, '-f', 'csv', '-o', output, '-q', '--jobs', '1'];
    expect(cli(args).status).toBe(0);
    const full = readFileSync(output, 'utf8');
    writeFileSync(output, full.split('\r\n').slice(0, 4).join('\r\n') + '\r\n');
    const resumed = cli([...args, '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(full);
  });

  const RULES = {
    lang: 'fr',
    rules: [
      {
        id: 'evenement-citoyen',
        kind: 'sequence',
        category: 'participation',
        message: 'Un événement tient lieu de participation',
        note: 'Une règle de test : un événement ponctuel présenté comme la participation des habitants.',
        section: 'OUVERTURE',
        weight: 1,
        example: 'Un tramathon citoyen.',
        span: 'clause',
        patterns: ['@category:evenementiel =citoyen|=citoyens'],
      },
    ],
  };

  it('a rule of one’s own may name a declared category in @category:x', () => {
    const rules = extendRules(bundledRules('fr'), RULES, 'mine.rules.json');
    const found = analyze(FRENCH, { lang: 'fr', lexicon: frLexicon, rules }).findings.filter((f) => f.ruleId === 'fr.evenement-citoyen');
    // A sequence rule's finding spans its clause ("span": "clause").
    expect(found.map((f) => f.actual)).toEqual(['La métropole organise un tramathon citoyen chaque printemps']);
    // Without the lexicon's term, the rule has nothing to match.
    expect(analyze(FRENCH, { lang: 'fr', rules }).findings.some((f) => f.ruleId === 'fr.evenement-citoyen')).toBe(false);
  });

  it('a category no lexicon declares is refused in @category:x, with what may be named', () => {
    const unknown = { ...RULES, rules: [{ ...RULES.rules[0]!, patterns: ['@category:nulle-part =citoyen'] }] };
    expect(() => extendRules(bundledRules('fr'), unknown, 'mine.rules.json')).toThrow(LexiconError);
    expect(() => extendRules(bundledRules('fr'), unknown, 'mine.rules.json')).toThrow(/mine\.rules\.json.*evenement-citoyen.*unknown category in "@category:nulle-part".*declared by a custom lexicon/s);
  });

  it('--rules FILE with @category:<declared>, next to --lexicon, on the command line and in worker threads', () => {
    const rulesFile = path.join(work, 'mine.rules.json');
    writeFileSync(rulesFile, JSON.stringify(RULES));
    for (const jobs of ['1', '2']) {
      const result = cli([folder, '--lexicon', frFile, '--lexicon', enFile, '--rules', rulesFile, '-f', 'json', '-q', '--jobs', jobs, '--min-pool-bytes', '0']);
      expect(result.status, result.stderr).toBe(0);
      const { results } = JSON.parse(result.stdout) as { results: Array<{ file: string; findings: Array<{ ruleId: string }> }> };
      for (const record of results) {
        const fired = record.findings.some((f) => f.ruleId === 'fr.evenement-citoyen');
        expect(fired, record.file).toBe(path.basename(record.file).startsWith('fr-'));
      }
    }
  });
});
