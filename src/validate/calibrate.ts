/**
 * Calibration: per language, the category multipliers of the score (`ScoreWeights`) that best
 * tell the positive label from the rest on a labelled corpus, by coordinate search over a grid.
 *
 *   objective(m) = AUC(positive vs rest, scores under m) − penalty × Σ |m_c − 1|
 *
 * Starting from every multiplier at 1, each round tries every grid value for each category in
 * turn and keeps the best (a strict improvement only), until a round changes nothing or the
 * rounds run out. The penalty pulls multipliers towards 1, so that a small corpus does not buy
 * a wild weight with one or two pairs of documents. Documents are analysed once; every trial
 * re-scores the lean records with `rescore`. Whether the weights generalise is measured by
 * stratified k-fold cross-validation: each fold is scored with weights fitted on the others,
 * and the AUC of these out-of-fold scores is reported beside the AUC before calibration.
 */
import { LANGS } from '../languages/index.js';
import { rescore, type CategoryWeights, type ScoreWeights } from '../score/score.js';
import { CATEGORIES, type Lang } from '../types.js';
import { auc } from './auc.js';
import { round4 } from './compare.js';
import { stratifiedFolds } from './folds.js';
import type { LabelledDocument } from './types.js';

/** Multipliers tried for each category. */
export const GRID: readonly number[] = [0, 0.25, 0.5, 1, 1.5, 2, 3];
export const ROUNDS = 3;

export interface CalibrateSettings {
  positive: string;
  /** Folds of the cross-validation (2 or more). */
  folds: number;
  seed: number;
  /** AUC given up per unit of |multiplier − 1|. */
  penalty: number;
  grid?: readonly number[];
  rounds?: number;
}

/** What calibration found in one language. */
export interface LangCalibration {
  documents: number;
  /** Positive documents, and the others they are compared with. */
  positive: number;
  others: number;
  /** The fitted multipliers; `null` when the language has no positive or no other document. */
  weights: Required<CategoryWeights> | null;
  auc: {
    /** Every multiplier at 1. */
    before: number | null;
    /** Under the fitted weights, on the documents they were fitted on (optimistic). */
    after: number | null;
    /** Out-of-fold: each fold scored with weights fitted without it; `null` with fewer than 2 documents on a side. */
    crossValidated: { before: number; after: number; folds: number } | null;
  };
}

export interface Calibration {
  weights: ScoreWeights;
  byLang: Partial<Record<Lang, LangCalibration>>;
}

type Sample = Pick<LabelledDocument, 'label' | 'file' | 'record'> & { positive: boolean };

const ones = (): Required<CategoryWeights> => Object.fromEntries(CATEGORIES.map((category) => [category, 1])) as Required<CategoryWeights>;

function aucUnder(samples: readonly Sample[], weights: ScoreWeights | undefined): number {
  const positives: number[] = [];
  const negatives: number[] = [];
  for (const sample of samples) (sample.positive ? positives : negatives).push(rescore(sample.record, weights));
  return auc(positives, negatives);
}

/** The multipliers of `lang` that maximise the objective on `samples`. */
export function fitLanguage(samples: readonly Sample[], lang: Lang, settings: Pick<CalibrateSettings, 'penalty' | 'grid' | 'rounds'>): Required<CategoryWeights> {
  const grid = settings.grid ?? GRID;
  const objective = (multipliers: Required<CategoryWeights>): number => {
    let distance = 0;
    for (const category of CATEGORIES) distance += Math.abs(multipliers[category] - 1);
    return aucUnder(samples, { [lang]: multipliers }) - settings.penalty * distance;
  };
  let current = ones();
  let best = objective(current);
  for (let round = 0; round < (settings.rounds ?? ROUNDS); round++) {
    let changed = false;
    for (const category of CATEGORIES) {
      let choice: Required<CategoryWeights> | undefined;
      for (const value of grid) {
        if (value === current[category]) continue;
        const candidate = { ...current, [category]: value };
        const score = objective(candidate);
        // Strictly better only (by more than rounding noise): ties keep what is there.
        if (score > best + 1e-12) {
          best = score;
          choice = candidate;
        }
      }
      if (choice) {
        current = choice;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

function crossValidate(samples: readonly Sample[], lang: Lang, settings: CalibrateSettings): { before: number; after: number; folds: number } | null {
  const positives = samples.filter((sample) => sample.positive).length;
  if (positives < 2 || samples.length - positives < 2) return null;
  const folds = Math.min(settings.folds, samples.length);
  const foldOf = stratifiedFolds(samples, folds, settings.seed, `folds:${lang}`);
  const outOfFold = { positives: [] as number[], negatives: [] as number[] };
  for (let fold = 0; fold < folds; fold++) {
    const test = samples.filter((_, i) => foldOf[i] === fold);
    if (test.length === 0) continue;
    const weights = { [lang]: fitLanguage(samples.filter((_, i) => foldOf[i] !== fold), lang, settings) };
    for (const sample of test) (sample.positive ? outOfFold.positives : outOfFold.negatives).push(rescore(sample.record, weights));
  }
  return { before: round4(aucUnder(samples, undefined)), after: round4(auc(outOfFold.positives, outOfFold.negatives)), folds };
}

const orNull = (value: number): number | null => (Number.isNaN(value) ? null : round4(value));

/** Fit the weights of each language of `documents` (`doc.lang`) and measure them. Deterministic. */
export function calibrate(documents: readonly LabelledDocument[], settings: CalibrateSettings): Calibration {
  const calibration: Calibration = { weights: {}, byLang: {} };
  const samplesOf = new Map<Lang, Sample[]>();
  for (const lang of LANGS) {
    const samples = documents.filter((document) => document.lang === lang).map((document): Sample => ({ label: document.label, file: document.file, record: document.record, positive: document.label === settings.positive }));
    if (samples.length === 0) continue;
    samplesOf.set(lang, samples);
    const positive = samples.filter((sample) => sample.positive).length;
    const fitted = positive > 0 && positive < samples.length ? fitLanguage(samples, lang, settings) : null;
    if (fitted) calibration.weights[lang] = fitted;
    calibration.byLang[lang] = {
      documents: samples.length,
      positive,
      others: samples.length - positive,
      weights: fitted,
      auc: { before: orNull(aucUnder(samples, undefined)), after: null, crossValidated: fitted ? crossValidate(samples, lang, settings) : null },
    };
  }
  // "after" under all the fitted weights at once: a document's findings in the other language count with that language's.
  for (const [lang, samples] of samplesOf) if (calibration.byLang[lang]!.weights) calibration.byLang[lang]!.auc.after = orNull(aucUnder(samples, calibration.weights));
  return calibration;
}
