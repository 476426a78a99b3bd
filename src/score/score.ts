import { CATEGORIES, type Analysis, type Category, type CategoryStats, type Finding, type Lang, type Stance } from '../types.js';

/** Multipliers of the points of each category; 1 where a category is absent. */
export type CategoryWeights = Partial<Record<Category, number>>;

/**
 * Category multipliers per language (a finding's language is its ruleId's prefix): what
 * `novlangue calibrate` fits on a labelled corpus, and what `--weights FILE` and
 * `AnalyzeOptions.weights` apply.
 */
export type ScoreWeights = Partial<Record<Lang, CategoryWeights>>;

function multiplierOf(finding: Pick<Finding, 'category' | 'ruleId'>, weights: ScoreWeights | undefined): number {
  if (!weights) return 1;
  const lang = finding.ruleId.startsWith('en.') ? 'en' : 'fr';
  return weights[lang]?.[finding.category] ?? 1;
}

/**
 * The score: pure functions over findings and a word count.
 *
 *   points  = Σ weight × STANCE_FACTOR[stance]
 *   density = 100 × points / max(words, MIN_WORDS)        (weighted points per 100 words)
 *   score   = 100 × (1 − e^(−density / SATURATION))       (0-100, rounded to 0.1)
 *
 * Density makes documents of any length comparable; the exponential saturates, so a text
 * dense with novlangue approaches 100 without a single term weighing more than its share.
 * MIN_WORDS keeps a five-word headline from scoring like a whole brochure.
 */

/** How much a finding counts, by whose voice it is in. */
export const STANCE_FACTOR: Readonly<Record<Stance, number>> = { use: 1, reported: 0.3, distanced: 0.1 };
/** Denominator floor: texts shorter than this count as this long. */
export const MIN_WORDS = 30;
/** Density (points per 100 words) at which the score reaches 63. */
export const SATURATION = 12;

/** Weighted points of one finding. */
export function pointsOf(finding: ScoredFinding, weights?: ScoreWeights): number {
  return finding.weight * STANCE_FACTOR[finding.stance] * multiplierOf(finding, weights);
}

/** What the score reads of a finding. */
export type ScoredFinding = Pick<Finding, 'weight' | 'stance' | 'category' | 'ruleId'>;

/** Score (0-100) of findings over a text of `words` word tokens. */
export function scoreOf(findings: readonly ScoredFinding[], words: number, weights?: ScoreWeights): number {
  let points = 0;
  for (const finding of findings) points += pointsOf(finding, weights);
  const density = (100 * points) / Math.max(words, MIN_WORDS);
  return Math.round(1000 * (1 - Math.exp(-density / SATURATION))) / 10;
}

/** Count, weighted sum and rate per 1,000 words of each category. */
export function categoryStats(findings: readonly Finding[], words: number, weights?: ScoreWeights): Record<Category, CategoryStats> {
  const stats = Object.fromEntries(CATEGORIES.map((category) => [category, { count: 0, weighted: 0, rate: 0 }])) as Record<Category, CategoryStats>;
  for (const finding of findings) {
    const entry = stats[finding.category];
    entry.count++;
    entry.weighted += pointsOf(finding, weights);
  }
  for (const category of CATEGORIES) {
    const entry = stats[category];
    entry.weighted = Math.round(entry.weighted * 100) / 100;
    entry.rate = words === 0 ? 0 : Math.round((1_000_000 * entry.count) / words) / 1000;
  }
  return stats;
}

/**
 * The score of an analysis (or a lean record) under other weights, without analysing it again:
 * what calibration tries many times over one run.
 */
export function rescore(analysis: Pick<Analysis, 'findings' | 'words' | 'stance'>, weights?: ScoreWeights): number {
  return scoreOf(analysis.findings, analysis.words, weights);
}
