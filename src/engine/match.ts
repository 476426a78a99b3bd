import { FormTest, type TokenForm, type TokenTable } from '../tokenize/index.js';
import type { Category } from '../types.js';
import { fills, type Slot } from './pattern.js';

/**
 * The one matcher of the pattern language: lexicon entries, stance markers and pattern rules
 * are matched by `matchFrom`, and `matchedTokens` says which tokens a match consumed.
 */

/** What matching reads besides the tokens: the term findings and parts of speech that rule slots ask for. */
export interface MatchEnv {
  readonly tokens: TokenTable;
  /** Index of the term finding that starts at each token, or -1. */
  readonly termStart: Int32Array;
  /** Token after the last token of each term finding, by term index. */
  readonly termEnd: Int32Array;
  readonly termCategory: readonly Category[];
  /** Does token `t` carry the part of speech `tag`? */
  hasTag(t: number, tag: string): boolean;
}

const NO_TERMS = new Int32Array(0);

/**
 * The environment of plain patterns (lexicon entries, stance markers): they ask for no term
 * and no part of speech, so a token is only read by its form.
 */
export function plainEnv(tokens: TokenTable): MatchEnv {
  return { tokens, termStart: NO_TERMS, termEnd: NO_TERMS, termCategory: [], hasTag: () => false };
}

/** Punctuation that a `*N` gap does not cross: the clause breaks but the comma. */
const HARD_BREAK = /^[;:()[\]{}–—\-.!?…]+$/u;
const HARD_BREAKS = new FormTest((form) => form.kind === 'punct' && HARD_BREAK.test(form.text));

/** Is `form` punctuation that a `*N` gap and an enumeration do not cross? */
export function isHardBreak(form: TokenForm): boolean {
  return HARD_BREAKS.has(form);
}

/** Index of the term of one of `slot`'s categories that starts at token `t`, or -1. */
function termOfCategory(env: MatchEnv, slot: Slot, t: number): number {
  const term = env.termStart[t]!;
  return term >= 0 && (slot.categories.has('*') || slot.categories.has(env.termCategory[term]!)) ? term : -1;
}

/** End (exclusive) of the whole term a term alternative of `slot` consumes from `t`, if it ends by `limit`; else -1. */
function termEndAt(env: MatchEnv, slot: Slot, t: number, limit: number): number {
  if (slot.negated || slot.categories.size === 0) return -1;
  const term = termOfCategory(env, slot, t);
  if (term < 0) return -1;
  const end = env.termEnd[term]!;
  return end <= limit ? end : -1;
}

/** Does token `t` carry one of `slot`'s tags? (An empty set is not iterated: no iterator to allocate.) */
function hasSomeTag(env: MatchEnv, slot: Slot, t: number): boolean {
  if (slot.tags.size === 0) return false;
  for (const tag of slot.tags) if (env.hasTag(t, tag)) return true;
  return false;
}

/** Does `slot` consume token `t` alone: a plain or tag alternative, or a negated slot that nothing excludes? */
function fillsOne(env: MatchEnv, slot: Slot, t: number): boolean {
  const form = env.tokens.forms[t]!;
  if (slot.negated) {
    if ((form.kind !== 'word' && form.kind !== 'elision') || fills(slot, form) || hasSomeTag(env, slot, t)) return false;
    return slot.categories.size === 0 || termOfCategory(env, slot, t) < 0;
  }
  return fills(slot, form) || hasSomeTag(env, slot, t);
}

/** Longest end (exclusive) at which `slots[s..]` matches from token `t` (before `limit`), or -1. */
export function matchFrom(env: MatchEnv, slots: readonly Slot[], s: number, t: number, limit: number): number {
  if (s === slots.length) return t;
  const slot = slots[s]!;
  let best = -1;
  if (slot.gap > 0) {
    for (let skip = 0, at = t; skip <= slot.gap && at <= limit; skip++, at++) {
      best = Math.max(best, matchFrom(env, slots, s + 1, at, limit));
      if (at < limit && isHardBreak(env.tokens.forms[at]!)) break;
    }
    return best;
  }
  if (t < limit) {
    // A slot consumes a whole term (a term alternative), one token, or both ways.
    const termEnd = termEndAt(env, slot, t, limit);
    if (termEnd >= 0) best = matchFrom(env, slots, s + 1, termEnd, limit);
    if (fillsOne(env, slot, t)) best = Math.max(best, matchFrom(env, slots, s + 1, t + 1, limit));
  }
  if (slot.optional) best = Math.max(best, matchFrom(env, slots, s + 1, t, limit));
  return best;
}

/**
 * The tokens a match `[t, target)` of `slots` consumed with its non-gap slots: the tokens
 * that triggered it, in order (gaps and optional slots left out). Follows the same choices as
 * `matchFrom`, so it finds a path whenever `matchFrom` returned `target`.
 */
export function matchedTokens(env: MatchEnv, slots: readonly Slot[], t: number, target: number, out: number[]): boolean {
  return walk(env, slots, 0, t, target, out);
}

function walk(env: MatchEnv, slots: readonly Slot[], s: number, t: number, target: number, out: number[]): boolean {
  if (s === slots.length) return t === target;
  const slot = slots[s]!;
  if (slot.gap > 0) {
    for (let skip = 0, at = t; skip <= slot.gap && at <= target; skip++, at++) {
      if (walk(env, slots, s + 1, at, target, out)) return true;
      if (at < target && isHardBreak(env.tokens.forms[at]!)) break;
    }
    return false;
  }
  if (t < target) {
    const termEnd = termEndAt(env, slot, t, target);
    if (termEnd >= 0 && walkThrough(env, slots, s, t, termEnd, target, out)) return true;
    if (fillsOne(env, slot, t) && walkThrough(env, slots, s, t, t + 1, target, out)) return true;
  }
  return slot.optional && walk(env, slots, s + 1, t, target, out);
}

/** `walk` on, with slot `s` consuming tokens `[t, end)`; on a dead end, `out` is as it was. */
function walkThrough(env: MatchEnv, slots: readonly Slot[], s: number, t: number, end: number, target: number, out: number[]): boolean {
  const mark = out.length;
  for (let k = t; k < end; k++) out.push(k);
  if (walk(env, slots, s + 1, end, target, out)) return true;
  out.length = mark;
  return false;
}
