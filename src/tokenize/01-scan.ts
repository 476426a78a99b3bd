import { LANGS, acrossLanguages, languageOf } from '../languages/index.js';
import type { Lang, TokenKind } from '../types.js';
import { DIGIT, LETTER as LETTER_CLASS, MARK, SKIPPED, bmpClasses, isApostrophe, isAsciiDigit, isAsciiLetter, isLatinLetter, isSurrogate } from './chars.js';
import { SCANNED_QUOTES } from './marks.js';
import { RawTokens } from './raw.js';

/**
 * Step 1: cut the text into raw tokens. Whitespace (including NBSP U+00A0 and narrow NBSP
 * U+202F), control and format characters are skipped; every other code point ends up in
 * exactly one token.
 *
 * The token grammar is a list of alternatives tried in order at each token start (URL, words
 * with an apostrophe, French elision, digits glued to letters, word, number, footnote call,
 * quotation mark, punctuation, any other code point). Instead of one regular expression with
 * a capture group per alternative, which allocates a match array per token, the first code
 * unit picks the alternatives that can match there and each is a sticky expression whose
 * `test` moves `lastIndex` to the token's end: no allocation per token.
 */

const LETTER = '\\p{L}\\p{M}';
// Subscript digits belong to words (CO₂); superscripts are footnote calls and never do.
const WORD_CHAR = `${LETTER}\\p{Nd}\\u2080-\\u2089`;
const HYPHEN = '\\-\\u2010\\u2011';
const APOSTROPHE = "'\\u2019\\u02bc";

const URL = `(?:https?:\\/\\/|www\\.)[^\\s<>«»"“”]*[^\\s<>«»"“”.,;:!?'’)\\]]`;

/** `text` as a literal in an expression. */
const escaped = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|\/-]/gu, '\\$&');
/** A letter of either case (`[qQ]`), or the letter itself when it has no other case. */
function eitherCase(letter: string): string {
  const cases = [...new Set([letter.toLowerCase(), letter.toUpperCase()])].filter((char) => char.length === 1);
  return cases.length > 1 ? `[${cases.join('')}]` : escaped(letter);
}

// Words written with an apostrophe that is not an elision, in any language: a French word in
// an English gap stays whole. Longest first, so that `quelqu'unes` is not cut after `quelqu'un`.
const APOSTROPHE_WORD_LIST = acrossLanguages((language) => language.apostropheWords).sort((a, b) => b.length - a.length);
function apostropheWordSource(word: string): string {
  const any = word.endsWith('*');
  const letters = any ? word.slice(0, -1) : word;
  const [first = '', ...rest] = letters;
  const body = rest.map((char) => (char === "'" ? `[${APOSTROPHE}]` : escaped(char))).join('');
  return `${eitherCase(first)}${body}${any ? `[${LETTER}]*` : ''}`;
}
const APOSTROPHE_WORDS = `(?:${APOSTROPHE_WORD_LIST.map(apostropheWordSource).join('|')})`;

/** The elisions of a language, split off the word after them (`l'`, `jusqu'`); `undefined` when it has none. */
function elisionSource(elisions: readonly string[]): string | undefined {
  if (elisions.length === 0) return undefined;
  const letters = elisions.filter((elision) => elision.length === 1);
  const longer = elisions.filter((elision) => elision.length > 1).map((elision) => [...elision].map(eitherCase).join(''));
  const alternatives = [...(letters.length > 0 ? [`[${letters.join('')}${letters.join('').toUpperCase()}]`] : []), ...longer];
  return `(?<![${WORD_CHAR}])(?:${alternatives.join('|')})[${APOSTROPHE}](?=[${WORD_CHAR}])`;
}
// Digits glued to letters make a word: 5G, 3D, 1er, XIXe is plain letters already.
const ALNUM = `\\p{Nd}+[${LETTER}][${WORD_CHAR}]*`;
const WORD = `[${LETTER}][${WORD_CHAR}]*(?:[${HYPHEN}][${WORD_CHAR}]+)*`;
// French groups thousands with a space, NBSP or narrow NBSP: 1 400, 12 000.
const NUMBER = `\\p{Nd}{1,3}(?:[ \\u00A0\\u202F]\\p{Nd}{3})+(?!\\p{Nd})|\\p{Nd}+(?:[.,]\\p{Nd}+)*`;
const FOOTNOTE = '[\\u00B9\\u00B2\\u00B3\\u2070\\u2074-\\u2079]+';
const PUNCT = '\\.{2,}|[.!?…]+|\\p{P}';
const OTHER = '[^\\s\\p{Cc}\\p{Cf}]';

