/**
 * `novlangue compare`: keyness between two sub-corpora. G² is checked against a computation by
 * hand, the JSON has the documented shape, small sides are warned about, and candidate entries
 * are n-grams of side A that no lexicon entry covers.
 */
import { describe, expect, it } from 'vitest';
import { chiSquareP, compareSides, keyness, logLikelihood, logRatio, sidesByField, type Comparison } from 'novlangue';
import { CORPUS_ARG, novlangue } from './fixtures/toolbox/cli.js';
import { readToolboxCorpus, recordOf } from './fixtures/toolbox/records.js';

describe('the statistics', () => {
  it('G² matches the hand computation: 10 in 1,000 words against 2 in 1,000', () => {
    // Expected counts E = 1000 × 12 / 2000 = 6 on each side;
    // G² = 2 (10 ln(10/6) + 2 ln(2/6)) = 2 (5.108256 − 2.197225) = 5.822063.
    expect(logLikelihood(10, 1000, 2, 1000)).toBeCloseTo(5.822063, 5);
    // The same item, more frequent in B: the sign says which side.
    expect(logLikelihood(2, 1000, 10, 1000)).toBeCloseTo(-5.822063, 5);
  });

  it('G² with sides of different sizes and a zero: 5 in 2,000 against 0 in 500', () => {
    // E_A = 2000 × 5 / 2500 = 4, E_B = 1; G² = 2 (5 ln(5/4) + 0) = 2.231436.
    expect(logLikelihood(5, 2000, 0, 500)).toBeCloseTo(2.231436, 5);
    expect(logLikelihood(3, 1000, 3, 1000)).toBe(0);
  });

  it('p is the chi-square tail with 1 degree of freedom (the critical values 3.84, 6.63, 10.83)', () => {
    expect(chiSquareP(3.841458820694124)).toBeCloseTo(0.05, 10);
    expect(chiSquareP(6.634896601021214)).toBeCloseTo(0.01, 10);
    expect(chiSquareP(10.827566170662733)).toBeCloseTo(0.001, 10);
    expect(chiSquareP(-5.822063)).toBeCloseTo(0.0158264, 6);
    expect(chiSquareP(0)).toBe(1);
  });

  it('log ratio is log₂ of the ratio of rates, a zero counted as 0.5', () => {
    expect(logRatio(10, 1000, 2, 1000)).toBeCloseTo(Math.log2(5), 10);
    expect(logRatio(5, 2000, 0, 500)).toBeCloseTo(Math.log2(2.5), 10);
    expect(logRatio(0, 100, 0, 100)).toBe(0);
    expect(keyness(10, 1000, 2, 1000)).toEqual({ g2: logLikelihood(10, 1000, 2, 1000), p: chiSquareP(logLikelihood(10, 1000, 2, 1000)), logRatio: logRatio(10, 1000, 2, 1000) });
  });
});

describe('a comparison', () => {
  const promotional = 'La ville intelligente de Valmer déploie ses capteurs et son hyperviseur. Notre ville intelligente est innovante et agile.';
  const critical = 'Les capteurs de la ville surveillent les passants. Personne ne les a demandés.';
  const a = { label: 'promo', documents: [recordOf(promotional, { file: 'a.txt' })] };
  const b = { label: 'critique', documents: [recordOf(critical, { file: 'b.txt' })] };

  it('has the documented JSON shape: a, b, rows of key, kind, countA, countB, g2, logRatio, p; and warnings', () => {
    const comparison = compareSides(a, b, { minCount: 1 });
    expect(Object.keys(comparison)).toEqual(['a', 'b', 'rows', 'warnings']);
    expect(comparison.a).toEqual({ label: 'promo', documents: 1, words: a.documents[0]!.words });
    for (const row of comparison.rows) expect(Object.keys(row)).toEqual(['key', 'kind', 'countA', 'countB', 'g2', 'logRatio', 'p']);
    expect(new Set(comparison.rows.map((row) => row.kind))).toEqual(new Set(['rule', 'form', 'category']));
  });

  it('counts per rule as the findings say, and computes G² from those counts and the word totals', () => {
    const comparison = compareSides(a, b, { minCount: 1 });
    const row = comparison.rows.find((r) => r.kind === 'rule' && r.key === 'fr.ville-intelligente')!;
    const countA = a.documents[0]!.findings.filter((f) => f.ruleId === 'fr.ville-intelligente').length;
    expect(row).toMatchObject({ countA, countB: 0 });
    expect(row.g2).toBeCloseTo(logLikelihood(countA, comparison.a.words, 0, comparison.b.words), 3);
    expect(row.g2).toBeGreaterThan(0);
  });

  it('is sorted by G², most characteristic of A first', () => {
    const g2 = compareSides(a, b, { minCount: 1 }).rows.map((row) => row.g2);
    expect(g2).toEqual([...g2].sort((x, y) => y - x));
  });

  it('warns, in the output, about a side under the minimum size', () => {
    const { warnings } = compareSides(a, b);
    expect(warnings.some((warning) => warning.startsWith('side A (promo) has') && warning.includes('fewer than 1000'))).toBe(true);
    expect(compareSides(a, b, { minWords: 0, minDocuments: 0 }).warnings).toEqual([]);
  });

  it('--voice use counts only the findings in the author\'s voice', () => {
    const quoted = { label: 'q', documents: [recordOf('Les technocrates parlent de « ville intelligente » : ce slogan cache la surveillance.', { file: 'q.txt' })] };
    expect(quoted.documents[0]!.findings.find((f) => f.ruleId === 'fr.ville-intelligente')?.stance).not.toBe('use');
    const all = compareSides(quoted, b, { minCount: 1 }).rows.find((row) => row.key === 'fr.ville-intelligente');
    const use = compareSides(quoted, b, { minCount: 1, voice: 'use' }).rows.find((row) => row.key === 'fr.ville-intelligente');
    expect(all?.countA).toBe(1);
    expect(use).toBeUndefined();
  });
});

