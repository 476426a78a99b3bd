import { isLang } from '../languages/index.js';
import { CATEGORIES, type Analysis, type Category, type CategoryStats, type Finding, type Lang, type Role, type Stance } from '../types.js';

/**
 * The score: pure functions over findings, a word count and the document's critical evidence.
 *
 *   points   = Σ weight × STANCE_FACTOR[stance] × ROLE_FACTOR[role] × 1/k × multiplier
 *              (the k-th finding of a same rule counts 1/k: repeating a word is not saying more)
 *   density  = 100 × points / max(words, MIN_WORDS)            (points per 100 words)
 *   held     = e^(−evidence per 100 words / CRITICAL_DECAY)    (1 with no critical evidence)
 *   score    = 100 × (1 − e^(−density × held / SATURATION))   (0-100, rounded to 0.1)
 *
 * Density makes documents of any length comparable; the exponential saturates, so a text
 * dense with novlangue approaches 100 without a single term weighing more than its share.
 * MIN_WORDS keeps a five-word headline from scoring like a whole brochure. A text that carries
 * critical evidence (distancing markers, refusals, evaluative words: see `DocumentStance`) speaks
 * about novlangue more than in it, even where a term is left unmarked: its points are discounted
 * smoothly rather than all at once.
 */

/** How much a finding counts, by whose voice it is in. */
export const STANCE_FACTOR: Readonly<Record<Stance, number>> = { use: 1, reported: 0.3, distanced: 0.1 };
/** How much a finding counts, by what it says of the voice: naming the topic says little. */
export const ROLE_FACTOR: Readonly<Record<Role, number>> = { topic: 0.25, rhetoric: 1 };
/** Denominator floor: texts shorter than this count as this long. */
export const MIN_WORDS = 30;
/** Density (points per 100 words) at which the score reaches 63. */
export const SATURATION = 12;
/** Critical evidence per 100 words that divides a text's points by e. */
export const CRITICAL_DECAY = 1;

/** Multipliers of the points of each category; 1 where a category is absent. */
export type CategoryWeights = Partial<Record<Category, number>>;

/**
 * Category multipliers per language (a finding's language is its ruleId's prefix): what
 * `novlangue calibrate` fits on a labelled corpus, and what `--weights FILE` and
 * `AnalyzeOptions.weights` apply.
 */
export type ScoreWeights = Partial<Record<Lang, CategoryWeights>>;

/** What the score reads of a finding. */
export type ScoredFinding = Pick<Finding, 'weight' | 'stance' | 'category' | 'ruleId' | 'role'>;

function multiplierOf(finding: Pick<Finding, 'category' | 'ruleId'>, weights: ScoreWeights | undefined): number {
  if (!weights) return 1;
  const prefix = finding.ruleId.slice(0, Math.max(finding.ruleId.indexOf('.'), 0));
  const lang = isLang(prefix) ? prefix : 'fr';
  return weights[lang]?.[finding.category] ?? 1;
}

/** Weighted points of one finding, before repeats are discounted. */
export function pointsOf(finding: ScoredFinding, weights?: ScoreWeights): number {
  return finding.weight * STANCE_FACTOR[finding.stance] * ROLE_FACTOR[finding.role] * multiplierOf(finding, weights);
}

/** The points of each finding as the score counts them, in order: repeats of a rule count 1/k. */
function countedPoints(findings: readonly ScoredFinding[], weights: ScoreWeights | undefined): number[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const k = (seen.get(finding.ruleId) ?? 0) + 1;
    seen.set(finding.ruleId, k);
    return pointsOf(finding, weights) / k;
  });
}

/** The factor (0-1] by which critical evidence (per `DocumentStance.evidence`) discounts a text's points. */
export function heldFactor(evidence: number, words: number): number {
  return Math.exp(-(100 * evidence) / Math.max(words, MIN_WORDS) / CRITICAL_DECAY);
}

/** What the score of a text reads besides its findings and words. */
export interface ScoreOptions {
  /** Category multipliers per language. */
  weights?: ScoreWeights | undefined;
  /** The document's critical evidence (`DocumentStance.evidence`); 0 when absent. */
  evidence?: number | undefined;
}

/** Score (0-100) of findings over a text of `words` word tokens. */
export function scoreOf(findings: readonly ScoredFinding[], words: number, options: ScoreOptions = {}): number {
  let points = 0;
  for (const counted of countedPoints(findings, options.weights)) points += counted;
  const density = ((100 * points) / Math.max(words, MIN_WORDS)) * heldFactor(options.evidence ?? 0, words);
  return Math.round(1000 * (1 - Math.exp(-density / SATURATION))) / 10;
}

/**
 * Count, points as the score counts them (before the critical discount) and rate per 1,000
 * words of each category: the nine, then `declared` (the categories of the custom lexicons
 * that served the text, so every document of a run has their figures, 0 included), then any
 * other category a finding has.
 */
export function categoryStats(findings: readonly Finding[], words: number, weights?: ScoreWeights, declared: readonly string[] = []): Record<Category, CategoryStats> {
  const stats = Object.fromEntries([...CATEGORIES, ...declared].map((category) => [category, { count: 0, weighted: 0, rate: 0 }])) as Record<Category, CategoryStats>;
  const points = countedPoints(findings, weights);
  findings.forEach((finding, i) => {
    // A category declared by a custom lexicon gets its figures too.
    const entry = Object.hasOwn(stats, finding.category) ? stats[finding.category] : (stats[finding.category] = { count: 0, weighted: 0, rate: 0 });
    entry.count++;
    entry.weighted += points[i]!;
  });
  for (const entry of Object.values(stats)) {
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
  return scoreOf(analysis.findings, analysis.words, { weights, evidence: analysis.stance.evidence });
}
