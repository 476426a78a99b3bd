import type { Lang, TokenKind } from '../types.js';

/**
 * Step 1: cut the text into raw tokens with one sticky-free global regular expression.
 * Whitespace (including NBSP U+00A0 and narrow NBSP U+202F), control and format characters
 * are skipped; every other code point ends up in exactly one token.
 */

/** A token before normalisation: its kind and `[start, end)`, and a part of speech if the pipeline gives one. */
export interface RawToken {
  kind: TokenKind;
  start: number;
  end: number;
  pos?: string;
}

const LETTER = '\\p{L}\\p{M}';
// Subscript digits belong to words (CO₂); superscripts are footnote calls and never do.
const WORD_CHAR = `${LETTER}\\p{Nd}\\u2080-\\u2089`;
const HYPHEN = '\\-\\u2010\\u2011';
const APOSTROPHE = "'\\u2019";

const URL = `(?:https?:\\/\\/|www\\.)[^\\s<>«»"“”]*[^\\s<>«»"“”.,;:!?'’)\\]]`;
// French words written with an apostrophe that is not an elision.
const APOSTROPHE_WORDS = `(?:[aA]ujourd[${APOSTROPHE}]hui|[pP]rud[${APOSTROPHE}]hom[${LETTER}]*|[pP]resqu[${APOSTROPHE}][îiÎI]le[${LETTER}]*|[qQ]uelqu[${APOSTROPHE}]une?s?)`;
const ELISION =
  `(?<![${WORD_CHAR}])` +
  `(?:[cdjlmnstCDJLMNST]|[qQ][uU]|[jJ][uU][sS][qQ][uU]|[lL][oO][rR][sS][qQ][uU]|[pP][uU][iI][sS][qQ][uU]|[qQ][uU][oO][iI][qQ][uU])` +
  `[${APOSTROPHE}](?=[${WORD_CHAR}])`;
// Digits glued to letters make a word: 5G, 3D, 1er, XIXe is plain letters already.
const ALNUM = `\\p{Nd}+[${LETTER}][${WORD_CHAR}]*`;
const WORD = `[${LETTER}][${WORD_CHAR}]*(?:[${HYPHEN}][${WORD_CHAR}]+)*`;
// French groups thousands with a space, NBSP or narrow NBSP: 1 400, 12 000.
const NUMBER = `\\p{Nd}{1,3}(?:[ \\u00A0\\u202F]\\p{Nd}{3})+(?!\\p{Nd})|\\p{Nd}+(?:[.,]\\p{Nd}+)*`;
const FOOTNOTE = '[\\u00B9\\u00B2\\u00B3\\u2070\\u2074-\\u2079]+';
const QUOTE = '[«»“”"„‟‹›]';
const PUNCT = '\\.{2,}|[.!?…]+|\\p{P}';
const OTHER = '[^\\s\\p{Cc}\\p{Cf}]';

function scanner(withElisions: boolean): RegExp {
  const groups = [URL, APOSTROPHE_WORDS, withElisions ? ELISION : '(?!)', ALNUM, WORD, NUMBER, FOOTNOTE, QUOTE, PUNCT, OTHER];
  return new RegExp(groups.map((group) => `(${group})`).join('|'), 'gu');
}

const KIND_OF_GROUP: TokenKind[] = ['url', 'word', 'elision', 'word', 'word', 'number', 'footnote', 'quote', 'punct', 'symbol'];
const SCANNERS: Record<Lang, RegExp> = { fr: scanner(true), en: scanner(false) };

/** Raw tokens of `text`, in order. French splits elisions (`l'`, `qu'`); English does not need to. */
export function scan(text: string, lang: Lang): RawToken[] {
  const pattern = SCANNERS[lang];
  pattern.lastIndex = 0;
  const tokens: RawToken[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    let group = 1;
    while (match[group] === undefined) group++;
    tokens.push({ kind: KIND_OF_GROUP[group - 1] as TokenKind, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
