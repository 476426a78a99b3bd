import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  analyze,
  bundledLexicon,
  exportLexicon,
  importDictionary,
  LexiconError,
  loadLexicon,
  readDictionary,
  writeDictionary,
  type Dictionary,
  type DictionaryFormat,
} from 'novlangue';

/** LIWC .dic, LIWC-22 .dicx and quanteda YAML dictionaries, read, written and used as lexicons. */

const FIXTURES = new URL('./fixtures/dictionaries/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const FORMATS: DictionaryFormat[] = ['dic', 'dicx', 'yaml'];

/** A dictionary as one sorted line per term and category: what a round trip must keep. */
const lines = (dictionary: Dictionary): string[] =>
  dictionary.terms.flatMap(({ term, categories }) => categories.map(({ name, weight }) => `${name} ${term} ${weight}`)).sort();

const ruleIds = (text: string, lexicon: ReturnType<typeof loadLexicon>): string[] => analyze(text, { lang: 'fr', lexicon }).findings.filter((f) => f.kind === 'term').map((f) => `${f.ruleId} ${f.category} « ${f.actual} »`);

describe('reading a LIWC .dic file', () => {
  const { dictionary, warnings } = readDictionary(fixture('ville.dic'), 'dic', 'ville.dic');

  it('reads the numbered categories of the % header, multi-word terms and terms in several categories', () => {
    expect(dictionary.categories).toEqual(['intelligence', 'Greenwashing']);
    expect(dictionary.terms.find((t) => t.term === 'zéro artificialisation')?.categories).toEqual([{ name: 'Greenwashing', weight: 1 }]);
    expect(dictionary.terms.find((t) => t.term === 'vert*')?.categories.map((c) => c.name)).toEqual(['intelligence', 'Greenwashing']);
    expect(warnings).toEqual([]);
  });

  it('imports as a lexicon: word* is a stem slot, a plain word an exact form, its own category declared with its name as label', () => {
    const { lexicon, warnings: left } = importDictionary(fixture('ville.dic'), { format: 'dic', lang: 'fr', file: 'ville.dic' });
    expect(lexicon.categories).toEqual({ greenwashing: { label: 'Greenwashing' } });
    const patterns = Object.fromEntries(lexicon.entries.map((e) => [e.id, 'patterns' in e ? e.patterns : []]));
    expect(patterns).toMatchObject({ smart: ['=smart =city'], intelligent: ['intelligent'], zero: ['=zéro =artificialisation'], vegetalis: ['végétalis'] });
    // A leading wildcard cannot be said in the pattern syntax: left out, and said so.
    expect(left.map((w) => w.message)).toEqual([expect.stringMatching(/^"\*ville" left out: the wildcard inside or before a word/)]);
    const own = loadLexicon(lexicon, 'ville.dic');
    // « végétalisés » is missed: `végétalis*` becomes the stem slot végétalis, which the stemmer cuts to végétal (see lexicons/FORMAT.md).
    expect(ruleIds('Des quartiers intelligents, une smart city, zéro artificialisation nette et des toits végétalisés.', own)).toEqual([
      'fr.intelligent intelligence « intelligents »',
      'fr.smart intelligence « smart city »',
      'fr.zero greenwashing « zéro artificialisation »',
      
    ]);
  });

  it('reports every error of a broken file at once, with its lines', () => {
    const broken = '%\n1\tintelligence\nx\tbuzzwords\n%\nsmart city\t1\ninnov*\t7\n';
    let error: unknown;
    try {
      readDictionary(broken, 'dic', 'broken.dic');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as Error).message).toBe(
      'broken.dic: 2 problems:\n  line 3: expected a category as "number<tab>name", instead found "x\\tbuzzwords"\n  line 6: "innov*" is in category 7, which the header does not declare',
    );
    expect(() => readDictionary('smart city\t1\n', 'dic', 'nohead.dic')).toThrow(/nohead\.dic: line 1: a LIWC \.dic file starts with a line holding only "%"/);
  });

  it('leaves LIWC 2007 conditional categories out with a warning naming the line', () => {
    const { dictionary: read, warnings: left } = readDictionary('%\n1\tfunct\n2\tverb\n%\nlike\t1 02 134)152/22\n', 'dic', 'liwc2007.dic');
    expect(read.terms).toEqual([{ term: 'like', categories: [{ name: 'funct', weight: 1 }, { name: 'verb', weight: 1 }] }]);
    expect(left[0]).toMatchObject({ line: 5, message: expect.stringMatching(/"134\)152\/22" is not a number/) });
  });
});

