/**
 * `novlangue validate` and `novlangue calibrate` as users run them: the built binary on a small
 * labelled corpus written for these tests (tests/fixtures/labelled.ts), with stdout, stderr and
 * the exit status checked. No assertion depends on the scores the analyser gives: only on the
 * shape of the reports, on what is counted and left out, and on the errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from 'novlangue';
import { COMPARED, makeLabelledCorpus, TEXTS, type LabelledCorpus } from './fixtures/labelled.js';

const BIN = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));

let corpus: LabelledCorpus;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before the CLI tests.`);
  corpus = makeLabelledCorpus();
});
afterAll(() => corpus.remove());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the binary from the corpus's root, in one thread. */
function novlangue(args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args, ...(args.includes('--jobs') || args[0] === '--help' ? [] : ['--jobs', '1'])], {
    cwd: corpus.root,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const write = (file: string, content: string): string => {
  const target = path.join(corpus.root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return file;
};

interface Report {
  positive: string;
  documents: number;
  labels: Record<string, number>;
  auc: Record<string, number | null>;
  interval: Record<string, [number, number] | null>;
  byLang: Record<string, { documents: number; labels: Record<string, number>; auc: Record<string, number | null>; interval: Record<string, [number, number] | null> }>;
  rules: Array<{ ruleId: string; category: string; documents: Record<string, number>; logOdds: number; se: number }>;
  rulesFired: number;
  worst: Array<{ above: { file: string; label: string; score: number }; below: { file: string; label: string; score: number } }>;
  leftOut: { unlabelled: string[]; excluded: Record<string, string[]> };
  failures: Array<{ file: string; error: { code: string } }>;
  bootstrap: { resamples: number; seed: number; level: number };
}

const validateJson = (...extra: string[]): { run: Run; report: Report } => {
  const run = novlangue(['validate', 'corpus', '--exclude-label', 'descriptive', '--format', 'json', ...extra]);
  expect(run.status, run.stderr).toBe(0);
  return { run, report: JSON.parse(run.stdout) as Report };
};

/** Every AUC is in [0, 1] and inside its interval. */
function expectConsistent(auc: Record<string, number | null>, interval: Record<string, [number, number] | null>): void {
  expect(Object.keys(interval)).toEqual(Object.keys(auc));
  for (const [key, value] of Object.entries(auc)) {
    expect(value, key).not.toBeNull();
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
    const [low, high] = interval[key]!;
    expect(low).toBeLessThanOrEqual(value!);
    expect(high).toBeGreaterThanOrEqual(value!);
  }
}

describe('novlangue validate: a labelled corpus', () => {
  it('json: AUC against the rest and each other label, in all and per language, with intervals; what is left out is listed', () => {
    const { run, report } = validateJson();
    expect(report.positive).toBe('promotional');
    expect(report.documents).toBe(14);
    expect(report.labels).toEqual(COMPARED);
    expect(Object.keys(report.auc)).toEqual(['rest', 'critical', 'neutral']);
    expectConsistent(report.auc, report.interval);
    expect(Object.keys(report.byLang)).toEqual(['fr', 'en']);
    for (const lang of ['fr', 'en']) {
      expect(report.byLang[lang]).toMatchObject({ documents: 7, labels: { promotional: 3, critical: 2, neutral: 2 } });
      expectConsistent(report.byLang[lang]!.auc, report.byLang[lang]!.interval);
    }
    expect(report.leftOut).toEqual({ unlabelled: ['corpus/fr/sans-etiquette.txt'], excluded: { descriptive: ['corpus/en/descriptive.txt', 'corpus/fr/descriptif.txt'] } });
    expect(report.failures.map((failure) => `${failure.file} ${failure.error.code}`)).toEqual(['corpus/fr/illisible.txt EBINARY']);
    expect(run.stderr).toBe('novlangue: 1 file could not be analysed (EBINARY 1) and is left out; the report lists them.\n');
    expect(report.bootstrap).toEqual({ resamples: 1000, seed: 1, level: 0.95 });
  });

  it('json: the rule table counts documents per label, and the worst pairs put another label above a promotional text', () => {
    const { report } = validateJson('--rule-rows', '4');
    expect(report.rules.length).toBeLessThanOrEqual(4);
    expect(report.rulesFired).toBeGreaterThanOrEqual(report.rules.length);
    const logOdds = report.rules.map((rule) => rule.logOdds);
    expect(logOdds).toEqual([...logOdds].sort((a, b) => b - a));
    for (const rule of report.rules) {
      expect(Object.keys(rule.documents)).toEqual(['promotional', 'critical', 'neutral']);
      expect(CATEGORIES).toContain(rule.category);
      for (const label of Object.keys(COMPARED) as Array<keyof typeof COMPARED>) expect(rule.documents[label]).toBeLessThanOrEqual(COMPARED[label]);
    }
    for (const pair of report.worst) {
      expect(pair.above.label).not.toBe('promotional');
      expect(pair.below.label).toBe('promotional');
      expect(pair.above.score).toBeGreaterThan(pair.below.score);
    }
  });

  it('is the same byte for byte from run to run, with or without a worker pool', () => {
    const first = novlangue(['validate', 'corpus', '--format', 'json', '--exclude-label', 'descriptive']);
    const second = novlangue(['validate', 'corpus', '--format', 'json', '--exclude-label', 'descriptive', '--jobs', '2', '--min-pool-bytes', '0']);
    expect(second.stdout).toBe(first.stdout);
    expect(novlangue(['validate', 'corpus', '--format', 'json', '--exclude-label', 'descriptive', '--seed', '2']).stdout).not.toBe(first.stdout);
  });

  it('text: the counts, the AUC table per language, the rules and the inversions', () => {
    const run = novlangue(['validate', 'corpus', '--exclude-label', 'descriptive']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Validation: "promotional" against the other labels\n  14 documents compared: promotional 6, critical 4, neutral 4.\n  Languages: fr 7, en 7.\n');
    expect(run.stdout).toContain('  2 documents labelled "descriptive" left out (excluded label).\n');
    expect(run.stdout).toContain('  1 document without a label left out: corpus/fr/sans-etiquette.txt.\n');
    expect(run.stdout).toContain('  1 file could not be analysed, left out: corpus/fr/illisible.txt (EBINARY).\n');
    expect(run.stdout).toMatch(/\n {2}against {4}all +fr +en\n {2}rest {7}\d\.\d{3} \(\d\.\d{3}–\d\.\d{3}\) +/);
    expect(run.stdout).toMatch(/\n {2}documents {2}14 \(6 promotional\) +7 \(3 promotional\) +7 \(3 promotional\)\n/);
    expect(run.stdout).toContain("Rules in the author's voice");
    expect(run.stdout).toContain('Worst inversions');
  });

  it('md: the same sections, as Markdown tables', () => {
    const run = novlangue(['validate', 'corpus', '--exclude-label', 'descriptive', '--format', 'md', '-q']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('# Validation: "promotional" against the other labels\n')).toBe(true);
    expect(run.stdout).toContain('| against | all | fr | en |');
    expect(run.stdout).toContain('corpus/fr/sans-etiquette.txt');
    expect(run.stderr).toBe('');
  });

  it('without --exclude-label, the descriptive texts are one more label to compare with', () => {
    const { report } = validateJson();
    const run = novlangue(['validate', 'corpus', '--format', 'json', '--bootstrap', '0']);
    const all = JSON.parse(run.stdout) as Report;
    expect(all.documents).toBe(report.documents + 2);
    expect(Object.keys(all.auc)).toEqual(['rest', 'critical', 'descriptive', 'neutral']);
    expect(Object.values(all.interval).every((interval) => interval === null)).toBe(true);
  });

  it('--labels: a CSV in another folder, its paths relative to that folder, replaces the metadata', () => {
    const rows = Object.entries(TEXTS)
      .filter(([, { label }]) => label !== undefined)
      .map(([file, { label }]) => `../corpus/${file},${label === 'critical' ? 'neutral' : label}`);
    write('labels/labels.csv', `file,label\n${rows.join('\n')}\n`);
    const run = novlangue(['validate', 'corpus', '--labels', 'labels/labels.csv', '--exclude-label', 'descriptive', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.labels).toEqual({ promotional: 6, neutral: 8 });
    expect(report.leftOut.unlabelled).toEqual(['corpus/fr/sans-etiquette.txt']);
  });

  it('--labels: a JSON manifest whose paths are those the reports show', () => {
    const rows = Object.entries(TEXTS).map(([file, { label }]) => ({ file: `corpus/${file}`, label: label ?? null, note: 'ignored' }));
    write('manifest.json', JSON.stringify(rows));
    const { report } = validateJson('--labels', 'manifest.json');
    expect(report.labels).toEqual(COMPARED);
  });

  it('--positive: another label is the one that should score high', () => {
    const run = novlangue(['validate', 'corpus', '--positive', 'critical', '--exclude-label', 'descriptive', '--format', 'json', '--bootstrap', '0']);
    expect(run.status).toBe(0);
    expect(Object.keys((JSON.parse(run.stdout) as Report).auc)).toEqual(['rest', 'neutral', 'promotional']);
  });
});

describe('novlangue validate: what cannot be validated is a usage error (exit 2) naming the file', () => {
  it.each([
    [['validate', 'corpus/fr/sans-etiquette.txt'], /no labels: none of the 1 documents has a "label" metadata field/],
    [['validate', 'corpus/fr/promo-1.txt', 'corpus/en/promo-2.txt'], /every compared document is labelled "promotional": the AUC needs documents of another label/],
    [['validate', 'corpus', '--positive', 'glowing'], /no document is labelled "glowing" \(the labels are "critical" 4, "descriptive" 2, "neutral" 4, "promotional" 6\)/],
    [['validate', 'corpus', '--labels', 'absent.csv'], /cannot read the labels file absent\.csv \(ENOENT\)/],
    [['validate', 'corpus', '--bootstrap', 'many'], /--bootstrap <n>' argument 'many' is invalid/],
    [['validate', 'corpus', '--bootstrap', '1000000'], /--bootstrap <n>' argument '1000000' is invalid. expected a whole number from 0 to 100000/],
    [['validate', 'corpus', '--positive', 'descriptive', '--exclude-label', 'descriptive'], /^novlangue: the positive label "descriptive" cannot also be excluded\.\n$/],
    [['validate'], /missing required argument 'paths'/],
  ])('%j', (args, message) => {
    const run = novlangue(args);
    expect(run.stderr).toMatch(message);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: '' });
  });

  it('a labels file naming files that are not in the corpus: all of them listed', () => {
    write('missing.csv', 'file,label\ncorpus/fr/promo-1.txt,promotional\ncorpus/fr/gone.txt,critical\ncorpus/nowhere.txt,neutral\n');
    const run = novlangue(['validate', 'corpus', '--labels', 'missing.csv']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the labels file missing\.csv names 2 files that are not in the corpus: corpus\/fr\/gone\.txt, corpus\/nowhere\.txt\./);
  });

  it.each([
    ['broken.json', '[{"file": "corpus/fr/promo-1.txt", "label": "promotional"', /the labels file broken\.json is not valid JSON/],
    ['broken.csv', 'path,category\ncorpus/fr/promo-1.txt,promotional\n', /the labels file broken\.csv needs a header line with a "file" and a "label" column/],
    ['twice.csv', 'file,label\ncorpus/fr/promo-1.txt,promotional\ncorpus/fr/promo-1.txt,critical\n', /the labels file twice\.csv gives corpus\/fr\/promo-1\.txt two labels/],
  ])('a malformed labels file (%s) is refused with its path', (file, content, message) => {
    write(file, content);
    const run = novlangue(['validate', 'corpus', '--labels', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('novlangue calibrate, and --weights', () => {
  it('writes a weights file that --weights reads back, in validate and in the main command', () => {
    const run = novlangue(['calibrate', 'corpus', '--exclude-label', 'descriptive', '--folds', '3', '-o', 'weights.json', '-q']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Calibration: "promotional" against the rest, 14 documents; 3-fold cross-validation, seed 1, penalty 0\.01\n/);
    expect(run.stdout).toMatch(/\n {2}fr +7 +3 +\d\.\d{3} +\d\.\d{3} +\d\.\d{3}\n {2}en +7 +3 /);
    expect(run.stdout).toContain('Wrote weights.json; use it with --weights weights.json');
    const file = JSON.parse(readFileSync(path.join(corpus.root, 'weights.json'), 'utf8')) as { weights: Record<string, Record<string, number>>; fitted: Record<string, unknown> };
    expect(Object.keys(file.weights)).toEqual(['fr', 'en']);
    for (const multipliers of Object.values(file.weights)) {
      expect(Object.keys(multipliers)).toEqual([...CATEGORIES]);
      for (const value of Object.values(multipliers)) expect([0, 0.25, 0.5, 1, 1.5, 2, 3]).toContain(value);
    }
    expect(file.fitted).toMatchObject({ positive: 'promotional', documents: 14, leftOut: { unlabelled: 1, excluded: { descriptive: 2 }, failures: 1 }, method: { folds: 3, seed: 1, penalty: 0.01 } });
    expect(file.fitted['byLang']).toMatchObject({ fr: { documents: 7, positive: 3, others: 4, fitted: true }, en: { documents: 7, positive: 3, others: 4, fitted: true } });

    const again = novlangue(['calibrate', 'corpus', '--exclude-label', 'descriptive', '--folds', '3', '-o', 'weights-2.json', '-q']);
    expect(readFileSync(path.join(corpus.root, 'weights-2.json'), 'utf8')).toBe(readFileSync(path.join(corpus.root, 'weights.json'), 'utf8'));
    expect(again.status).toBe(0);

    expect(novlangue(['validate', 'corpus', '--exclude-label', 'descriptive', '--weights', 'weights.json', '-q']).status).toBe(0);
    expect(novlangue(['corpus', '--weights', 'weights.json', '-q', '--format', 'jsonl']).status).toBe(0);
  });

  it.each([
    ['in this thread', ['--jobs', '1']],
    ['in worker threads', ['--jobs', '2', '--min-pool-bytes', '0']],
  ])('multipliers of 0 everywhere score every document 0, %s', (_, jobs) => {
    const zero = Object.fromEntries(CATEGORIES.map((category) => [category, 0]));
    write('zero.json', JSON.stringify({ weights: { fr: zero, en: zero } }));
    const scoresOf = (args: string[]): number[] =>
      novlangue(['corpus', '-q', '--format', 'jsonl', ...jobs, ...args])
        .stdout.trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { score?: number }).score)
        .filter((score): score is number => score !== undefined);
    expect(scoresOf([]).some((score) => score > 0)).toBe(true);
    const zeroed = scoresOf(['--weights', 'zero.json']);
    expect(zeroed.length).toBeGreaterThan(10);
    expect(new Set(zeroed)).toEqual(new Set([0]));
  });

  it.each([
    ['bad-category.json', { weights: { fr: { intelligenc: 2 } } }, /bad-category\.json \(key "weights\.fr\.intelligenc"\): unknown category "intelligenc"/],
    ['bad-lang.json', { weights: { es: {} } }, /bad-lang\.json \(key "weights\.es"\): unknown language "es"/],
    ['negative.json', { weights: { en: { surveillance: -1 } } }, /negative\.json \(key "weights\.en\.surveillance"\): a multiplier must be a number from 0 to 100/],
    ['no-weights.json', { fr: { surveillance: 1 } }, /no-weights\.json \(key "weights"\): missing: the multipliers per language go under a "weights" key/],
  ])('a malformed weights file (%s) is refused with its path and key, by validate and the main command', (file, data, message) => {
    write(file, JSON.stringify(data));
    for (const args of [['validate', 'corpus', '--weights', file], ['corpus', '--weights', file]]) {
      const run = novlangue(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('calibrate needs -o FILE and at least 2 folds', () => {
    expect(novlangue(['calibrate', 'corpus']).stderr).toMatch(/required option '-o, --output <file>' not specified/);
    const run = novlangue(['calibrate', 'corpus', '-o', 'w.json', '--folds', '1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--folds must be 2 or more/);
  });
});

describe('help', () => {
  it('validate --help and calibrate --help document their options', () => {
    const validate = novlangue(['validate', '--help']);
    expect(validate.status).toBe(0);
    for (const option of ['--labels', '--positive', '--exclude-label', '--format', '--weights', '--bootstrap', '--seed', '--rule-rows', '--worst', '--lang', '--lexicon', '--jobs', '--min-pool-bytes', '--max-bytes', 'Exit status:', 'docs/VALIDATION.md']) expect(validate.stdout).toContain(option);
    const calibrate = novlangue(['calibrate', '--help']);
    for (const option of ['--output', '--folds', '--seed', '--penalty', '--labels', '--exclude-label']) expect(calibrate.stdout).toContain(option);
    const main = novlangue(['--help']);
    for (const word of ['validate', 'calibrate', '--weights']) expect(main.stdout).toContain(word);
  });
});
