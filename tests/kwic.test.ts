/**
 * `novlangue kwic`: a concordance of a rule, a category or a phrase. The context reproduces the
 * text (whitespace folded), the match is the exact text, and a hit that is a finding carries the
 * finding's rule and stance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concordance, formatConcordance, parseQuery, sortHits, type KwicHit } from 'novlangue';
import { CORPUS_ARG, novlangue } from './fixtures/toolbox/cli.js';
import { fold, readToolboxCorpus, recordOf } from './fixtures/toolbox/records.js';

/** Words of a context, as `--width` counts them. */
const words = (context: string): number => context.match(/[\p{L}\p{M}\p{N}]+(?:[.,'’-][\p{L}\p{M}\p{N}]+)*/gu)?.filter((word) => !/^\p{L}['’]$/u.test(word)).length ?? 0;

/** The invariants of every hit of `text`. */
function expectContextReproducesText(text: string, hit: KwicHit, width: number): void {
  expect(text.slice(hit.range[0], hit.range[1])).toBe(hit.match);
  expect(fold(text.slice(0, hit.range[0])).endsWith(hit.left), `left ${JSON.stringify(hit.left)}`).toBe(true);
  expect(fold(text.slice(hit.range[1])).startsWith(hit.right), `right ${JSON.stringify(hit.right)}`).toBe(true);
  expect(fold(text).includes(fold(hit.left + hit.match + hit.right))).toBe(true);
  expect(words(hit.left)).toBeLessThanOrEqual(width);
  expect(words(hit.right)).toBeLessThanOrEqual(width);
}

describe('the query', () => {
  it('is a rule id when it has the shape <lang>.<id>', () => {
    expect(parseQuery('fr.smart-city')).toEqual({ kind: 'rule', text: 'fr.smart-city', ruleId: 'fr.smart-city' });
  });

  it('is a category when it names one', () => {
    expect(parseQuery('Surveillance')).toMatchObject({ kind: 'category', category: 'surveillance' });
  });

  it('is otherwise a phrase in the lexicon pattern syntax', () => {
    expect(parseQuery('ville|villes intelligent').kind).toBe('phrase');
  });

  it('that cannot be compiled is refused with the reason', () => {
    expect(() => parseQuery('ville||cité')).toThrow(/not a valid pattern: empty alternative/);
    expect(() => parseQuery('  ')).toThrow(/empty/);
  });
});

describe('a concordance', () => {
  const text = 'Valmer devient une ville intelligente.\nLes villes\n  intelligentes du réseau partagent leurs données ; la « ville intelligente » reste un slogan.';
  const document = recordOf(text);

  it('finds a phrase by stems, across a line break, with the exact matched text', () => {
    const hits = concordance([document], 'ville intelligent', { width: 3 });
    expect(hits.map((hit) => hit.match)).toEqual(['ville intelligente', 'villes\n  intelligentes', 'ville intelligente']);
    expect(hits[1]).toMatchObject({ line: 2, column: 5, left: 'ville intelligente. Les ', right: ' du réseau partagent' });
    for (const hit of hits) expectContextReproducesText(text, hit, 3);
  });

  it('gives a hit that is a finding its rule and its stance: scare quotes are distanced', () => {
    const hits = concordance([document], 'fr.ville-intelligente');
    expect(hits.length).toBe(document.findings.filter((finding) => finding.ruleId === 'fr.ville-intelligente').length);
    expect(hits.map((hit) => hit.stance)).toContain('distanced');
    for (const hit of hits) {
      const finding = document.findings.find((f) => f.range[0] === hit.range[0] && f.ruleId === hit.ruleId)!;
      expect(hit.stance).toBe(finding.stance);
      expect(hit.match).toBe(finding.actual);
    }
  });

  it('of a phrase no finding covers has no rule and no stance', () => {
    const [hit] = concordance([document], 'réseau');
    expect(hit).toMatchObject({ match: 'réseau', ruleId: null, category: null, stance: null });
  });

  it('of a category holds every finding of the category', () => {
    const hits = concordance([document], 'surveillance');
    expect(hits.length).toBe(document.findings.filter((finding) => finding.category === 'surveillance').length);
    expect(hits.every((hit) => hit.category === 'surveillance')).toBe(true);
  });

  it('sorts by the words left or right of the match, as AntConc does', () => {
    const sorted = (order: 'left' | 'right'): string[] =>
      sortHits(concordance([recordOf('Le bleu ciel. Un ciel rouge. Un vert ciel. Ce ciel gris.')], 'ciel', { width: 1 }), order).map((hit) => `${hit.left}|${hit.right}`);
    // Punctuation is shown but not sorted on: `. Un` sorts as `un`.
    expect(sorted('left')).toEqual(['bleu |. Un', 'Ce | gris', 'Un | rouge', 'vert |. Ce']);
    expect(sorted('right')).toEqual(['vert |. Ce', 'Ce | gris', 'Un | rouge', 'bleu |. Un']);
  });

  it('keeps the context inside the text for any width, and the match exact (property)', () => {
    const pieces = ['ville', 'intelligente', 'Villes', 'intelligentes', 'données', '«', '»', ',', '.', ';', "l'", 'État', 'smart', 'city', '3.0', 'co-construire', '😀', 'é\u0301'];
    const gaps = [' ', '  ', '\n', '\r\n', '\t', '\u00a0', ' \n '];
    const texts = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 6 }), fc.constantFrom('ville intelligent', 'données', 'intelligence', 'fr.ville-intelligente'), (text, width, query) => {
        for (const hit of concordance([recordOf(text)], query, { width })) expectContextReproducesText(text, hit, width);
      }),
      { numRuns: 150 },
    );
  });

  it('is the same from run to run', async () => {
    const { documents } = await readToolboxCorpus();
    expect(JSON.stringify(concordance(documents, 'intelligence', { sort: 'right' }))).toBe(JSON.stringify(concordance([...documents].reverse(), 'intelligence', { sort: 'right' })));
  });
});