describe('reading LIWC-22 .dicx and quanteda YAML', () => {
  it('.dicx: X is a weight of 1, a number its weight, kept in the lexicon', () => {
    const { lexicon } = importDictionary(fixture('ville.dicx'), { format: 'dicx', lang: 'fr', file: 'ville.dicx' });
    const weights = Object.fromEntries(lexicon.entries.map((e) => [e.id, e.weight]));
    expect(weights).toEqual({ smart: 1, intelligent: 2.5, zero: 1, vegetalis: 1.5 });
    expect(() => readDictionary('DicTerm,a\nsmart,oui\n', 'dicx', 'bad.dicx')).toThrow(/bad\.dicx: line 2, column 2 \(a\): expected X, a weight or nothing, instead found "oui"/);
  });

  it('YAML: nested keys are categories named parent.child, lists their terms', () => {
    const { dictionary } = readDictionary(fixture('ville.yml'), 'yaml', 'ville.yml');
    expect(dictionary.categories).toEqual(['intelligence', 'ecologie.alibi']);
    const { lexicon } = importDictionary(fixture('ville.yml'), { format: 'yaml', lang: 'fr', file: 'ville.yml' });
    expect(lexicon.categories).toEqual({ 'ecologie.alibi': { label: 'ecologie.alibi' } });
    expect(() => readDictionary('intelligence:\n  - smart city\n - oops\n', 'yaml', 'bad.yml')).toThrow(/bad\.yml: .*line 3, column 2: /s);
  });
});

describe('round trips', () => {
  // Terms of one to three words from a small vocabulary, each word with or without a trailing *.
  const word = fc.tuple(fc.constantFrom('ville', 'smart', 'données', 'capteur', 'neutre', 'carbone', 'innov', 'citoyen', "l'humain", 'co-construire', '4.0'), fc.boolean())
    .map(([text, wildcard]) => (wildcard && /\p{L}/u.test(text) ? `${text}*` : text));
  const term = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
  const dictionary = (weighted: boolean): fc.Arbitrary<Dictionary> =>
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom('intelligence', 'surveillance', 'greenwashing', 'care.virtue', 'mots-clés'), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(term, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(1, 1, 0.5, 2.5, 5)), { minLength: 12, maxLength: 12 }),
      )
      .map(([categories, terms, picks]) => ({
        categories,
        terms: terms.map((text, i) => {
          const [pick, weight] = picks[i]!;
          return { term: text, categories: [{ name: categories[pick % categories.length]!, weight: weighted ? weight : 1 }] };
        }),
      }));

  for (const format of FORMATS) {
    it(`${format}: writing then reading gives the same categories, terms and ${format === 'dicx' ? 'weights' : 'weights of 1'}`, () => {
      fc.assert(
        fc.property(dictionary(format === 'dicx'), (written) => {
          const read = readDictionary(writeDictionary(written, format), format).dictionary;
          expect(read.categories).toEqual(written.categories);
          expect(lines(read)).toEqual(lines(written));
        }),
        { numRuns: 60 },
      );
    });
  }

  it('a dictionary imported as a lexicon and exported again has the same terms, categories and weights', () => {
    fc.assert(
      fc.property(dictionary(true), (original) => {
        const { lexicon, warnings } = importDictionary(writeDictionary(original, 'dicx'), { format: 'dicx', lang: 'fr', file: 'random.dicx' });
        expect(warnings).toEqual([]);
        const back = readDictionary(exportLexicon(loadLexicon(lexicon, 'random.dicx'), 'dicx').text, 'dicx').dictionary;
        const ids = (name: string): string => name.normalize('NFD').replace(/\p{M}+/gu, '');
        expect(lines(back)).toEqual(lines(original).map((line) => ids(line.slice(0, line.indexOf(' '))) + line.slice(line.indexOf(' '))).sort());
      }),
      { numRuns: 40 },
    );
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`${lang}: the bundled lexicon, exported to each format and imported, exports to the same dictionary`, () => {
      for (const format of FORMATS) {
        const first = exportLexicon(bundledLexicon(lang), format);
        const { lexicon, warnings } = importDictionary(first.text, { format, lang, file: `bundled.${format}` });
        expect(warnings, format).toEqual([]);
        const again = exportLexicon(loadLexicon(lexicon, `bundled.${format}`), format);
        expect(lines(readDictionary(again.text, format).dictionary), format).toEqual(lines(readDictionary(first.text, format).dictionary));
        expect(first.warnings.some((w) => /context conditions/.test(w.message)), format).toBe(true);
      }
    }, 30_000);
  }
});

