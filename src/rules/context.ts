import { FormTest, isCapitalised, type TokenForm, type TokenTable } from '../tokenize/index.js';
import type { Category, Sentence } from '../types.js';
import type { SetEnv } from '../engine/sets.js';
import type { PatternInput, SpanKind } from './types.js';

/**
 * What every rule kind reads, computed once per text in linear passes: where the term
 * findings are, how many words precede each token, and where each token's clause starts and
 * ends. Rule kinds never scan outward from a token, so a sentence of 250,000 tokens stays linear.
 */
export interface RuleContext extends SetEnv {
  readonly input: PatternInput;
  readonly tokens: TokenTable;
  readonly sentences: readonly Sentence[];
  /** The sentences of the input's ranges: those the rules look in. */
  readonly scanned: readonly Sentence[];
  /** Index (into `input.terms`) of the term finding that starts at each token, or -1. */
  readonly termStart: Int32Array;
  /** Index of the term finding that covers each token, or -1. */
  readonly termCover: Int32Array;
  /** Token after the last token of each term finding, by term index. */
  readonly termEnd: Int32Array;
  readonly termCategory: readonly Category[];
  /** Number of word tokens before each token (and `wordsBefore[tokens.length]` = all words). */
  readonly wordsBefore: Int32Array;
  /** First token of each token's clause. */
  readonly clauseStart: Int32Array;
  /** Token after the last token of each token's clause. */
  readonly clauseEnd: Int32Array;
  /** End (exclusive) of each token's sentence. */
  readonly sentenceEnd: Int32Array;
}

/** Punctuation that ends a clause. The comma is one; quotation marks are not. */
const CLAUSE_BREAK = /^[,;:()[\]{}–—\-.!?…]+$/u;

// Asked of every token: remembered per token form.
const CLAUSE_BREAKS = new FormTest((form) => form.kind === 'punct' && CLAUSE_BREAK.test(form.text));

/** Does a token of this form end a clause? */
export function isClauseBreak(form: TokenForm): boolean {
  return CLAUSE_BREAKS.has(form);
}

export function buildContext(input: PatternInput): RuleContext {
  const { tokens, sentences, terms, ranges } = input;
  const n = tokens.length;
  const termStart = new Int32Array(n).fill(-1);
  const termCover = new Int32Array(n).fill(-1);
  const termEnd = new Int32Array(terms.length);
  const termCategory: Category[] = [];
  terms.forEach((term, i) => {
    const first = term.tokens[0];
    const last = term.tokens[term.tokens.length - 1];
    termCategory.push(term.category);
    if (first === undefined || last === undefined) return;
    termEnd[i] = last + 1;
    termStart[first] = i;
    termCover.fill(i, first, last + 1);
  });

  const wordsBefore = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) wordsBefore[t + 1] = wordsBefore[t]! + (tokens.forms[t]!.kind === 'word' ? 1 : 0);

  const clauseStart = new Int32Array(n);
  const clauseEnd = new Int32Array(n);
  const sentenceEnd = new Int32Array(n);
  for (const sentence of sentences) {
    sentenceEnd.fill(sentence.tokenEnd, sentence.tokenStart, sentence.tokenEnd);
    let start = sentence.tokenStart;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      clauseStart[t] = start;
      if (isClauseBreak(tokens.forms[t]!)) start = t + 1;
    }
    let end = sentence.tokenEnd;
    for (let t = sentence.tokenEnd - 1; t >= sentence.tokenStart; t--) {
      if (isClauseBreak(tokens.forms[t]!)) {
        clauseEnd[t] = t + 1;
        end = t;
      } else clauseEnd[t] = end;
    }
  }
  const ctx: RuleContext = {
    input, tokens, sentences, ranges, scanned: ranges ? sentencesIn(sentences, ranges) : sentences, termStart, termCover, termEnd, termCategory, wordsBefore, clauseStart, clauseEnd, sentenceEnd,
    hasTag: (t, tag) => hasTag(ctx, t, tag),
  };
  return ctx;
}

/** The sentences inside `ranges`; both are in text order. */
function sentencesIn(sentences: readonly Sentence[], ranges: ReadonlyArray<readonly [number, number]>): Sentence[] {
  const inside: Sentence[] = [];
  let r = 0;
  for (const sentence of sentences) {
    while (r < ranges.length && ranges[r]![1] <= sentence.tokenStart) r++;
    if (r === ranges.length) break;
    if (sentence.tokenStart >= ranges[r]![0] && sentence.tokenEnd <= ranges[r]![1]) inside.push(sentence);
  }
  return inside;
}

/** Does token `t` carry `tag`, by its part of speech or, without one, by its shape? */
function hasTag(ctx: RuleContext, t: number, tag: string): boolean {
  if (tag === 'PROPN') return isProperName(ctx, t);
  const pos = ctx.tokens.tags[t];
  if (pos !== undefined) return pos === tag;
  return tag === 'NUM' && ctx.tokens.forms[t]!.kind === 'number';
}

/**
 * A proper name: tagged so, or capitalised where the tagger gives no part of speech. Taggers
 * read any capitalised word that opens a sentence as a name ("Sensors will be…"), so a word
 * that opens its sentence, a quotation or what follows a colon is never taken for one.
 */
function isProperName(ctx: RuleContext, t: number): boolean {
  const form = ctx.tokens.forms[t]!;
  if (form.kind !== 'word' || !isCapitalised(form)) return false;
  const pos = ctx.tokens.tags[t];
  if (pos !== undefined && pos !== 'PROPN') return false;
  const sentence = ctx.sentences[ctx.tokens.sentenceOf[t]!]!;
  if (ctx.wordsBefore[t]! === ctx.wordsBefore[sentence.tokenStart]!) return false;
  const previous = ctx.tokens.forms[t - 1];
  return !(previous && (previous.kind === 'quote' || previous.text === ':'));
}

/** Words strictly between `[aFirst, aEnd)` and `[bFirst, bEnd)` (which do not overlap). */
export function wordsBetween(ctx: RuleContext, aFirst: number, aEnd: number, bFirst: number, bEnd: number): number {
  return aEnd <= bFirst ? ctx.wordsBefore[bFirst]! - ctx.wordsBefore[aEnd]! : ctx.wordsBefore[aFirst]! - ctx.wordsBefore[bEnd]!;
}

/** End (exclusive) of the sentence of token `t`. */
export function sentenceEndOf(ctx: RuleContext, t: number): number {
  return ctx.sentenceEnd[t]!;
}

/** The token span `[first, end)` a finding on `[first, end)` covers for `span`. */
export function spanOf(ctx: RuleContext, span: SpanKind, first: number, end: number): [number, number] {
  if (span === 'match') return [first, end];
  if (span === 'clause') return [ctx.clauseStart[first]!, ctx.clauseEnd[end - 1]!];
  const sentence = ctx.sentences[ctx.tokens.sentenceOf[first]!]!;
  return [sentence.tokenStart, sentence.tokenEnd];
}

/**
 * `[first, end)` without the punctuation, quotation marks and footnote calls at its edges,
 * never past the triggers `[keepFirst, keepEnd)`.
 */
export function trimSpan(ctx: RuleContext, first: number, end: number, keepFirst: number, keepEnd: number): [number, number] {
  const edge = (form: TokenForm): boolean => form.kind === 'punct' || form.kind === 'quote' || form.kind === 'footnote';
  while (first < keepFirst && edge(ctx.tokens.forms[first]!)) first++;
  while (end > keepEnd && edge(ctx.tokens.forms[end - 1]!)) end--;
  return [first, end];
}