const QUOTE = `[${[...SCANNED_QUOTES].map((code) => escaped(String.fromCharCode(code))).join('')}]`;

/**
 * The token grammar of `lang`: alternatives tried in this order at each token start, with the
 * kind of token each one makes (`elision` only in a language that elides). `scan` takes
 * shortcuts through it; the tests check that it cuts every text exactly as this list would.
 */
export function tokenGrammar(lang: Lang): ReadonlyArray<readonly [TokenKind, string]> {
  const elision = elisionSource(languageOf(lang).elisions);
  return [
    ['url', URL], ['word', APOSTROPHE_WORDS], ...(elision === undefined ? [] : [['elision', elision] as const]), ['word', ALNUM], ['word', WORD],
    ['number', NUMBER], ['footnote', FOOTNOTE], ['quote', QUOTE], ['punct', PUNCT], ['symbol', OTHER],
  ];
}

/** The grammar of French, which has every alternative. */
export const TOKEN_GRAMMAR = tokenGrammar('fr');

const sticky = (source: string): RegExp => new RegExp(source, 'uy');
const URL_AT = sticky(URL);
const APOSTROPHE_WORD_AT = sticky(APOSTROPHE_WORDS);
const NUMBER_AT = sticky(NUMBER);
const FOOTNOTE_AT = sticky(FOOTNOTE);
const PUNCT_AT = sticky(PUNCT);
const OTHER_AT = sticky(OTHER);
const LETTER_AT = sticky(`[${LETTER}]`);
const DIGIT_AT = sticky('\\p{Nd}');
const WORD_CHAR_AT = sticky(`[${WORD_CHAR}]`);
const SKIPPED_AT = sticky('[\\s\\p{Cc}\\p{Cf}]');

/** Superscript digits: footnote calls (`FOOTNOTE`). */
const isSuperscript = (code: number): boolean => code === 0xb9 || code === 0xb2 || code === 0xb3 || code === 0x2070 || (code >= 0x2074 && code <= 0x2079);

/** ASCII punctuation (`\p{P}`): `!"#%&'()*,-./:;?@[\]_{}`; the other ASCII symbols are `$+<=>^\`|~`. */
const ASCII_PUNCT = new Uint8Array(128);
for (const char of '!"#%&\'()*,-./:;?@[\\]_{}') ASCII_PUNCT[char.charCodeAt(0)] = 1;
/** ASCII quotation marks (`"`), read before punctuation. */
const ASCII_QUOTE = new Uint8Array(128);
for (const code of SCANNED_QUOTES) if (code < 128) ASCII_QUOTE[code] = 1;
/** Characters of a run of final punctuation (`[.!?…]+`). */
const isFinalPunct = (code: number): boolean => code === 46 || code === 33 || code === 63 || code === 0x2026;

/** The punctuation token at `at`, ASCII first: `PUNCT` without an expression. */
function asciiPunctAt(text: string, at: number, code: number): TokenKind {
  let end = at + 1;
  if (code === 46 && text.charCodeAt(end) === 46) {
    while (text.charCodeAt(end) === 46) end++;
  } else if (isFinalPunct(code)) {
    while (isFinalPunct(text.charCodeAt(end))) end++;
  }
  lastEnd = end;
  return 'punct';
}

/** The first code units, either case, of `words`: those at which one of them may start. */
function firstCodes(words: readonly string[]): ReadonlySet<number> {
  return new Set(words.flatMap((word) => [word.charAt(0).toLowerCase(), word.charAt(0).toUpperCase()]).map((char) => char.charCodeAt(0)));
}

const APOSTROPHE_WORD_FIRST = firstCodes(APOSTROPHE_WORD_LIST);

/** A language's elisions, compiled: the expression and the code units they start with. */
interface Elisions {
  at: RegExp;
  first: ReadonlySet<number>;
}

const ELISIONS: Readonly<Record<Lang, Elisions | undefined>> = Object.fromEntries(LANGS.map((lang) => {
  const { elisions } = languageOf(lang);
  const source = elisionSource(elisions);
  return [lang, source === undefined ? undefined : { at: sticky(source), first: firstCodes(elisions) }];
})) as Record<Lang, Elisions | undefined>;

