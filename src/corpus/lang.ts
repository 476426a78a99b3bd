import type { AnalyzeOptions } from '../analyze.js';
import type { Lexicon } from '../lexicon/compile.js';
import type { ScoreWeights } from '../score/score.js';
import type { Lang } from '../types.js';

/**
 * The `analyze()` options of a corpus run. With `'auto'`, a custom lexicon serves the documents
 * (and paragraphs) in its language and the bundled lexicon the others; with a fixed language, a
 * lexicon of that language replaces the bundled one. `weights` multiply the score's points.
 */
export function analyzeOptionsFor(lang: Lang | 'auto', lexicon: Lexicon | undefined, weights?: ScoreWeights): AnalyzeOptions {
  const options: AnalyzeOptions = lexicon ? { lang, lexicon } : { lang };
  if (weights) options.weights = weights;
  return options;
}
