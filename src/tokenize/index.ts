import { LANGS, languageOf, type Language } from '../languages/index.js';
import type { Lang, Sentence, Token } from '../types.js';
import { isAsciiLetter, isLatinLetter } from './chars.js';
import { tokenizeEnglish } from './english.js';
import { formAt, startFormsAgain, type TokenForm } from './forms.js';
import { tokenizeLatin } from './latin.js';
import { PositionMap } from './positions.js';
import { KIND_CODES, type RawTokenization } from './raw.js';
import { TokenTable } from './table.js';

export { FormMemo, FormTest, isCapitalised, normalizeWord, type TokenForm } from './forms.js';
export { PositionMap } from './positions.js';
export { stem } from './stem.js';
export { TokenTable } from './table.js';

/** A stretch of the text `[start, end)` in one language. */
export interface Segment {
  start: number;
  end: number;
  lang: Lang;
}

/** A segment with the tokens `[tokenStart, tokenEnd)` it produced. */
export interface TokenizedSegment extends Segment {
  tokenStart: number;
  tokenEnd: number;
}

/** Tokens and sentences of a text, with the position map that places them. */
export interface Tokenized {
  tokens: TokenTable;
  sentences: Sentence[];
  /** Number of `word` tokens. */
  words: number;
  positions: PositionMap;
  segments: TokenizedSegment[];
}

type Pipeline = (text: string, lang: Lang) => RawTokenization;

/** The steps each pipeline a language may name runs. */
const STEPS: Readonly<Record<Language['pipeline'], Pipeline>> = { latin: tokenizeLatin, wink: tokenizeEnglish };
const PIPELINES = Object.fromEntries(LANGS.map((lang) => [lang, STEPS[languageOf(lang).pipeline]])) as Record<Lang, Pipeline>;

/**
 * Tokenise `text` in `lang`: exact offsets (UTF-16 code units), unist places, French elisions
 * split from their word, hyphenated compounds kept whole, sentences that keep their closing `»`.
 */
export function tokenize(text: string, lang: Lang): Tokenized {
  return tokenizeSegments(text, [{ start: 0, end: text.length, lang }]);
}

/**
 * The token forms of a short text, without offsets or sentences: what compiling a lexicon
 * pattern needs, thousands of times at start-up.
 */
export function tokenForms(text: string, lang: Lang): TokenForm[] {
  if (PIPELINES[lang] === tokenizeLatin && isPlainLatinWord(text)) return [formAt(text, 0, text.length, KIND_CODES.word, lang)];
  const { tokens } = PIPELINES[lang](text, lang);
  const forms: TokenForm[] = [];
  for (let i = 0; i < tokens.count; i++) forms.push(formAt(text, tokens.start(i), tokens.end(i), tokens.kindCode(i), lang));
  return forms;
}

/**
 * Letters of the Latin alphabets only: what the Latin scanner always makes one word token of.
 * Lexicons and rules are mostly such words, and compiling them then skips the scanner's set-up.
 */
function isPlainLatinWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isAsciiLetter(code) && !isLatinLetter(code)) return false;
  }
  return true;
}

/**
 * Tokenise a text made of segments in different languages (a French page with an English
 * paragraph): each segment goes through its language's pipeline, offsets stay global.
 * Segments must be in order and must not overlap.
 */
export function tokenizeSegments(text: string, segments: readonly Segment[]): Tokenized {
  startFormsAgain();
  const raws = segments.map((segment) => {
    const whole = segment.start === 0 && segment.end === text.length;
    return PIPELINES[segment.lang](whole ? text : text.slice(segment.start, segment.end), segment.lang);
  });
  const tokens = new TokenTable(raws.reduce((count, raw) => count + raw.tokens.count, 0));
  const { forms, starts, ends, sentenceOf, tags } = tokens;
  const positions = new PositionMap(text);
  const sentences: Sentence[] = [];
  const tokenizedSegments: TokenizedSegment[] = [];
  let words = 0;
  let t = 0;
  segments.forEach((segment, s) => {
    const { tokens: raw, sentences: spans } = raws[s]!;
    const firstToken = t;
    for (const [tokenStart, tokenEnd] of spans) {
      const sentence = sentences.length;
      for (let i = tokenStart; i < tokenEnd; i++, t++) {
        const kind = raw.kindCode(i);
        const start = raw.start(i) + segment.start;
        const end = raw.end(i) + segment.start;
        if (kind === KIND_CODES.word) words++;
        forms[t] = formAt(text, start, end, kind, segment.lang);
        starts[t] = start;
        ends[t] = end;
        sentenceOf[t] = sentence;
        const pos = raw.pos(i);
        if (pos !== undefined) tags[t] = pos;
      }
      const startOffset = starts[firstToken + tokenStart]!;
      const endOffset = ends[firstToken + tokenEnd - 1]!;
      sentences.push({
        range: [startOffset, endOffset],
        place: positions.place(startOffset, endOffset),
        tokenStart: firstToken + tokenStart,
        tokenEnd: firstToken + tokenEnd,
      });
    }
    tokenizedSegments.push({ ...segment, tokenStart: firstToken, tokenEnd: t });
  });
  return { tokens, sentences, words, positions, segments: tokenizedSegments };
}

/** Tokens with their unist places, in one forward walk over the line table. */
export function withPlaces(tokens: TokenTable, positions: PositionMap): Token[] {
  const point = positions.forward();
  const placed: Token[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const { text, norm, stem, kind } = tokens.forms[t]!;
    const start = tokens.starts[t]!;
    const end = tokens.ends[t]!;
    const token: Token = { text, norm, stem, kind, range: [start, end], place: { start: point(start), end: point(end) }, sentence: tokens.sentenceOf[t]! };
    const pos = tokens.tags[t];
    if (pos !== undefined) token.pos = pos;
    placed.push(token);
  }
  return placed;
}