describe('on the command line', () => {
  const CLI = path.resolve('dist/cli/index.js');
  const work = mkdtempSync(path.join(tmpdir(), 'novlangue-dictionaries-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (args: string[]): { status: number | null; stdout: string; stderr: string } => {
    const done = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    return { status: done.status, stdout: done.stdout, stderr: done.stderr };
  };
  const dic = new URL('ville.dic', FIXTURES).pathname;
  const text = path.join(work, 'texte.txt');
  writeFileSync(text, 'Une smart city, zéro artificialisation nette et le numérique responsable.');

  it('lexicon import FILE -o lexicon.json writes a lexicon that --lexicon reads', () => {
    const out = path.join(work, 'ville.json');
    const imported = run(['lexicon', 'import', dic, '--lang', 'fr', '-o', out]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toMatch(/"\*ville" left out/);
    expect(imported.stderr).toMatch(/6 entries in 2 categories written to/);
    const analysed = run([text, '--lang', 'fr', '--lexicon', out, '-f', 'json', '-q']);
    expect(analysed.status).toBe(0);
    const findings = (JSON.parse(analysed.stdout) as { results: Array<{ findings: Array<{ ruleId: string; category: string }> }> }).results[0]!.findings;
    expect(findings.map((f) => `${f.ruleId} ${f.category}`)).toEqual(expect.arrayContaining(['fr.zero greenwashing']));
  });

  it('--lexicon reads a .dic directly, with --lang; without it, says to add one', () => {
    const direct = run([text, '--lang', 'fr', '--lexicon', dic, '-f', 'md', '-q']);
    expect(direct.status).toBe(0);
    expect(direct.stdout).toContain('« zéro artificialisation »');
    const unsure = run([text, '--lexicon', dic, '-q']);
    expect(unsure.status).toBe(2);
    expect(unsure.stderr).toMatch(/ville\.dic is a dic dictionary, which does not say its language: add --lang fr or --lang en/);
  });

  it('lexicon export --lang fr --format dic|dicx|yaml writes the bundled lexicon', () => {
    for (const format of FORMATS) {
      const exported = run(['lexicon', 'export', '--lang', 'fr', '--format', format, '-q']);
      expect(exported.status, format).toBe(0);
      expect(lines(readDictionary(exported.stdout, format).dictionary)).toEqual(lines(readDictionary(exportLexicon(bundledLexicon('fr'), format).text, format).dictionary));
    }
    expect(run(['lexicon', 'export', '--format', 'dic']).status).toBe(2);
  });
});
