import { franc } from 'franc';
import { LANGS, languageOf } from '../languages/index.js';
import type { Segment } from '../tokenize/index.js';
import type { Lang } from '../types.js';
import { LETTER as LETTER_CLASS, bmpClasses, isApostrophe, isHighSurrogate, isLowSurrogate } from '../tokenize/chars.js';

/**
 * Language routing between the pipelines of the registered languages (French and English).
 *
 * franc (character trigrams, restricted to the registered languages) is reliable on a paragraph of
 * prose but misreads one-line English slogans ("Real-time data, seamless services." comes out
 * French), and trigrams are pulled towards English by the buzzwords French smart-city prose is
 * full of ("smart city", "open data", "living lab"). So each judgement also counts function
 * words — articles, prepositions, pronouns, auxiliaries, elisions, English contractions —
 * which buzzwords do not bring along: a French sentence about the smart city still says
 * "la", "des", "l'". A text too short to judge falls back to the caller's language.
 */

/** Below this many letters a text is not judged at all: the fallback wins. */
const MIN_LETTERS = 20;
/** From this many letters, trigrams are trusted over weak function-word evidence. */
const LONG_LETTERS = 200;
/** A paragraph shorter than this (in letters) takes the document's language. */
const MIN_PARAGRAPH_LETTERS = 40;
/** franc reads the first 2048 characters; the sample stays below. */
const SAMPLE_CHARS = 2000;
/** Leading lines shorter than this, without a final full stop, are a title block. */
const TITLE_LINE_CHARS = 80;
const TITLE_LINES = 6;

/**
 * What a grammar word is evidence of: the number (in `LANGS`) of the language it is a function
 * word, an elision or a clitic of, -1 for none. The registered function words are grammatical
 * in one language and (nearly) absent from the others: not "a", "on", "en", "son", "plus".
 */
interface GrammarWord {
  word: string;
  functionOf: number;
  elisionOf: number;
  cliticOf: number;
}

const GRAMMAR_WORDS = new Map<string, GrammarWord>();
function grammarEntry(word: string): GrammarWord {
  let entry = GRAMMAR_WORDS.get(word);
  if (entry === undefined) GRAMMAR_WORDS.set(word, (entry = { word, functionOf: -1, elisionOf: -1, cliticOf: -1 }));
  return entry;
}
LANGS.forEach((lang, number) => {
  const { functionWords, elisions, clitics } = languageOf(lang);
  // The first language to claim a word keeps it (the tests check that none claims another's).
  for (const word of functionWords) if (grammarEntry(word).functionOf < 0) grammarEntry(word).functionOf = number;
  for (const word of elisions) if (grammarEntry(word).elisionOf < 0) grammarEntry(word).elisionOf = number;
  for (const word of clitics) if (grammarEntry(word).cliticOf < 0) grammarEntry(word).cliticOf = number;
});
const LETTER = /\p{L}/u;
/** The longest grammar word: longer words need not be lower-cased and looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...GRAMMAR_WORDS.keys()].map((word) => word.length));
/** Each language's ISO 639-3 code, as franc names it, by number in `LANGS`. */
const FRANC_CODES = LANGS.map((lang) => languageOf(lang).iso6393);

/** The code unit at `at` lower-cased, for ASCII and Latin-1; -1 beyond, where it takes a string. */
function latinLowerAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if ((code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7)) return code + 32;
  return code > 0xff ? -1 : code;
}

/** A word's first letter, lower-cased, and its length. */
function signature(text: string, start: number, end: number): number {
  let code = latinLowerAt(text, start);
  if (code < 0) code = text.charAt(start).toLowerCase().charCodeAt(0);
  return code * 32 + (end - start);
}

/** The grammar words by signature: most words have none, the others a few candidates, compared in place. */
const BY_SIGNATURE = new Map<number, GrammarWord[]>();
for (const entry of GRAMMAR_WORDS.values()) {
  const key = signature(entry.word, 0, entry.word.length);
  BY_SIGNATURE.set(key, [...(BY_SIGNATURE.get(key) ?? []), entry]);
}

/** The candidate that `text[start, end)` is, lower-cased; read in place unless a letter lies beyond Latin-1. */
function grammarWord(text: string, start: number, end: number, candidates: readonly GrammarWord[]): GrammarWord | undefined {
  let lower: string | undefined;
  for (const entry of candidates) {
    const { word } = entry;
    let same = true;
    for (let i = 0; same && i < word.length; i++) {
      const code = latinLowerAt(text, start + i);
      if (code < 0) {
        lower ??= text.slice(start, end).toLowerCase();
        same = lower === word;
        break;
      }
      same = code === word.charCodeAt(i);
    }
    if (same) return entry;
  }
  return undefined;
}