describe('the formats', () => {
  const hits = concordance([recordOf('Une ville intelligente, dit-on. Une <b>ville</b> intelligente =1+1.', { file: 'a "b".txt', meta: { city: 'Valmer' } })], 'ville intelligent');

  it('csv: one row per hit, the metadata fields as columns, formulas defused', () => {
    const csv = formatConcordance(hits, 'csv', { query: 'q', kind: 'phrase', documents: 1 });
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('file,line,column,start,end,left,match,right,rule_id,category,stance,lang,format,folder,reading,meta.city');
    expect(first).toMatch(/^"a ""b"".txt",1,5,4,22,Une ,ville intelligente,", dit-on. Une <b>ville<\/b> intelligente/);
  });

  it('html: escaped, the match marked', () => {
    const html = formatConcordance(hits, 'html', { query: '<q>', kind: 'phrase', documents: 1 });
    expect(html).toContain('<mark>ville intelligente</mark>');
    expect(html).toContain('&lt;b&gt;ville&lt;/b&gt;');
    expect(html).not.toContain('<q>');
  });

  it('json and jsonl: the hits as they are', () => {
    expect(JSON.parse(formatConcordance(hits, 'json', { query: 'q', kind: 'phrase', documents: 1 }))).toEqual(hits);
    expect(formatConcordance(hits, 'jsonl', { query: 'q', kind: 'phrase', documents: 1 }).trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual(hits);
  });
});

describe('novlangue kwic', () => {
  it('prints the hits with the match centred, and names the file that could not be read', () => {
    const run = novlangue('kwic', 'ville intelligent', CORPUS_ARG);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('3 hits of "ville intelligent" (phrase) in 3 of 3 documents');
    const rows = lines.slice(2).filter(Boolean);
    expect(rows).toHaveLength(3);
    // Centred: every match starts in the same column.
    expect(new Set(rows.map((row) => row.indexOf('ville intelligente'))).size).toBe(1);
    expect(rows[0]).toContain('distanced fr.ville-intelligente');
    expect(run.stderr).toMatch(/  EPDF_PARSE  \S*critique\/casse\.pdf: /);
  });

  it('--format json --width 2 --sort right: an array of hits with the document fields', () => {
    const run = novlangue('kwic', 'fr.hypervision', CORPUS_ARG, '--format', 'json', '--width', '2', '--sort', 'right', '-q');
    const hits = JSON.parse(run.stdout) as KwicHit[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.ruleId === 'fr.hypervision' && words(hit.left) <= 2)).toBe(true);
    expect(hits.find((hit) => hit.folder === 'promo')?.meta).toMatchObject({ city: 'Valmer' });
    expect(run.stderr).toBe('');
  });

  it('refuses an unknown rule id, pointing to `novlangue rules` (exit 2)', () => {
    const run = novlangue('kwic', 'fr.no-such-rule', CORPUS_ARG);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('novlangue rules');
  });
});
