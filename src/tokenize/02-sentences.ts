import { acrossLanguages } from '../languages/index.js';
import { CLOSING_QUOTES, STRAIGHT_QUOTES } from './marks.js';
import type { RawTokens } from './raw.js';

/**
 * Step 2: group raw tokens into sentences. A sentence ends at `. ! ? …` unless the full stop
 * closes a known abbreviation or an initial; closing quotes, brackets and footnote calls that
 * follow the end mark stay with the sentence; a blank line (paragraph, heading) always ends one.
 */

// Abbreviations after which a full stop does not end a sentence, of every language: a French
// text cites « Mr. Smith » and « IBM Inc. » alike.
const ABBREVIATIONS: ReadonlySet<string> = new Set(acrossLanguages((language) => language.abbreviations));
// These close a sentence when the next word is capitalised ("…, etc. Les habitants").
const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(acrossLanguages((language) => language.sentenceFinalAbbreviations));

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

function closesSentence(text: string, tokens: RawTokens, i: number): boolean {
  if (tokens.kind(i) !== 'punct') return false;
  const start = tokens.start(i);
  const first = text.charCodeAt(start);
  // Most punctuation is a comma or an apostrophe: one code unit tells it is no end mark.
  if (first !== 46 && first !== 33 && first !== 63 && first !== 0x2026) return false;
  const mark = text.slice(start, tokens.end(i));
  if (!END_MARK.test(mark)) return false;
  if (mark !== '.') return true;
  const next = i + 1 < tokens.count ? i + 1 : -1;
  if (i > 0 && tokens.kind(i - 1) === 'word' && tokens.end(i - 1) === start) {
    const word = text.slice(tokens.start(i - 1), start);
    const lower = word.toLowerCase();
    if (word.length === 1 && isUpper(word)) return false; // an initial: "J. Rifkin"
    if (ABBREVIATIONS.has(lower)) {
      if (!SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return false;
      return next < 0 || isUpper(text.charAt(tokens.start(next)));
    }
  }
  // A sentence in a Latin script starts with a capital: "av. du Général" is not two sentences.
  if (next >= 0 && tokens.kind(next) === 'word' && !isUpper(text.charAt(tokens.start(next)))) return false;
  return true;
}

/** Does token `i`, after an end mark, still belong to the sentence it ends? */
function trailsSentence(text: string, tokens: RawTokens, i: number): boolean {
  if (tokens.kind(i) === 'footnote') return true;
  const start = tokens.start(i);
  const previousEnd = tokens.end(i - 1);
  const char = text.charAt(start);
  if (CLOSING_QUOTES.has(char)) return !hasBlankLine(text, previousEnd, start);
  if (STRAIGHT_QUOTES.has(char) || char === ')' || char === ']') return previousEnd === start;
  return false;
}

/** The token span `[start, end)` of every sentence. */
export function splitSentences(text: string, tokens: RawTokens): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  let ended = false;
  for (let i = 0; i < tokens.count; i++) {
    if (i > start) {
      const paragraph = hasBlankLine(text, tokens.end(i - 1), tokens.start(i));
      if (paragraph || (ended && !trailsSentence(text, tokens, i))) {
        spans.push([start, i]);
        start = i;
        ended = false;
      }
    }
    if (closesSentence(text, tokens, i)) ended = true;
  }
  if (start < tokens.count) spans.push([start, tokens.count]);
  return spans;
}
