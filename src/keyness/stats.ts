/**
 * Keyness statistics of one item between two corpora, as corpus linguistics computes them
 * (Rayson & Garside 2000; Hardie 2014): `a` occurrences in `wordsA` words against `b` in `wordsB`.
 * Pure arithmetic, no correction (neither Yates' nor Williams'), the choice of AntConc and of
 * the UCREL log-likelihood calculator.
 */
import { cumulativeNormal } from 'vega-statistics';

/** What `keyness` says of one item. */
export interface Keyness {
  /** Signed log-likelihood G²: positive when the item is more frequent (per word) in A, negative in B. */
  g2: number;
  /** p-value of |G²| under the chi-square distribution with 1 degree of freedom. */
  p: number;
  /** Effect size: log₂ of the ratio of the relative frequencies, A over B (a zero count counted as 0.5). */
  logRatio: number;
}

/** `x · ln(x / expected)`, 0 for x = 0 (its limit). */
const term = (observed: number, expected: number): number => (observed === 0 ? 0 : observed * Math.log(observed / expected));

/**
 * Signed log-likelihood G² of `a` in `wordsA` against `b` in `wordsB`:
 * `E_A = wordsA (a + b) / (wordsA + wordsB)`, `E_B = wordsB (a + b) / (wordsA + wordsB)`,
 * `G² = 2 (a ln(a / E_A) + b ln(b / E_B))`, negated when `a / wordsA < b / wordsB`.
 */
export function logLikelihood(a: number, wordsA: number, b: number, wordsB: number): number {
  const total = wordsA + wordsB;
  if (a + b === 0 || wordsA === 0 || wordsB === 0) return 0;
  const expectedA = (wordsA * (a + b)) / total;
  const expectedB = (wordsB * (a + b)) / total;
  // Rounding can make G² a hair below 0 for equal rates: it is 0.
  const g2 = Math.max(0, 2 * (term(a, expectedA) + term(b, expectedB)));
  return a / wordsA >= b / wordsB ? g2 : -g2;
}

/** p-value of a G² (or χ²) statistic with 1 degree of freedom: `P(χ²₁ ≥ |g2|) = 2 Φ(-√|g2|)`. */
export function chiSquareP(g2: number): number {
  return Math.min(1, 2 * cumulativeNormal(-Math.sqrt(Math.abs(g2))));
}

/**
 * Hardie's log ratio: `log₂((a / wordsA) / (b / wordsB))`. A zero count is counted as 0.5, so an
 * item absent from one side gets a finite size; 0 when the item is absent from both.
 */
export function logRatio(a: number, wordsA: number, b: number, wordsB: number): number {
  if ((a === 0 && b === 0) || wordsA === 0 || wordsB === 0) return 0;
  const rateA = (a === 0 ? 0.5 : a) / wordsA;
  const rateB = (b === 0 ? 0.5 : b) / wordsB;
  return Math.log2(rateA / rateB);
}

/** G², p and log ratio of one item. */
export function keyness(a: number, wordsA: number, b: number, wordsB: number): Keyness {
  const g2 = logLikelihood(a, wordsA, b, wordsB);
  return { g2, p: chiSquareP(g2), logRatio: logRatio(a, wordsA, b, wordsB) };
}

/** Occurrences per 1,000 words (0 for no words). */
export function ratePerThousand(count: number, words: number): number {
  return words === 0 ? 0 : (1000 * count) / words;
}