const isBmpLetter = (code: number): boolean => (bmpClasses(code) & LETTER_CLASS) !== 0;

/** Is the code point at `at` a letter? */
function isLetterAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (!isHighSurrogate(code)) return isBmpLetter(code);
  return LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

/** Code units the code point at `at` takes. */
const width = (text: string, at: number): number => (isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1)) ? 2 : 1);

/** End of the run of letters from `at`. */
function lettersEnd(text: string, at: number): number {
  const length = text.length;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code < 0xd800 || code > 0xdfff) {
      if (!isBmpLetter(code)) return at;
      at++;
    } else {
      if (!isLetterAt(text, at)) return at;
      at += width(text, at);
    }
  }
  return at;
}

/** Letters of `text`, counted up to `cap`. */
function letterCount(text: string, cap = LONG_LETTERS): number {
  let count = 0;
  for (let at = 0; at < text.length && count < cap; at += width(text, at)) {
    if (isLetterAt(text, at)) count++;
  }
  return count;
}

/** Grammar words of each language in `text`, by number in `LANGS`. */
function functionWords(text: string): Int32Array {
  const counts = new Int32Array(LANGS.length);
  // Words are letters joined by hyphens (so-called); read without a match object per word.
  for (let at = 0; at < text.length; ) {
    if (!isLetterAt(text, at)) {
      at += width(text, at);
      continue;
    }
    const start = at;
    let end = lettersEnd(text, at);
    while (text.charCodeAt(end) === 45 && isLetterAt(text, end + 1)) end = lettersEnd(text, end + 1);
    at = end;
    if (end - start > LONGEST_FUNCTION_WORD) continue;
    const candidates = BY_SIGNATURE.get(signature(text, start, end));
    const word = candidates && grammarWord(text, start, end, candidates);
    if (word === undefined) continue;
    // An elision opens the word after the apostrophe: l'open data, qu'elle.
    if (word.elisionOf >= 0 && isApostrophe(text.charCodeAt(end)) && isLetterAt(text, end + 1)) {
      counts[word.elisionOf]!++;
      continue;
    }
    // A clitic closes the word before it: don't, we're.
    if (word.cliticOf >= 0 && start > 1 && isApostrophe(text.charCodeAt(start - 1)) && isLetterAt(text, start - 2)) {
      counts[word.cliticOf]!++;
      continue;
    }
    if (word.functionOf >= 0) counts[word.functionOf]!++;
  }
  return counts;
}

interface Judgement {
  lang: Lang;
  confident: boolean;
}

function byTrigrams(sample: string): Lang | undefined {
  const number = FRANC_CODES.indexOf(franc(sample, { only: FRANC_CODES }));
  return number < 0 ? undefined : LANGS[number];
}

/** The evidence of the function words: the language with the most, its count and the runner-up's, and the total. */
interface WordEvidence {
  top: Lang;
  most: number;
  next: number;
  total: number;
}

function evidence(counts: Int32Array): WordEvidence {
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  let next = 0;
  let total = 0;
  counts.forEach((count, i) => {
    total += count;
    if (i !== best && count > next) next = count;
  });
  return { top: LANGS[best]!, most: counts[best]!, next, total };
}

/**
 * Judge the language of a sample of at most ~2000 characters; `undefined` when it cannot be told.
 * `unless`: the caller keeps this language unless a confident judgement names another, so
 * other judgements may come back `undefined` (and franc is spared where it could only agree).
 */
function judge(sample: string, unless?: Lang): Judgement | undefined {
  const letters = letterCount(sample);
  if (letters < MIN_LETTERS) return undefined;
  const { top, most, next, total } = evidence(functionWords(sample));
  const words: Lang | undefined = most >= 2 && most >= 2 * next ? top : undefined;
  // Strong function-word evidence decides on its own (and spares the cost of franc): ordinary
  // prose of any language has it, a buzzword does not bring it along.
  if (words !== undefined && most >= 4 && most >= 3 * next) return { lang: words, confident: true };
  // Without a verdict of the function words no judgement is confident, and with one naming the
  // language kept anyway franc could only agree: spare franc then.
  if (unless !== undefined && (words === undefined || words === unless)) return undefined;
  const trigrams = byTrigrams(sample);
  if (words !== undefined && words === trigrams) return { lang: words, confident: true };
  if (words !== undefined) {
    // The two disagree (or franc abstains): function words win on short texts, where trigrams
    // are the weaker witness; franc wins on longer ones.
    if (letters < LONG_LETTERS || trigrams === undefined) return { lang: words, confident: false };
    return { lang: trigrams, confident: false };
  }
  if (letters >= LONG_LETTERS) return trigrams === undefined ? undefined : { lang: trigrams, confident: false };
  // A short text without decisive function words. franc alone misreads one-liners ("Data-driven
  // governance creates value for residents." comes out French), so a single grammar word with
  // none of another language decides; a text with no grammar at all cannot be told.
  if (most > 0 && most === total) return { lang: top, confident: false };
  return total > 0 && trigrams !== undefined ? { lang: trigrams, confident: false } : undefined;
}

