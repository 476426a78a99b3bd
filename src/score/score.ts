import { CATEGORIES, type Category, type CategoryStats, type Finding, type Stance } from '../types.js';

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
export function pointsOf(finding: Pick<Finding, 'weight' | 'stance'>): number {
  return finding.weight * STANCE_FACTOR[finding.stance];
}

/** Score (0-100) of findings over a text of `words` word tokens. */
export function scoreOf(findings: readonly Pick<Finding, 'weight' | 'stance'>[], words: number): number {
  let points = 0;
  for (const finding of findings) points += pointsOf(finding);
  const density = (100 * points) / Math.max(words, MIN_WORDS);
  return Math.round(1000 * (1 - Math.exp(-density / SATURATION))) / 10;
}

/** Count, weighted sum and rate per 1,000 words of each category. */
export function categoryStats(findings: readonly Finding[], words: number): Record<Category, CategoryStats> {
  const stats = Object.fromEntries(CATEGORIES.map((category) => [category, { count: 0, weighted: 0, rate: 0 }])) as Record<Category, CategoryStats>;
  for (const finding of findings) {
    const entry = stats[finding.category];
    entry.count++;
    entry.weighted += pointsOf(finding);
  }
  for (const category of CATEGORIES) {
    const entry = stats[category];
    entry.weighted = Math.round(entry.weighted * 100) / 100;
    entry.rate = words === 0 ? 0 : Math.round((1_000_000 * entry.count) / words) / 1000;
  }
  return stats;
}