describe('candidate entries', () => {
  it('are frequent n-grams of A, absent from the lexicon, that B does not use as much', async () => {
    const { documents } = await readToolboxCorpus();
    const [a, b] = sidesByField(documents, 'folder', 'promo', 'critique');
    const { candidates } = compareSides(a, b, { candidates: { maxP: 0.5 } });
    const apaise = candidates!.find((candidate) => candidate.key === 'quartier apaisé')!;
    expect(apaise).toMatchObject({ n: 2, pattern: 'quartier apaisé', id: 'quartier-apaise', countA: 4, countB: 0, documentsA: 2 });
    expect(apaise.example.file).toMatch(/promo\/(portail\.txt|communique\.md)$/);
    // Its parts are no more frequent: the longer n-gram stands for them.
    expect(candidates!.map((candidate) => candidate.key)).not.toContain('apaisé');
    // What the lexicon already matches is never proposed.
    for (const candidate of candidates!) expect(candidate.key).not.toMatch(/ville intelligente|hyperviseur|capteurs/);
  });
});

describe('the sides of --by FIELD --groups', () => {
  it('split on a built-in field, or X against the rest', async () => {
    const { documents } = await readToolboxCorpus();
    const [promo, critique] = sidesByField(documents, 'reading', 'promotional', 'critical');
    expect([promo.label, promo.documents.length, critique.label, critique.documents.length]).toEqual(['reading=promotional', 2, 'reading=critical', 1]);
    const [valmer, rest] = sidesByField(documents, 'city', 'Valmer');
    expect([valmer.documents.length, rest.label, rest.documents.length]).toEqual([2, 'city≠Valmer', 1]);
  });

  it('refuse a value no document has, listing those there are', async () => {
    const { documents } = await readToolboxCorpus();
    expect(() => sidesByField(documents, 'city', 'Lyon')).toThrow('no document has city = "Lyon"; the values of city are "Bréhat-sur-Loire" (1), "Valmer" (2).');
  });
});

describe('novlangue compare', () => {
  it('A B --format json: the two folders, the rows, the warnings, the file that could not be read', () => {
    const run = novlangue('compare', `${CORPUS_ARG}/promo`, `${CORPUS_ARG}/critique`, '--format', 'json');
    expect(run.status).toBe(0);
    const comparison = JSON.parse(run.stdout) as Comparison;
    expect(comparison.a).toMatchObject({ label: `${CORPUS_ARG}/promo`, documents: 2 });
    expect(comparison.b).toMatchObject({ label: `${CORPUS_ARG}/critique`, documents: 1 });
    expect(comparison.rows.length).toBeGreaterThan(0);
    expect(comparison.warnings.some((warning) => warning.includes('casse.pdf (EPDF_PARSE)'))).toBe(true);
    expect(run.stderr).toContain('casse.pdf');
  });

  it('--by folder --groups promo,critique --candidates: text with the warnings and the candidates', () => {
    const run = novlangue('compare', CORPUS_ARG, '--by', 'folder', '--groups', 'promo,critique', '--candidates', '-q');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^A = folder=promo: 2 documents, \d+ words\nB = folder=critique: 1 document, \d+ words\nwarning: side A/);
    expect(run.stdout).toContain('More frequent in A');
    expect(run.stdout).toContain('Candidate entries');
  });

  it('--format csv: one row per item, candidates as rows of kind candidate', () => {
    const run = novlangue('compare', CORPUS_ARG, '--by', 'folder', '--groups', 'promo', '--format', 'csv', '-q');
    expect(run.stdout.split('\r\n')[0]).toBe('kind,key,count_a,rate_a,count_b,rate_b,g2,p,log_ratio');
  });

  it('refuses three inputs without --by, and --by without --groups (exit 2)', () => {
    expect(novlangue('compare', 'a', 'b', 'c').stderr).toContain('compare needs two inputs');
    const run = novlangue('compare', CORPUS_ARG, '--by', 'city');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--groups X,Y');
  });
});
