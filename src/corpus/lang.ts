import type { AnalyzeOptions } from '../analyze.js';
import type { Lexicon } from '../lexicon/compile.js';
import type { Lang } from '../types.js';

/**
 * The `analyze()` options of a corpus run. With `'auto'`, a custom lexicon serves the documents
 * (and paragraphs) in its language and the bundled lexicon the others; with a fixed language, a
 * lexicon of that language replaces the bundled one.
 */
export function analyzeOptionsFor(lang: Lang | 'auto', lexicon: Lexicon | undefined): AnalyzeOptions {
  return lexicon ? { lang, lexicon } : { lang };
}