/**
 * Where the apostrophe of a word with an apostrophe or of an elision of any language may
 * stand, counted from the word's first code unit (`l'` 1, `qu'` 2, `aujourd'hui` 7): `1` at
 * those offsets. Only ASCII letters come before it (the tests check the data).
 */
const APOSTROPHE_OFFSETS = [
  ...APOSTROPHE_WORD_LIST.map((word) => word.indexOf("'")),
  ...acrossLanguages((language) => language.elisions).map((elision) => elision.length),
];
const APOSTROPHE_AT = new Uint8Array(Math.max(0, ...APOSTROPHE_OFFSETS) + 1);
for (const offset of APOSTROPHE_OFFSETS) APOSTROPHE_AT[offset] = 1;
const LAST_APOSTROPHE_AT = APOSTROPHE_AT.length - 1;

/** Could a URL start at `at`? Its expression needs `http` or `www.` there. */
const mayBeUrl = (text: string, at: number, code: number): boolean =>
  code === 104 ? text.startsWith('http', at) : code === 119 && text.startsWith('www.', at);

/**
 * Could a word written with an apostrophe (`aujourd'hui`, `presqu'île`) or an elision (`l'`,
 * `jusqu'`) start at `at`? Both need ASCII letters, then an apostrophe where `APOSTROPHE_AT`
 * allows one: most words are spared two expressions.
 */
function mayHaveApostrophe(text: string, at: number): boolean {
  const last = at + LAST_APOSTROPHE_AT;
  let i = at + 1;
  while (i < last && isAsciiLetter(text.charCodeAt(i))) i++;
  return APOSTROPHE_AT[i - at] === 1 && isApostrophe(text.charCodeAt(i));
}

/**
 * End of the word at `at` when it is made of ASCII letters and digits and Latin letters
 * (U+00C0 to U+024F but × and ÷) and ends before ASCII that is not a hyphen; otherwise -1,
 * and the `WORD` expression decides (hyphens, combining marks, other scripts, subscripts).
 */
function plainWordEnd(text: string, at: number): number {
  const length = text.length;
  let i = at + 1;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (isAsciiLetter(code) || isAsciiDigit(code)) {
        i++;
        continue;
      }
      return code === 45 ? -1 : i;
    }
    if (isLatinLetter(code)) {
      i++;
      continue;
    }
    return -1;
  }
  return i;
}

/** Characters per token in ordinary prose, about 5.5: sizes the token buffer once. */
const TOKEN_CHARS = 5;

/** Does `pattern` match at `at`? On success, `pattern.lastIndex` is the end of the match. */
function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  pattern.lastIndex = at;
  return pattern.test(text);
}


/**
 * Raw tokens of `text`, in order, with the elisions of `lang` split off (French `l'`, `qu'`).
 */
export function scan(text: string, lang: Lang): RawTokens {
  const tokens = new RawTokens(text.length / TOKEN_CHARS);
  const elisions = ELISIONS[lang];
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    // Skip what separates tokens: ASCII space and controls fast, the rest by its Unicode class.
    if (code <= 32 || (code >= 127 && code <= 159)) {
      at++;
      continue;
    }
    if (code > 127 && (isSurrogate(code) ? matchesAt(SKIPPED_AT, text, at) : (bmpClasses(code) & SKIPPED) !== 0)) {
      at = isSurrogate(code) ? SKIPPED_AT.lastIndex : at + 1;
      continue;
    }
    const kind = tokenAt(text, at, code, elisions);
    const end = lastEnd;
    tokens.push(kind, at, end);
    at = end;
  }
  return tokens;
}

/** End of the token `tokenAt` found last (a module variable rather than an object per token). */
let lastEnd = 0;

/** `kind`, after recording that the token ends where `pattern` stopped. */
function found(pattern: RegExp, kind: TokenKind): TokenKind {
  lastEnd = pattern.lastIndex;
  return kind;
}

