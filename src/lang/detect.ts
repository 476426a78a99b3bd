import { franc } from 'franc';
import type { Segment } from '../tokenize/index.js';
import type { Lang } from '../types.js';
import { LETTER as LETTER_CLASS, bmpClasses, isApostrophe, isHighSurrogate, isLowSurrogate } from '../tokenize/chars.js';

/**
 * Language routing between the French and the English pipelines.
 *
 * franc (character trigrams, restricted to French and English) is reliable on a paragraph of
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

// Words that are grammatical in one language and (nearly) absent from the other. Not here:
// "a", "on", "en", "as", "an", "or", "son", "par", "tout", "plus" and the like, which both
// languages use or borrow.
const ENGLISH = new Set([
  'the', 'and', 'of', 'to', 'in', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'for', 'with', 'from', 'by', 'at',
  'this', 'that', 'these', 'those', 'it', 'its', 'our', 'we', 'you', 'your', 'their', 'they', 'them', 'he', 'she', 'his',
  'her', 'will', 'would', 'can', 'could', 'should', 'must', 'has', 'have', 'had', 'which', 'who', 'whose', 'what', 'how',
  'where', 'when', 'into', 'not', 'cannot', 'but', 'than', 'every', 'each', 'all', 'more', 'most', 'about', 'through',
  'there', 'here', 'so', 'so-called', 'does', 'do', 'did', 'yet', 'while', 'because', 'without', 'within', 'between',
]);
const FRENCH = new Set([
  'le', 'la', 'les', 'du', 'de', 'et', 'est', 'sont', 'une', 'un', 'pour', 'dans', 'avec', 'sur', 'au', 'aux',
  'qui', 'que', 'ne', 'pas', 'nous', 'vous', 'ils', 'elles', 'elle', 'il', 'ce', 'cette', 'ces', 'cet', 'sa', 'ses',
  'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mais', 'ou', 'où', 'à', 'été', 'être', 'avoir', 'ont', 'comme',
  'aussi', 'très', 'sans', 'entre', 'dont', 'cela', 'ceci', 'ainsi', 'selon', 'chez', 'vers', 'depuis', 'lors', 'tous',
  'toutes', 'toute', 'se', 'soit', 'sera', 'seront', 'faire', 'fait', 'peut', 'doit', 'doivent', 'déjà',
]);
// l'humain, d'une, qu'elle, n'est, s'agit, c'est, j'ai, jusqu'à, lorsqu'on, puisqu'il.
const FRENCH_ELISIONS = new Set(['l', 'd', 'qu', 'n', 's', 'c', 'j', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);
// don't, it's, we're, they've, we'll, I'm, she'd.
const ENGLISH_CLITICS = new Set(['t', 's', 're', 've', 'll', 'm', 'd']);
const LETTER = /\p{L}/u;
const ALL_FUNCTION_WORDS = [...ENGLISH, ...FRENCH, ...FRENCH_ELISIONS, ...ENGLISH_CLITICS];
/** The longest word of the sets above: longer words need not be lower-cased and looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...ALL_FUNCTION_WORDS.map((word) => word.length));

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
const BY_SIGNATURE = new Map<number, string[]>();
for (const word of new Set(ALL_FUNCTION_WORDS)) {
  const key = signature(word, 0, word.length);
  BY_SIGNATURE.set(key, [...(BY_SIGNATURE.get(key) ?? []), word]);
}

/** The candidate that `text[start, end)` is, lower-cased; read in place unless a letter lies beyond Latin-1. */
function grammarWord(text: string, start: number, end: number, candidates: readonly string[]): string | undefined {
  let lower: string | undefined;
  for (const word of candidates) {
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
    if (same) return word;
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

/** Grammar words of each language in `text`. */
function functionWords(text: string): { en: number; fr: number } {
  let en = 0;
  let fr = 0;
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
    if (isApostrophe(text.charCodeAt(end)) && isLetterAt(text, end + 1)) {
      // An elision opens the word after the apostrophe: l'open data, qu'elle.
      if (FRENCH_ELISIONS.has(word)) {
        fr++;
        continue;
      }
    }
    if (start > 1 && isApostrophe(text.charCodeAt(start - 1)) && isLetterAt(text, start - 2) && ENGLISH_CLITICS.has(word)) {
      en++;
      continue;
    }
    if (ENGLISH.has(word)) en++;
    else if (FRENCH.has(word)) fr++;
  }
  return { en, fr };
}

interface Judgement {
  lang: Lang;
  confident: boolean;
}

function byTrigrams(sample: string): Lang | undefined {
  const code = franc(sample, { only: ['fra', 'eng'] });
  return code === 'fra' ? 'fr' : code === 'eng' ? 'en' : undefined;
}

/**
 * Judge the language of a sample of at most ~2000 characters; `undefined` when it cannot be told.
 * `unless`: the caller keeps this language unless a confident judgement names the other one, so
 * other judgements may come back `undefined` (and franc is spared where it could only agree).
 */
function judge(sample: string, unless?: Lang): Judgement | undefined {
  const letters = letterCount(sample);
  if (letters < MIN_LETTERS) return undefined;
  const { en, fr } = functionWords(sample);
  const words: Lang | undefined = en >= 2 && en >= 2 * fr ? 'en' : fr >= 2 && fr >= 2 * en ? 'fr' : undefined;
  // Strong function-word evidence decides on its own (and spares the cost of franc): ordinary
  // prose of either language has it, a buzzword does not bring it along.
  if (words !== undefined && Math.max(en, fr) >= 4 && Math.max(en, fr) >= 3 * Math.min(en, fr)) return { lang: words, confident: true };
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
  // none on the other side decides; a text with no grammar at all cannot be told.
  if (en > 0 && fr === 0) return { lang: 'en', confident: false };
  if (fr > 0 && en === 0) return { lang: 'fr', confident: false };
  return en + fr > 0 && trigrams !== undefined ? { lang: trigrams, confident: false } : undefined;
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
