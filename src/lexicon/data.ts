import type { LexiconData } from '../types.js';
import type { Lexicon } from './compile.js';

/**
 * A compiled lexicon back to data that compiles to it alone: the entries as written, in order
 * (it breaks ties), and the declared categories. Imports no compiler, so that the main thread
 * of a pooled run can hand a custom lexicon to its workers without loading the analyser.
 */
export function lexiconToData(lexicon: Lexicon): LexiconData {
  const categories = Object.keys(lexicon.categories).length > 0 ? { categories: { ...lexicon.categories } } : {};
  return { lang: lexicon.lang, ...categories, entries: lexicon.entries.map((entry) => entry.data) };
}