/** Kind of the token that starts at `at` (its first code unit is `code`); sets `lastEnd`. */
function tokenAt(text: string, at: number, code: number, elisions: Elisions | undefined): TokenKind {
  if (code < 128) {
    if (isAsciiLetter(code)) {
      if (mayBeUrl(text, at, code) && matchesAt(URL_AT, text, at)) return found(URL_AT, 'url');
      if (mayHaveApostrophe(text, at)) {
        if (APOSTROPHE_WORD_FIRST.has(code) && matchesAt(APOSTROPHE_WORD_AT, text, at)) return found(APOSTROPHE_WORD_AT, 'word');
        if (elisions !== undefined && elisions.first.has(code) && matchesAt(elisions.at, text, at)) return found(elisions.at, 'elision');
      }
      return wordAt(text, at);
    }
    if (isAsciiDigit(code)) return digitsAt(text, at);
    if (ASCII_QUOTE[code] === 1) {
      lastEnd = at + 1;
      return 'quote';
    }
    if (ASCII_PUNCT[code] === 1) return asciiPunctAt(text, at, code);
    lastEnd = at + 1;
    return 'symbol';
  } else {
    if (SCANNED_QUOTES.has(code)) {
      lastEnd = at + 1;
      return 'quote';
    }
    if (isSurrogate(code)) {
      if (matchesAt(LETTER_AT, text, at)) return wordAt(text, at);
      if (matchesAt(DIGIT_AT, text, at)) return digitsAt(text, at);
    } else {
      if (isSuperscript(code)) {
        matchesAt(FOOTNOTE_AT, text, at);
        return found(FOOTNOTE_AT, 'footnote');
      }
      const classes = bmpClasses(code);
      if (classes & (LETTER_CLASS | MARK)) return wordAt(text, at);
      if (classes & DIGIT) return digitsAt(text, at);
    }
  }
  if (matchesAt(PUNCT_AT, text, at)) return found(PUNCT_AT, 'punct');
  matchesAt(OTHER_AT, text, at);
  return found(OTHER_AT, 'symbol');
}

/*
 * Words and digits glued to letters are read by the loops below, not by `WORD` and `ALNUM`: an
 * expression that repeats a Unicode class pushes a backtracking entry per character, and on a
 * word of a few million characters (a run of CJK or Cyrillic letters, say) V8 runs out of
 * backtracking stack and throws a RangeError. The loops take the same greedy path.
 */

/**
 * Code units of the character at `at` when it is in `classes` (bits of `bmpClasses`; beyond
 * the BMP, the sticky `astral` expression decides), or 0.
 */
function widthIn(text: string, at: number, classes: number, astral: RegExp): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (isSurrogate(code)) return matchesAt(astral, text, at) ? astral.lastIndex - at : 0;
  return (bmpClasses(code) & classes) !== 0 ? 1 : 0;
}

/** Code units of the word character (`WORD_CHAR`) at `at`, or 0: `widthIn` written out, as every letter of a word asks it. */
function wordCharAt(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (isSurrogate(code)) return matchesAt(WORD_CHAR_AT, text, at) ? WORD_CHAR_AT.lastIndex - at : 0;
  return (bmpClasses(code) & (LETTER_CLASS | MARK | DIGIT)) !== 0 || (code >= 0x2080 && code <= 0x2089) ? 1 : 0;
}

const digitAt = (text: string, at: number): number => widthIn(text, at, DIGIT, DIGIT_AT);

/** End of the run of word characters from `at`. */
function wordCharsEnd(text: string, at: number): number {
  for (let width = wordCharAt(text, at); width > 0; width = wordCharAt(text, at)) at += width;
  return at;
}

const isHyphen = (code: number): boolean => code === 45 || code === 0x2010 || code === 0x2011;

/** End of `WORD` from `at`, where a letter or a mark stands: word characters, then hyphen and word characters, again and again. */
function wordEnd(text: string, at: number): number {
  let end = wordCharsEnd(text, at);
  while (isHyphen(text.charCodeAt(end))) {
    const next = wordCharsEnd(text, end + 1);
    if (next === end + 1) break;
    end = next;
  }
  return end;
}

/** End of `ALNUM` from `at` (digits, a letter, word characters), or -1 when no letter follows the digits. */
function alnumEnd(text: string, at: number): number {
  let letter = at;
  for (let width = digitAt(text, letter); width > 0; width = digitAt(text, letter)) letter += width;
  return widthIn(text, letter, LETTER_CLASS | MARK, LETTER_AT) > 0 ? wordCharsEnd(text, letter) : -1;
}

/** The word that starts at `at` (a letter or a combining mark). */
function wordAt(text: string, at: number): TokenKind {
  const end = plainWordEnd(text, at);
  lastEnd = end >= 0 ? end : wordEnd(text, at);
  return 'word';
}

/** A token that starts with a digit: a word when letters follow (5G), else a number. */
function digitsAt(text: string, at: number): TokenKind {
  const end = alnumEnd(text, at);
  if (end >= 0) {
    lastEnd = end;
    return 'word';
  }
  matchesAt(NUMBER_AT, text, at);
  return found(NUMBER_AT, 'number');
}
