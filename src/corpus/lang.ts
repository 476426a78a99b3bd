import type { AnalyzeOptions } from '../analyze.js';
import type { LexiconOption } from '../lexicon/per-lang.js';
import type { RuleSet } from '../rules/load.js';
import type { ScoreWeights } from '../score/score.js';
import type { StanceMarkers } from '../stance/markers.js';
import type { Lang } from '../types.js';

/** The data of a run that replaces the bundled data of its language, compiled. */
export interface CustomData {
  /** One lexicon, or one per language. */
  lexicon?: LexiconOption | undefined;
  rules?: RuleSet | undefined;
  stance?: StanceMarkers | undefined;
}

/**
 * The `analyze()` options of a corpus run. With `'auto'`, a custom lexicon (each of the custom
 * lexicons, one per language; rules, stance markers) serves the documents and paragraphs in its
 * language and the bundled one the others;
 * with a fixed language, custom data of that language replaces the bundled data. `weights`
 * multiply the score's points.
 */
export function analyzeOptionsFor(lang: Lang | 'auto', custom: CustomData, weights?: ScoreWeights): AnalyzeOptions {
  const options: AnalyzeOptions = { lang };
  if (custom.lexicon) options.lexicon = custom.lexicon;
  if (custom.rules) options.rules = custom.rules;
  if (custom.stance) options.stance = custom.stance;
  if (weights) options.weights = weights;
  return options;
}
