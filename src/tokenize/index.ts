import type { Lang, Sentence, Token } from '../types.js';
import { tokenizeEnglish } from './english.js';
import { tokenizeFrench } from './french.js';
import { PositionMap } from './positions.js';
import type { RawTokenization } from './raw.js';
import { stem } from './stem.js';

export { PositionMap } from './positions.js';
export { stem } from './stem.js';

/**
 * A token as the pipeline uses it: a `Token` without its `place`, and with its range as two
 * numbers. Places cost three objects a token and the range an array, and a text holds a
 * million tokens: they are built only when tokens are handed out (`withPlaces`).
 */
export interface CoreToken extends Omit<Token, 'place' | 'range'> {
  /** Offset of the first code unit. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
}

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
  tokens: CoreToken[];
  sentences: Sentence[];
  /** Number of `word` tokens. */
  words: number;
  positions: PositionMap;
  segments: TokenizedSegment[];
}

const PIPELINES: Record<Lang, (text: string) => RawTokenization> = { fr: tokenizeFrench, en: tokenizeEnglish };
const COMBINING = /[\u0300-\u036f]/;

/** Lower-case, fold `’` to `'`, and compose decomposed accents so that stems compare equal. */
export function normalizeWord(text: string, mayHaveApostrophe = true, mayHaveCombining = true): string {
  let norm = text.toLowerCase();
  if (mayHaveApostrophe && norm.includes('\u2019')) norm = norm.replaceAll('\u2019', "'");
  if (mayHaveCombining && COMBINING.test(norm)) norm = norm.normalize('NFC');
  return norm;
}

/**
 * Tokenise `text` in `lang`: exact offsets (UTF-16 code units), unist places, French elisions
 * split from their word, hyphenated compounds kept whole, sentences that keep their closing `»`.
 */
export function tokenize(text: string, lang: Lang): Tokenized {
  return tokenizeSegments(text, [{ start: 0, end: text.length, lang }]);
}

/** The normalised form and stem of a word as written. */
interface WordForm {
  text: string;
  norm: string;
  stem: string;
}

// Word forms follow Zipf's law: most tokens are a few thousand forms seen before. Looking up
// the form as written gives its norm and stem with one hash, and every token of a form shares
// the same three strings. Bounded, like the stem cache, against texts of endless new words.
const FORM_CACHE_LIMIT = 200_000;
const wordForms: Record<Lang, Map<string, WordForm>> = { fr: new Map(), en: new Map() };

function wordForm(surface: string, lang: Lang): WordForm {
  const forms = wordForms[lang];
  let form = forms.get(surface);
  if (form === undefined) {
    const norm = normalizeWord(surface);
    form = { text: surface, norm, stem: stem(norm, lang) };
    if (forms.size >= FORM_CACHE_LIMIT) forms.clear();
    forms.set(surface, form);
  }
  return form;
}

/**
 * Tokenise a text made of segments in different languages (a French page with an English
 * paragraph): each segment goes through its language's pipeline, offsets stay global.
 * Segments must be in order and must not overlap.
 */
export function tokenizeSegments(text: string, segments: readonly Segment[]): Tokenized {
  const positions = new PositionMap(text);
  const tokens: CoreToken[] = [];
  const sentences: Sentence[] = [];
  const tokenizedSegments: TokenizedSegment[] = [];
  let words = 0;
  for (const segment of segments) {
    const whole = segment.start === 0 && segment.end === text.length;
    const { tokens: raw, sentences: spans } = PIPELINES[segment.lang](whole ? text : text.slice(segment.start, segment.end));
    const firstToken = tokens.length;
    let sentence = sentences.length;
    for (const [tokenStart, tokenEnd] of spans) {
      for (let i = tokenStart; i < tokenEnd; i++) {
        const kind = raw.kind(i);
        const start = raw.start(i) + segment.start;
        const end = raw.end(i) + segment.start;
        let surface = text.slice(start, end);
        let norm = surface;
        let stemmed = surface;
        if (kind === 'word') {
          words++;
          ({ text: surface, norm, stem: stemmed } = wordForm(surface, segment.lang));
        } else if (kind === 'elision') {
          norm = stemmed = normalizeWord(surface);
        }
        const token: CoreToken = { text: surface, norm, stem: stemmed, kind, start, end, sentence };
        const pos = raw.pos(i);
        if (pos !== undefined) token.pos = pos;
        tokens.push(token);
      }
      const startOffset = tokens[firstToken + tokenStart]!.start;
      const endOffset = tokens[firstToken + tokenEnd - 1]!.end;
      sentences.push({
        range: [startOffset, endOffset],
        place: positions.place(startOffset, endOffset),
        tokenStart: firstToken + tokenStart,
        tokenEnd: firstToken + tokenEnd,
      });
      sentence++;
    }
    tokenizedSegments.push({ ...segment, tokenStart: firstToken, tokenEnd: tokens.length });
  }
  return { tokens, sentences, words, positions, segments: tokenizedSegments };
}

/** Tokens with their unist places, in one forward walk over the line table. */
export function withPlaces(tokens: readonly CoreToken[], positions: PositionMap): Token[] {
  const point = positions.forward();
  return tokens.map((token) => {
    const placed: Token = {
      text: token.text,
      norm: token.norm,
      stem: token.stem,
      kind: token.kind,
      range: [token.start, token.end],
      place: { start: point(token.start), end: point(token.end) },
      sentence: token.sentence,
    };
    if (token.pos !== undefined) placed.pos = token.pos;
    return placed;
  });
}
