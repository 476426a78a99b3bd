import type { RawToken } from './01-scan.js';

/**
 * Step 2: group raw tokens into sentences. A sentence ends at `. ! ? …` unless the full stop
 * closes a known abbreviation or an initial; closing quotes, brackets and footnote calls that
 * follow the end mark stay with the sentence; a blank line (paragraph, heading) always ends one.
 */

// Abbreviations after which a full stop does not end a sentence (lower-cased).
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'dr', 'pr', 'me', 'mgr', 'st', 'ste',
  'p', 'pp', 'cf', 'art', 'al', 'vol', 'éd', 'ed', 'coll', 'chap', 'fig', 'n', 'no', 'nos',
  'av', 'bd', 'ex', 'env', 'hab', 'ibid', 'op', 'cit', 'sq', 'sqq', 'vs', 'etc', 'réf',
  'mr', 'mrs', 'ms', 'prof', 'inc', 'ltd', 'jr', 'sr', 'e.g', 'i.e', 'approx', 'dept',
]);
// These close a sentence when the next word is capitalised ("…, etc. Les habitants").
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'ibid', 'inc', 'ltd']);

const END_MARK = /^(?:[.!?…]+|\.{2,})$/;

function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** Does the gap `[from, to)` of `text` hold a blank line? */
export function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      if (++newlines >= 2) return true;
    } else if (code !== 32 && code !== 9 && code !== 13 && code !== 0xa0 && code !== 0x202f) {
      newlines = 0;
    }
  }
  return false;
}

function closesSentence(text: string, tokens: RawToken[], i: number): boolean {
  const token = tokens[i] as RawToken;
  if (token.kind !== 'punct') return false;
  const mark = text.slice(token.start, token.end);
  if (!END_MARK.test(mark)) return false;
  if (mark !== '.') return true;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (previous && previous.kind === 'word' && previous.end === token.start) {
    const word = text.slice(previous.start, previous.end);
    const lower = word.toLowerCase();
    if (word.length === 1 && isUpper(word)) return false; // an initial: "J. Rifkin"
    if (ABBREVIATIONS.has(lower)) {
      if (!SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return false;
      return next === undefined || isUpper(text.charAt(next.start));
    }
  }
  // French and English sentences start with a capital: "av. du Général" is not two sentences.
  if (next && next.kind === 'word' && !isUpper(text.charAt(next.start))) return false;
  return true;
}

/** Tokens that may follow an end mark and still belong to the sentence it ends. */
function trailsSentence(text: string, previous: RawToken, token: RawToken): boolean {
  if (token.kind === 'footnote') return true;
  const char = text.charAt(token.start);
  if (char === '»' || char === '”' || char === '›') return !hasBlankLine(text, previous.end, token.start);
  if (char === '"' || char === ')' || char === ']') return previous.end === token.start;
  return false;
}

/** Sentence index of every token, and the token span `[start, end)` of every sentence. */
export function splitSentences(text: string, tokens: RawToken[]): { sentenceOf: Uint32Array; spans: Array<[number, number]> } {
  const sentenceOf = new Uint32Array(tokens.length);
  const spans: Array<[number, number]> = [];
  let start = 0;
  let ended = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as RawToken;
    if (i > start) {
      const previous = tokens[i - 1] as RawToken;
      const paragraph = hasBlankLine(text, previous.end, token.start);
      if (paragraph || (ended && !trailsSentence(text, previous, token))) {
        spans.push([start, i]);
        start = i;
        ended = false;
      }
    }
    sentenceOf[i] = spans.length;
    if (closesSentence(text, tokens, i)) ended = true;
  }
  if (start < tokens.length) spans.push([start, tokens.length]);
  return { sentenceOf, spans };
}
