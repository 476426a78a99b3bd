/**
 * Candidate lexicon entries: word n-grams that side A of a comparison uses significantly more
 * than side B and that no lexicon entry matched. The way new entries get proposed: « which
 * terms do promotional texts use that critics only quote? »
 */
import type { CorpusDocumentLean } from '../records.js';
import { tokenizeSegments, type Tokenized } from '../tokenize/index.js';
import type { Finding } from '../types.js';
import stopwordLists from './stopwords.json' with { type: 'json' };
import { keyness } from './stats.js';

/** What candidates read of a document: its text, its language segments and its term findings. */
export type TextDocument = Pick<CorpusDocumentLean, 'file' | 'text' | 'segments' | 'words'> & { findings: ReadonlyArray<Pick<Finding, 'kind' | 'range'>> };

/** Options of the candidates of `compareSides()`. */
export interface CandidateOptions {
  /** Longest n-gram, in words (1 to 5). Default 3. */
  maxWords?: number;
  /** Fewest occurrences in side A. Default 3. */
  minCount?: number;
  /** Fewest documents of side A it occurs in: one document's idiosyncrasy is no vocabulary. Default 2. */
  minDocuments?: number;
  /** Largest p-value kept. Default 0.05. */
  maxP?: number;
  /** Most candidates returned. Default 25. */
  top?: number;
}

/** A proposed lexicon entry. */
export interface Candidate {
  /** The n-gram as side A writes it most often (lower-cased). */
  key: string;
  /** Words in the n-gram. */
  n: number;
  /** A lexicon pattern that matches it (words match by stem: inflected forms too). */
  pattern: string;
  /** A lexicon entry id made from it (kebab-case ASCII). */
  id: string;
  countA: number;
  countB: number;
  documentsA: number;
  g2: number;
  p: number;
  logRatio: number;
  /** Where side A first uses it. */
  example: { file: string; line: number; column: number };
}

const STOPWORDS: ReadonlySet<string> = new Set([...stopwordLists.fr, ...stopwordLists.en]);

interface Gram {
  count: number;
  documents: number;
  /** Surface forms (norms joined by spaces) and how often each was written. */
  forms: Map<string, number>;
  example: { file: string; line: number; column: number };
}

/** The tokens of a document that a term finding covers (the lexicon already has them). */
function coveredTokens(tokenized: Tokenized, findings: TextDocument['findings']): Uint8Array {
  const { starts, ends, length } = tokenized.tokens;
  const covered = new Uint8Array(length);
  for (const finding of findings) {
    if (finding.kind !== 'term') continue;
    const [start, end] = finding.range;
    // Binary search for the first token that ends after the finding starts.
    let low = 0;
    let high = length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ends[middle]! <= start) low = middle + 1;
      else high = middle;
    }
    for (let t = low; t < length && starts[t]! < end; t++) covered[t] = 1;
  }
  return covered;
}

/** A word an n-gram may hold: a word token of two characters or more that no term finding covers. */
const usable = (tokenized: Tokenized, covered: Uint8Array, t: number): boolean => {
  const form = tokenized.tokens.forms[t]!;
  return form.kind === 'word' && form.norm.length >= 2 && covered[t] === 0;
};

/**
 * Count the n-grams of `documents` (by the stems of their words, so that inflections count
 * together). With `only`, count only those keys (side B needs no others).
 */