/** Offsets of the lines of `text`, lazily: `[start, end)` without the line break. */
function* lines(text: string): Generator<[number, number]> {
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = breaks.exec(text)) !== null) {
    yield [start, match.index];
    start = match.index + match[0].length;
  }
  yield [start, text.length];
}

/** Does `text` hold at least `count` letters from `from` on? (Stops as soon as it knows.) */
function hasLetters(text: string, from: number, count: number): boolean {
  const letter = /\p{L}/gu;
  letter.lastIndex = from;
  for (let found = 0; found < count; found++) if (letter.exec(text) === null) return false;
  return true;
}

/**
 * Where the body of a document starts: after its title block (leading short lines without a
 * final full stop: a heading, a date line, "PRESS RELEASE"), if enough text follows.
 */
function bodyStart(text: string): number {
  let skipped = 0;
  let start = 0;
  for (const [from, to] of lines(text)) {
    const line = text.slice(from, to).trim();
    if (line === '') continue;
    if (skipped >= TITLE_LINES || line.length >= TITLE_LINE_CHARS || /[.!?…:;]["”»’)]*$/u.test(line)) break;
    skipped++;
    start = to;
  }
  return hasLetters(text, start, MIN_LETTERS) ? start : 0;
}

/** Cut `text` at the last whitespace before `max` characters. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max);
}

/**
 * What franc gets to read: the body, not the title block; for a long body, its beginning and a
 * stretch from its middle, ~2000 characters in all (franc ignores what comes after 2048).
 */
function bodySample(text: string): string {
  const body = text.slice(bodyStart(text)).trim();
  if (body.length <= SAMPLE_CHARS) return body;
  const half = SAMPLE_CHARS / 2;
  const middle = body.slice(Math.floor(body.length / 2) - half / 2);
  const start = middle.search(/\s/u);
  return `${clip(body, half)}\n\n${clip(middle.slice(start < 0 ? 0 : start).trimStart(), half)}`;
}

/**
 * The language of a document: franc on a sample of its body, checked against function words;
 * `fallback` when the text is too short to tell (fewer than ~20 letters, or a one-liner
 * without grammar words).
 */
export function detectLanguage(text: string, fallback: Lang): Lang {
  return judge(bodySample(text))?.lang ?? fallback;
}

/** Paragraphs of `text`: runs of non-blank lines, as `[start, end)`. */
function paragraphs(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  let last = 0;
  for (const [from, to] of lines(text)) {
    const blank = /^[ \t\f\v\u00a0\u202f]*$/u.test(text.slice(from, to));
    if (blank && open >= 0) {
      out.push([open, last]);
      open = -1;
    } else if (!blank) {
      if (open < 0) open = from;
      last = to;
    }
  }
  if (open >= 0) out.push([open, last]);
  return out;
}

/**
 * Split a document into stretches of one language. Each paragraph long enough to judge gets
 * its own language when the evidence is clear; the others take the document's. Adjacent
 * stretches of one language are merged. The segments cover the whole text, in order, without
 * overlap; a boundary between two segments falls at the start of a paragraph, so the blank
 * lines before it stay with the previous segment.
 */
export function segmentByLanguage(text: string, fallback: Lang): Segment[] {
  const document = detectLanguage(text, fallback);
  const segments: Segment[] = [];
  for (const [start, end] of paragraphs(text)) {
    const paragraph = text.slice(start, end);
    let lang = document;
    if (letterCount(paragraph, MIN_PARAGRAPH_LETTERS) >= MIN_PARAGRAPH_LETTERS) {
      const judgement = judge(clip(paragraph, SAMPLE_CHARS), document);
      if (judgement?.confident) lang = judgement.lang;
    }
    const current = segments[segments.length - 1];
    if (current === undefined) {
      segments.push({ start: 0, end: text.length, lang });
    } else if (lang !== current.lang) {
      current.end = start;
      segments.push({ start, end: text.length, lang });
    }
  }
  return segments.length > 0 ? segments : [{ start: 0, end: text.length, lang: document }];
}
