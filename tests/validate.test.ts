/**
 * Validation and calibration as functions: the AUC, its bootstrap interval, the per-rule
 * log-odds, the worst pairs, the folds, the labels files, the selection of documents, the fit of
 * the weights, and the weights files. Every case is made by hand: no figure here depends on what
 * the analyser scores.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, validateCorpus, type Category, type CorpusDocumentLean, type DocumentStance, type Finding, type Stance } from 'novlangue';
import schema from '../lexicons/weights.schema.json' with { type: 'json' };
import { auc } from '../src/validate/auc.js';
import { bootstrapInterval } from '../src/validate/bootstrap.js';
import { calibrate, fitLanguage } from '../src/validate/calibrate.js';
import { stratifiedFolds } from '../src/validate/folds.js';
import { parseLabels } from '../src/validate/labels.js';
import { validationReport } from '../src/validate/report.js';
import { logOddsRatio, ruleTable } from '../src/validate/rules.js';
import { checkSelection, selectDocuments } from '../src/validate/select.js';
import type { LabelledDocument } from '../src/validate/types.js';
import { worstPairs } from '../src/validate/worst.js';
import { checkWeights, loadWeights } from '../src/weights/load.js';
import { COMPARED, makeLabelledCorpus } from './fixtures/labelled.js';

describe('AUC (Mann-Whitney, ties count half)', () => {
  it('is 1 when every positive scores above every other document', () => {
    expect(auc([50, 60, 70], [10, 20, 49.9])).toBe(1);
  });

  it('is 0 when every positive scores below', () => {
    expect(auc([1, 2], [3, 4, 5])).toBe(0);
  });

  it('is 0.5 when all scores are tied', () => {
    expect(auc([7, 7, 7], [7, 7])).toBe(0.5);
  });

  it('counts each tied pair as half a win: [1, 2] against [2] is (0 + ½) / 2', () => {
    expect(auc([1, 2], [2])).toBe(0.25);
    expect(auc([2, 3, 1], [2, 0])).toBeCloseTo((1 + 1 + 0.5 + 1 + 0 + 1) / 6, 12);
  });

  it('has no value without a document on each side', () => {
    expect(auc([], [1])).toBeNaN();
    expect(auc([1], [])).toBeNaN();
  });

  it('swapping the sides gives 1 − AUC, whatever the scores', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(scores, scores, (a, b) => Math.abs(auc(a, b) + auc(b, a) - 1) < 1e-12));
  });
});

describe('bootstrap interval (stratified, seeded)', () => {
  const positives = [12, 30, 31, 45, 50, 8, 27];
  const negatives = [5, 9, 14, 28, 3, 0, 0, 11];
  const options = { resamples: 1000, seed: 1, name: 'all:rest' };

  it('is the same for the same scores and seed, in any order', () => {
    const first = bootstrapInterval(positives, negatives, options);
    expect(bootstrapInterval(positives, negatives, options)).toEqual(first);
    expect(bootstrapInterval([...positives].reverse(), [...negatives].reverse(), options)).toEqual(first);
  });

  it('contains the point estimate, inside [0, 1]', () => {
    const [low, high] = bootstrapInterval(positives, negatives, options)!;
    const estimate = auc(positives, negatives);
    expect(low).toBeLessThanOrEqual(estimate);
    expect(high).toBeGreaterThanOrEqual(estimate);
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(1);
    expect(low).toBeLessThan(high);
  });

  it('changes with the seed, and with the name of what is resampled', () => {
    const first = bootstrapInterval(positives, negatives, options);
    expect(bootstrapInterval(positives, negatives, { ...options, seed: 2 })).not.toEqual(first);
    expect(bootstrapInterval(positives, negatives, { ...options, name: 'fr:rest' })).not.toEqual(first);
  });

  it('is [1, 1] for perfectly separated scores (every resample keeps both classes)', () => {
    expect(bootstrapInterval([10, 11], [1, 2, 3], options)).toEqual([1, 1]);
  });

  it('is absent with 0 resamples or an empty side', () => {
    expect(bootstrapInterval(positives, negatives, { ...options, resamples: 0 })).toBeNull();
    expect(bootstrapInterval([], negatives, options)).toBeNull();
  });
});

/** A lean record with the given findings (typed in full, so that a new field of Finding shows here). */
function record(file: string, findings: Array<[ruleId: string, category: Category, stance?: Stance, weight?: number]>, words = 100): CorpusDocumentLean {
  const point = { line: 1, column: 1, offset: 0 };
  const stance: DocumentStance = { distanced: 0, reported: 0, use: 1, markers: [], evidence: 0, criticalFrame: false, reading: 'promotional' };
  const lean: Pick<CorpusDocumentLean, 'file' | 'words' | 'lang' | 'meta' | 'findings' | 'stance'> = {
    file,
    words,
    lang: file.startsWith('en/') ? 'en' : 'fr',
    meta: {},
    findings: findings.map(
      ([ruleId, category, stance = 'use', weight = 2]): Finding => ({
        ruleId,
        kind: 'term',
        category,
        range: [0, 0],
        place: { start: point, end: point },
        actual: '',
        stance,
        role: 'rhetoric',
        weight,
        message: '',
        note: '',
        section: '',
        tokens: [],
      }),
    ),
    stance,
  };
  return lean as CorpusDocumentLean;
}

