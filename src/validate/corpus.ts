/**
 * `validateCorpus()`: analyse a labelled corpus (lean records), read its labels, and measure how
 * well the score tells the positive label from the others. The corpus run is `analyzeCorpus`'s:
 * one bad file never stops it, and the files that could not be analysed are listed in the report.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeCorpus } from '../corpus/corpus.js';
import type { ReportResult } from '../records.js';
import { NovlangueError, describeValue } from '../errors.js';
import { ValidationError } from './errors.js';
import { parseLabels } from './labels.js';
import { validationReport } from './report.js';
import { checkSelection, selectDocuments, type LabelSource } from './select.js';
import type { LabelRow, Selection, ValidateOptions, ValidationReport } from './types.js';

export const DEFAULT_POSITIVE = 'promotional';
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 1;
export const DEFAULT_RULES = 25;
export const DEFAULT_WORST = 10;

function count(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new NovlangueError('EOPTION', `novlangue: validateCorpus() option "${name}" must be an integer from 0 to ${max}, instead received ${describeValue(value)}.`);
  }
  return value;
}

function labelList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((label) => typeof label !== 'string')) {
    throw new NovlangueError('EOPTION', `novlangue: validateCorpus() option "${name}" must be an array of labels, instead received ${describeValue(value)}.`);
  }
  return value as string[];
}

/**
 * The labels option as rows: a labels file read and parsed, or rows given as they are.
 * @throws {ValidationError} when the file cannot be read or does not parse (names the file)
 */
export async function labelSource(labels: ValidateOptions['labels']): Promise<LabelSource | undefined> {
  if (labels === undefined) return undefined;
  if (typeof labels === 'string') {
    let source: string;
    try {
      source = await readFile(labels, 'utf8');
    } catch (error) {
      throw new ValidationError(`cannot read the labels file ${labels} (${(error as { code?: string }).code ?? String(error)}).`, labels, { cause: error });
    }
    return { rows: parseLabels(source, labels), base: path.dirname(path.resolve(labels)), name: `the labels file ${labels}`, file: labels };
  }
  const valid = Array.isArray(labels) && labels.every((row: unknown) => typeof row === 'object' && row !== null && typeof (row as LabelRow).file === 'string' && typeof (row as LabelRow).label === 'string');
  if (!valid) throw new NovlangueError('EOPTION', `novlangue: validateCorpus() option "labels" must be a labels file's path or an array of { file, label } strings, instead received ${describeValue(labels)}.`);
  return { rows: labels.map((row) => ({ file: row.file, label: row.label.trim() })), base: process.cwd(), name: 'the "labels" option' };
}

/** The settings of a validation, checked, with their defaults. */
export interface ValidationSettings {
  positive: string;
  excludeLabels: string[];
  resamples: number;
  seed: number;
  rules: number;
  worst: number;
}

/** @throws {NovlangueError} EOPTION for an invalid option */
export function validationSettings(options: ValidateOptions): ValidationSettings {
  const positive = options.positive ?? DEFAULT_POSITIVE;
  if (typeof positive !== 'string' || positive.trim() === '') {
    throw new NovlangueError('EOPTION', `novlangue: validateCorpus() option "positive" must be a label, instead received ${describeValue(positive)}.`);
  }
  const excludeLabels = labelList(options.excludeLabels, 'excludeLabels');
  if (excludeLabels.includes(positive.trim())) throw new NovlangueError('EOPTION', `novlangue: the positive label ${JSON.stringify(positive.trim())} cannot also be excluded.`);
  return {
    positive: positive.trim(),
    excludeLabels,
    resamples: count(options.bootstrap, 'bootstrap', DEFAULT_RESAMPLES, 100_000),
    seed: count(options.seed, 'seed', DEFAULT_SEED, 2 ** 32 - 1),
    rules: count(options.ruleRows, 'ruleRows', DEFAULT_RULES, Number.MAX_SAFE_INTEGER),
    worst: count(options.worst, 'worst', DEFAULT_WORST, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * Analyse the inputs and select the labelled documents: what `validateCorpus` and
 * `novlangue calibrate` start from. The labels file is read before the corpus is analysed, so a
 * broken one fails at once.
 * @throws {ValidationError} when the labels are missing, broken or cannot be compared
 */
export async function collectLabelled(paths: string | readonly string[], options: ValidateOptions, settings: ValidationSettings): Promise<Selection> {
  const source = await labelSource(options.labels);
  const { labels: _labels, positive: _positive, excludeLabels: _exclude, bootstrap: _bootstrap, seed: _seed, ruleRows: _ruleRows, worst: _worst, ...corpusOptions } = options;
  const records: ReportResult[] = [];
  for await (const record of analyzeCorpus(paths, { ...corpusOptions, lean: true })) records.push(record);
  const selection = selectDocuments(records, { source, excludeLabels: settings.excludeLabels });
  checkSelection(selection, settings.positive, source);
  return selection;
}

/**
 * Measure how well the score tells a labelled corpus apart: the ROC AUC of `score`, the positive
 * label (default `promotional`) against all the others (`rest`) and against each other label,
 * in all and per language, each with a stratified bootstrap 95 % interval; which rules fire in
 * the author's voice in which labels (smoothed log-odds ratio); and the worst-ranked pairs.
 * Deterministic: the same corpus, labels and options give the same report.
 *
 * Labels come from each document's `label` metadata field, or from `options.labels` (a labels
 * file, or rows). Documents without a label, of an `excludeLabels` label, or that could not be
 * analysed are left out and listed in `leftOut` and `failures`.
 *
 * @param paths files, folders or globs, as for `analyzeCorpus`
 * @throws {NovlangueError} EVALIDATE (a `ValidationError`, naming the file) when there are no
 *   labels, the labels file cannot be read or parsed or names files that are not in the corpus,
 *   there is no positive document or only one label; EOPTION for an invalid option
 */
export async function validateCorpus(paths: string | readonly string[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const settings = validationSettings(options);
  const selection = await collectLabelled(paths, options, settings);
  return validationReport(selection, { positive: settings.positive, resamples: settings.resamples, seed: settings.seed, rules: settings.rules, worst: settings.worst });
}