function countGrams(documents: Iterable<TextDocument>, maxWords: number, only?: ReadonlySet<string>): Map<string, Gram> {
  const grams = new Map<string, Gram>();
  for (const document of documents) {
    const tokenized = tokenizeSegments(document.text, document.segments.map((segment) => ({ start: segment.range[0], end: segment.range[1], lang: segment.lang })));
    const { forms, sentenceOf, starts, length } = tokenized.tokens;
    const covered = coveredTokens(tokenized, document.findings);
    const seen = new Set<string>();
    for (let t = 0; t < length; t++) {
      if (!usable(tokenized, covered, t) || STOPWORDS.has(forms[t]!.norm)) continue;
      let stems = '';
      let surface = '';
      for (let n = 1; n <= maxWords && t + n - 1 < length; n++) {
        const last = t + n - 1;
        if (!usable(tokenized, covered, last) || sentenceOf[last] !== sentenceOf[t]) break;
        stems = n === 1 ? forms[last]!.stem : `${stems} ${forms[last]!.stem}`;
        surface = n === 1 ? forms[last]!.norm : `${surface} ${forms[last]!.norm}`;
        if (STOPWORDS.has(forms[last]!.norm)) continue;
        if (only && !only.has(stems)) continue;
        let gram = grams.get(stems);
        if (!gram) {
          const { line, column } = tokenized.positions.point(starts[t]!);
          grams.set(stems, (gram = { count: 0, documents: 0, forms: new Map(), example: { file: document.file, line, column } }));
        }
        gram.count++;
        gram.forms.set(surface, (gram.forms.get(surface) ?? 0) + 1);
        if (!seen.has(stems)) {
          seen.add(stems);
          gram.documents++;
        }
      }
    }
  }
  return grams;
}

/** The surface written most often (ties: the first in code unit order). */
function mostWritten(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let most = -1;
  for (const [form, count] of forms) if (count > most || (count === most && form < best)) [best, most] = [form, count];
  return best;
}

/** A lexicon entry id from an n-gram: ASCII letters and digits, words joined by `-`. */
function entryId(key: string): string {
  return key.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}

function checkedCount(value: number | undefined, fallback: number, min: number, max: number, name: string): number {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < min || count > max) throw new RangeError(`novlangue: candidate option "${name}" must be a whole number from ${min} to ${max}, instead received ${String(value)}.`);
  return count;
}

/**
 * N-grams side A uses significantly more than side B, that no lexicon entry covered, strongest
 * G² first. They start and end with a content word (see `stopwords.json`) and stay in a sentence.
 * @throws {RangeError} when an option is out of range
 */
export function candidateEntries(a: Iterable<TextDocument>, wordsA: number, b: Iterable<TextDocument>, wordsB: number, options: CandidateOptions = {}): Candidate[] {
  const maxWords = checkedCount(options.maxWords, 3, 1, 5, 'maxWords');
  const minCount = checkedCount(options.minCount, 3, 1, Number.MAX_SAFE_INTEGER, 'minCount');
  const minDocuments = checkedCount(options.minDocuments, 2, 1, Number.MAX_SAFE_INTEGER, 'minDocuments');
  const top = checkedCount(options.top, 25, 0, Number.MAX_SAFE_INTEGER, 'top');
  const maxP = options.maxP ?? 0.05;
  if (!(maxP >= 0 && maxP <= 1)) throw new RangeError(`novlangue: candidate option "maxP" must be a number from 0 to 1, instead received ${String(options.maxP)}.`);
  const inA = new Map([...countGrams(a, maxWords)].filter(([, gram]) => gram.count >= minCount && gram.documents >= minDocuments));
  const inB = countGrams(b, maxWords, new Set(inA.keys()));
  const candidates: Candidate[] = [];
  for (const [stems, gram] of inA) {
    const countB = inB.get(stems)?.count ?? 0;
    const { g2, p, logRatio } = keyness(gram.count, wordsA, countB, wordsB);
    if (g2 <= 0 || p > maxP) continue;
    const key = mostWritten(gram.forms);
    candidates.push({ key, n: key.split(' ').length, pattern: key, id: entryId(key), countA: gram.count, countB, documentsA: gram.documents, g2, p, logRatio, example: gram.example });
  }
  // A longer n-gram that is no more frequent than one of its parts says it better: the parts go.
  const kept = candidates.filter((candidate) => !candidates.some((other) => other.n > candidate.n && other.countA === candidate.countA && ` ${other.key} `.includes(` ${candidate.key} `)));
  return kept.sort((x, y) => y.g2 - x.g2 || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).slice(0, top);
}
