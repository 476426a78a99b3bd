import { describeValue } from '../errors.js';
import type { Lang, Sentence, Token } from '../types.js';
import { tokenize as tokenizeText, withPlaces } from './index.js';

/** Tokens and sentences of a text. */
export interface Tokens {
  tokens: Token[];
  sentences: Sentence[];
  /** Number of `word` tokens. */
  words: number;
}

/**
 * Tokenise a text with exact offsets: French elisions split (`l'` `État`), hyphenated
 * compounds whole (`co-construire`), quotation marks as tokens, sentences that keep their `»`.
 * @param text the text
 * @param lang `'fr'` (default) or `'en'`
 * @throws {TypeError} when `text` is not a string
 */
export function tokenize(text: string, lang: Lang = 'fr'): Tokens {
  if (typeof text !== 'string') {
    throw new TypeError(`novlangue: tokenize() expects the text as a string, instead received ${describeValue(text)}.`);
  }
  const { tokens, sentences, words, positions } = tokenizeText(text, lang);
  return { tokens: withPlaces(tokens, positions), sentences, words };
}
