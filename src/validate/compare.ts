/**
 * The AUCs of a set of documents: the positive label against all the others (`rest`) and
 * against each other label, each with its bootstrap interval.
 */
import { auc } from './auc.js';
import { bootstrapInterval } from './bootstrap.js';
import type { Comparisons, LabelledDocument } from './types.js';

export interface CompareOptions {
  positive: string;
  /** The other labels to compare with, in report order. */
  others: readonly string[];
  resamples: number;
  seed: number;
  /** What the documents are (`all`, `fr`): part of each interval's seed name. */
  scope: string;
}

/** AUCs and intervals are reported to four decimals. */
export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

export function compare(documents: readonly LabelledDocument[], options: CompareOptions): Comparisons {
  const scoresOf = (keep: (label: string) => boolean): number[] => documents.filter((document) => keep(document.label)).map((document) => document.score);
  const positives = scoresOf((label) => label === options.positive);
  const result: Comparisons = { auc: {}, interval: {} };
  const add = (key: string, negatives: number[]): void => {
    const value = auc(positives, negatives);
    const interval = bootstrapInterval(positives, negatives, { resamples: options.resamples, seed: options.seed, name: `${options.scope}:${key}` });
    result.auc[key] = Number.isNaN(value) ? null : round4(value);
    result.interval[key] = interval && [round4(interval[0]), round4(interval[1])];
  };
  add('rest', scoresOf((label) => label !== options.positive));
  for (const other of options.others) add(other, scoresOf((label) => label === other));
  return result;
}