const doc = (file: string, label: string, score: number, findings: Parameters<typeof record>[1] = []): LabelledDocument => ({ file, label, lang: file.startsWith('en/') ? 'en' : 'fr', score, record: record(file, findings) });

describe('per-rule table: documents where a rule fires in the author’s voice, smoothed log-odds', () => {
  it('is ln(((a + ½)/(P − a + ½)) / ((b + ½)/(R − b + ½))), with Woolf’s standard error', () => {
    const { logOdds, se } = logOddsRatio(10, 20, 2, 40);
    expect(logOdds).toBeCloseTo(Math.log((10.5 / 10.5) / (2.5 / 38.5)), 12);
    expect(se).toBeCloseTo(Math.sqrt(1 / 10.5 + 1 / 10.5 + 1 / 2.5 + 1 / 38.5), 12);
    expect(logOddsRatio(0, 5, 0, 5).logOdds).toBe(0);
  });

  it('counts documents, not findings, and only findings in the author’s voice; helpful rules first, hurtful last', () => {
    const documents = [
      doc('a', 'promotional', 50, [['fr.innovation', 'buzzwords'], ['fr.innovation', 'buzzwords'], ['fr.smart', 'intelligence']]),
      doc('b', 'promotional', 40, [['fr.innovation', 'buzzwords']]),
      doc('c', 'critical', 10, [['fr.innovation', 'buzzwords', 'distanced'], ['fr.camera', 'surveillance']]),
      doc('d', 'neutral', 5, [['fr.camera', 'surveillance']]),
    ];
    const { rows, fired } = ruleTable(documents, 'promotional', ['promotional', 'critical', 'neutral'], 10);
    expect(fired).toBe(3);
    expect(rows.map((row) => row.ruleId)).toEqual(['fr.innovation', 'fr.smart', 'fr.camera']);
    expect(rows[0]!.documents).toEqual({ promotional: 2, critical: 0, neutral: 0 });
    expect(rows[2]!.documents).toEqual({ promotional: 0, critical: 1, neutral: 1 });
    expect(rows[0]!.logOdds).toBeGreaterThan(0);
    expect(rows[2]!.logOdds).toBeLessThan(0);
  });

  it('with fewer rows than rules, keeps both the most helpful and the most hurtful', () => {
    const documents = [
      doc('a', 'promotional', 50, [['fr.h1', 'buzzwords'], ['fr.h2', 'buzzwords'], ['fr.h3', 'buzzwords']]),
      doc('b', 'promotional', 40, [['fr.h1', 'buzzwords'], ['fr.h2', 'buzzwords']]),
      doc('c', 'critical', 10, [['fr.x1', 'surveillance'], ['fr.x2', 'surveillance']]),
      doc('d', 'neutral', 5, [['fr.x1', 'surveillance']]),
    ];
    expect(ruleTable(documents, 'promotional', ['promotional', 'critical', 'neutral'], 2).rows.map((row) => row.ruleId)).toEqual(['fr.h1', 'fr.x1']);
  });
});

