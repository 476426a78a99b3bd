import { isCapitalised, type TokenTable } from '../tokenize/index.js';
import type { Sentence } from '../types.js';

/**
 * The proper-name guard. A common word inside a name is not the word: "Ben Green" says
 * nothing green, « rue de l'Innovation » sells nothing. A one-word match is taken for part of a
 * name when it is written in title case (not an acronym: IA, CCTV stay terms), is not the first
 * word of its sentence, and stands next to another title-case word; where the language's
 * pipeline tags parts of speech (English), the tagger must also call it a proper noun.
 */

/** Title case: a capital, then at least one lower-case letter (so not an acronym). */
function isTitleCase(tokens: TokenTable, t: number): boolean {
  const form = tokens.forms[t];
  if (!form || form.kind !== 'word' || !isCapitalised(form)) return false;
  return form.text !== form.text.toUpperCase();
}

/** Is the one-word match at token `t` part of a proper name? */
export function inProperName(tokens: TokenTable, sentence: Sentence, t: number): boolean {
  if (t === sentence.tokenStart || !isTitleCase(tokens, t)) return false;
  const tag = tokens.tags[t];
  if (tag !== undefined && tag !== 'PROPN') return false;
  const before = t - 1 > sentence.tokenStart && isTitleCase(tokens, t - 1);
  const after = t + 1 < sentence.tokenEnd && isTitleCase(tokens, t + 1);
  return before || after;
}