describe('worst pairs', () => {
  it('pairs the highest-scoring other documents with the lowest-scoring positive ones, while they are inverted', () => {
    const documents = [doc('p1', 'promotional', 80), doc('p2', 'promotional', 15), doc('p3', 'promotional', 30), doc('c1', 'critical', 40), doc('n1', 'neutral', 20), doc('n2', 'neutral', 1)];
    const pairs = worstPairs(documents, 'promotional', 10);
    expect(pairs.map((pair) => `${pair.above.file} ${pair.above.score} > ${pair.below.file} ${pair.below.score}`)).toEqual(['c1 40 > p2 15']); // n1 (20) is below p3 (30): the inversions end there
    expect(worstPairs(documents, 'promotional', 0)).toEqual([]);
  });
});

describe('stratified folds', () => {
  const items = Array.from({ length: 23 }, (_, i) => ({ file: `f${String(i).padStart(2, '0')}`, label: i < 8 ? 'promotional' : i < 15 ? 'critical' : 'neutral' }));

  it('give each fold about the same share of each label', () => {
    const folds = stratifiedFolds(items, 5, 1, 'test');
    for (const label of ['promotional', 'critical', 'neutral']) {
      const sizes = [0, 1, 2, 3, 4].map((fold) => items.filter((item, i) => item.label === label && folds[i] === fold).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('are the same for the same seed, whatever the order of the items', () => {
    const folds = stratifiedFolds(items, 5, 1, 'test');
    const reversed = stratifiedFolds([...items].reverse(), 5, 1, 'test').reverse();
    expect(reversed).toEqual(folds);
    expect(stratifiedFolds(items, 5, 2, 'test')).not.toEqual(folds);
  });
});

describe('labels files', () => {
  it('JSON: an array of objects; other fields are ignored, null is no label', () => {
    const source = JSON.stringify([
      { file: 'texts/a.txt', label: 'promotional', lang: 'fr', year: null },
      { file: 'texts/b.txt', label: ' critical ' },
      { file: 'texts/c.txt', label: null },
    ]);
    expect(parseLabels(source, 'labels.json')).toEqual([
      { file: 'texts/a.txt', label: 'promotional' },
      { file: 'texts/b.txt', label: 'critical' },
      { file: 'texts/c.txt', label: '' },
    ]);
  });

  it('CSV: a header with file and label in any order, quoted cells, a byte order mark, ; as separator', () => {
    expect(parseLabels('\uFEFFlabel,notes,file\r\npromotional,"says ""smart"", twice",a.txt\r\n\r\ncritical,,"b, c.txt"\r\n', 'labels.csv')).toEqual([
      { file: 'a.txt', label: 'promotional' },
      { file: 'b, c.txt', label: 'critical' },
    ]);
    expect(parseLabels('file;label\na.txt;neutral\n', 'labels.csv')).toEqual([{ file: 'a.txt', label: 'neutral' }]);
  });

  it.each([
    ['labels.json', '[{"file": "a.txt", "label": "x"', /the labels file labels\.json is not valid JSON/],
    ['labels.json', '{"a.txt": "promotional"}', /labels\.json must hold a JSON array of objects with "file" and "label", instead found an object/],
    ['labels.json', '[{"label": "promotional"}]', /labels\.json, item 1: "file" must be a file name/],
    ['labels.json', '[{"file": "a.txt", "label": ["x"]}]', /labels\.json, item 1 \(a\.txt\): "label" must be a string/],
    ['labels.csv', 'name,label\na.txt,x\n', /labels\.csv needs a header line with a "file" and a "label" column/],
    ['labels.csv', 'file,label\n"a.txt,x\n', /labels\.csv is not valid CSV \(line 2: a quoted cell is never closed\)/],
    ['labels.csv', 'file,label\n', /labels\.csv holds no labels/],
    ['labels.csv', 'file,label\na.txt,x\na.txt,y\n', /labels\.csv gives a\.txt two labels, "x" and "y"/],
  ])('%s %j is an error naming the file', (file, source, message) => {
    expect(() => parseLabels(source, file)).toThrow(message);
  });
});

describe('which documents are compared', () => {
  const records = [
    { ...record('corpus/a.txt', []), meta: { label: 'promotional' } },
    { ...record('corpus/b.txt', []), meta: { label: 'critical' } },
    { ...record('corpus/c.txt', []), meta: { label: 'descriptive' } },
    { ...record('corpus/d.txt', []), meta: {} },
    { file: 'corpus/e.pdf', error: { code: 'EPDF_NO_TEXT' as const, message: 'no text' } },
  ];

  it('takes the label metadata field, and lists what it leaves out', () => {
    const selection = selectDocuments(records, { excludeLabels: ['descriptive'] });
    expect(selection.documents.map((document) => `${document.file} ${document.label}`)).toEqual(['corpus/a.txt promotional', 'corpus/b.txt critical']);
    expect(selection.unlabelled).toEqual(['corpus/d.txt']);
    expect(selection.excluded).toEqual({ descriptive: ['corpus/c.txt'] });
    expect(selection.failures.map((failure) => failure.file)).toEqual(['corpus/e.pdf']);
  });

  it('matches a labels file’s rows by the paths the reports show, or resolved from the labels file’s folder', () => {
    const base = path.resolve('elsewhere');
    const rows = [
      { file: 'corpus/a.txt', label: 'critical' },
      { file: path.relative(base, path.resolve('corpus/b.txt')), label: 'promotional' },
      { file: path.resolve('corpus/e.pdf'), label: 'neutral' },
    ];
    const selection = selectDocuments(records, { source: { rows, base, name: 'the labels file elsewhere/labels.csv', file: 'elsewhere/labels.csv' } });
    expect(selection.documents.map((document) => `${document.file} ${document.label}`)).toEqual(['corpus/a.txt critical', 'corpus/b.txt promotional']);
    expect(selection.unlabelled).toEqual(['corpus/c.txt', 'corpus/d.txt']);
  });

  it('refuses a labels file naming files that are not in the corpus, and lists them', () => {
    const rows = [{ file: 'corpus/a.txt', label: 'x' }, { file: 'corpus/gone.txt', label: 'y' }, { file: 'other.txt', label: 'y' }];
    expect(() => selectDocuments(records, { source: { rows, base: process.cwd(), name: 'the labels file labels.csv', file: 'labels.csv' } })).toThrow(
      /the labels file labels\.csv names 2 files that are not in the corpus: corpus\/gone\.txt, other\.txt/,
    );
  });

  it.each([
    [[{ ...record('a.txt', []), meta: {} }], 'promotional', /no labels: none of the 1 documents has a "label" metadata field/],
    [[{ ...record('a.txt', []), meta: { label: 'promotional' } }], 'promotional', /every compared document is labelled "promotional"/],
    [[{ ...record('a.txt', []), meta: { label: 'critical' } }, { ...record('b.txt', []), meta: { label: 'neutral' } }], 'promotional', /no document is labelled "promotional" \(the labels are "critical" 1, "neutral" 1\)/],
    [[{ file: 'x.txt', error: { code: 'ENOENT' as const, message: 'no such file' } }], 'promotional', /none of the 1 file could be analysed \(x\.txt: ENOENT\)/],
    [[{ ...record('a.txt', []), meta: { label: { nested: true } } }], 'promotional', /a\.txt: the metadata field "label" must be a string, instead found an object/],
  ])('%# cannot be validated: the error says why', (given, positive, message) => {
    expect(() => checkSelection(selectDocuments(given, {}), positive, undefined)).toThrow(message);
  });
});

describe('validation report', () => {
  it('compares the positive label with the rest and each other label, in all and per language', () => {
    const documents = [doc('fr/p', 'promotional', 60), doc('fr/c', 'critical', 30), doc('fr/n', 'neutral', 70), doc('en/p', 'promotional', 50), doc('en/c', 'critical', 10)];
    const report = validationReport({ documents, unlabelled: [], excluded: {}, failures: [] }, { positive: 'promotional', resamples: 200, seed: 1, rules: 5, worst: 5 });
    expect(report.labels).toEqual({ promotional: 2, critical: 2, neutral: 1 });
    expect(report.auc).toEqual({ rest: 0.6667, critical: 1, neutral: 0 }); // four decimals
    expect(report.byLang.fr!.auc).toEqual({ rest: 0.5, critical: 1, neutral: 0 });
    expect(report.byLang.en).toMatchObject({ documents: 2, labels: { promotional: 1, critical: 1 }, auc: { rest: 1, critical: 1 } });
    expect(Object.keys(report.interval)).toEqual(['rest', 'critical', 'neutral']);
    expect(report.worst.map((pair) => [pair.above.file, pair.below.file])).toEqual([['fr/n', 'en/p']]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('calibration', () => {
  // Promotional texts speak buzzwords; the others, reporting on cameras, score higher on surveillance.
  const documents = [
    ...[1, 2, 3, 4, 5, 6].map((i) => doc(`fr/p${i}`, 'promotional', 0, [['fr.innovation', 'buzzwords', 'use', 1 + (i % 3)]])),
    ...[1, 2, 3, 4, 5, 6].map((i) => doc(`fr/c${i}`, i % 2 ? 'critical' : 'neutral', 0, [['fr.camera', 'surveillance', 'use', 2 + (i % 3)], ...(i === 1 ? [['fr.innovation', 'buzzwords', 'use', 0.5] as [string, Category, Stance, number]] : [])])),
  ];

  it('fits multipliers that undo an inversion (surveillance down), and leaves unused categories at 1', () => {
    const calibration = calibrate(documents, { positive: 'promotional', folds: 3, seed: 1, penalty: 0.01 });
    const fr = calibration.byLang.fr!;
    expect(fr.auc.before).toBeLessThan(0.5);
    expect(fr.auc.after).toBe(1);
    expect(fr.auc.crossValidated).toMatchObject({ before: fr.auc.before, folds: 3 });
    const { surveillance, buzzwords, ...unused } = calibration.weights.fr!;
    expect(surveillance).toBeLessThan(1);
    expect(buzzwords).toBeGreaterThanOrEqual(1);
    expect(Object.keys(unused)).toHaveLength(CATEGORIES.length - 2);
    expect(new Set(Object.values(unused))).toEqual(new Set([1]));
    expect(calibration.weights.en).toBeUndefined();
  });

  it('is deterministic', () => {
    const settings = { positive: 'promotional', folds: 3, seed: 7, penalty: 0.01 };
    expect(calibrate(documents, settings)).toEqual(calibrate([...documents].reverse(), settings));
  });

  it('keeps every multiplier at 1 when the penalty outweighs what the AUC could gain', () => {
    const samples = documents.map((document) => ({ ...document, positive: document.label === 'promotional' }));
    expect(new Set(Object.values(fitLanguage(samples, 'fr', { penalty: 10 })))).toEqual(new Set([1]));
  });
});

describe('weights files (lexicons/weights.schema.json)', () => {
  it('name every category, and only those', () => {
    expect(Object.keys(schema.definitions.categoryWeights.properties)).toEqual([...CATEGORIES]);
  });

  it('read multipliers per language and category; "fitted" is a free record', () => {
    const data = { weights: { fr: { intelligence: 1.5, surveillance: 0 }, en: {} }, fitted: { documents: 3, anything: ['goes'] } };
    expect(loadWeights(data, 'w.json').weights).toEqual(data.weights);
  });

  it.each([
    [{ weights: { fr: { intelligenc: 1 } } }, 'weights.fr.intelligenc', /unknown category "intelligenc": expected one of "intelligence", "buzzwords"/],
    [{ weights: { de: { intelligence: 1 } } }, 'weights.de', /unknown language "de": expected "fr" or "en"/],
    [{ weights: {}, extra: true }, 'extra', /unknown key "extra"/],
    [{ weights: { en: { buzzwords: -0.5 } } }, 'weights.en.buzzwords', /a multiplier must be a number from 0 to 100, instead found a number \(-0\.5\)/],
    [{ weights: { en: { buzzwords: '2' } } }, 'weights.en.buzzwords', /instead found a string \("2"\)/],
    [{ weights: { en: [] } }, 'weights.en', /must be an object of category multipliers, instead found an array/],
    [{ fitted: {} }, 'weights', /missing/],
  ])('%j is refused, naming the file and the key', (data, key, message) => {
    let error: unknown;
    try {
      loadWeights(data, 'w.json');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'EWEIGHTS', file: 'w.json', key });
    expect((error as Error).message).toMatch(/^w\.json \(key "/);
    expect((error as Error).message).toMatch(message);
  });

  it('an API weights object is checked the same way, NaN included', () => {
    expect(() => checkWeights({ fr: { intelligence: Number.NaN } }, 'option "weights"')).toThrow(/option "weights" \(key "fr\.intelligence"\): a multiplier must be a number from 0 to 100, instead found a number \(NaN\)/);
    expect(checkWeights({ fr: { intelligence: 2 } }, 'option "weights"')).toEqual({ fr: { intelligence: 2 } });
  });
});

describe('validateCorpus()', () => {
  it('analyses a labelled corpus and reports on it, labels given as rows', async () => {
    const corpus = makeLabelledCorpus();
    try {
      const folder = path.join(corpus.root, 'corpus');
      const fromMeta = await validateCorpus(folder, { excludeLabels: ['descriptive'], bootstrap: 50 });
      expect(fromMeta.labels).toEqual(COMPARED);
      expect(fromMeta.failures.map((failure) => failure.error.code)).toEqual(['EBINARY']);
      const rows = [
        { file: path.join(folder, 'fr/promo-1.txt'), label: 'promotional' },
        { file: path.join(folder, 'en/neutral-1.txt'), label: 'neutral' },
      ];
      const fromRows = await validateCorpus([rows[0]!.file, rows[1]!.file], { labels: rows, bootstrap: 0 });
      expect(fromRows).toMatchObject({ documents: 2, labels: { promotional: 1, neutral: 1 }, interval: { rest: null, neutral: null } });
    } finally {
      corpus.remove();
    }
  });

  it.each([
    [{ bootstrap: -1 }, /option "bootstrap" must be an integer from 0 to 100000/],
    [{ positive: '' }, /option "positive" must be a label/],
    [{ labels: [{ file: 'a.txt' }] }, /option "labels" must be a labels file's path or an array of \{ file, label \} strings/],
    [{ weights: { fr: { intelligenc: 1 } } }, /option "weights" \(key "fr\.intelligenc"\): unknown category/],
  ])('refuses the invalid option %j with EOPTION', async (options, message) => {
    await expect(validateCorpus('no-such-folder', options as Parameters<typeof validateCorpus>[1])).rejects.toMatchObject({ code: 'EOPTION', message: expect.stringMatching(message) });
  });
});
