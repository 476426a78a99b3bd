import { spanOf, wordsBetween, type RuleContext } from '../context.js';
import type { CompileEnv, RuleRunner } from '../env.js';
import { compileSet } from '../phrases.js';
import { matchedTokens } from '../../engine/match.js';
import type { Slot } from '../../engine/pattern.js';
import type { SetMatch } from '../../engine/sets.js';
import type { CooccurrenceRule, Figure } from '../types.js';

/**
 * `cooccurrence`: within one sentence, something of set `a` and something of set `b`
 * ("au nom de l'écologie" … "capteurs"). Each set is a list of patterns in the extended slot
 * language, so `@category:surveillance` stands for any surveillance term. With `maxDistance`,
 * the two must be at most that many words apart, and a sentence may hold several figures:
 * pairs that chain within the distance make one figure. Without it, the whole sentence is one.
 * One pass over each sentence's matches: linear in the number of matches.
 */

interface Hit {
  side: 0 | 1;
  match: SetMatch<readonly Slot[]>;
}

/** Merge the two sides' matches (each sorted) into one list sorted by first token. */
function merge(a: ReadonlyArray<SetMatch<readonly Slot[]>>, b: ReadonlyArray<SetMatch<readonly Slot[]>>): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.first <= b[j]!.first)) hits.push({ side: 0, match: a[i++]! });
    else hits.push({ side: 1, match: b[j++]! });
  }
  return hits;
}

const NO_GROUPS: ReadonlyArray<Hit[]> = [];

const disjoint = (x: Hit, y: Hit): boolean => x.match.end <= y.match.first || y.match.end <= x.match.first;

/**
 * Hits `[from, to)` (one sentence) that pair with a hit of the other side, grouped into chains.
 * This runs for every sentence that holds a hit: it allocates only for the groups it returns.
 */
function clusters(ctx: RuleContext, hits: readonly Hit[], from: number, to: number, maxDistance: number | undefined): ReadonlyArray<Hit[]> {
  return maxDistance === undefined ? withPartners(hits, from, to) : chains(ctx, hits, from, to, maxDistance);
}

/**
 * Anywhere in the sentence: every hit takes part that has a partner it does not overlap. Each
 * side's hits are disjoint, so a hit overlaps at most the last other-side hit before it and the
 * other-side hits that start inside it: counting those keeps this linear.
 */
function withPartners(hits: readonly Hit[], from: number, to: number): ReadonlyArray<Hit[]> {
  const total = [0, 0];
  for (let k = from; k < to; k++) total[hits[k]!.side]!++;
  if (total[0] === 0 || total[1] === 0) return NO_GROUPS;
  const lastOf = [-1, -1];
  let group: Hit[] | undefined;
  for (let k = from; k < to; k++) {
    const hit = hits[k]!;
    const otherSide = hit.side === 0 ? 1 : 0;
    let overlapping = 0;
    const before = lastOf[otherSide]!;
    if (before >= 0 && !disjoint(hits[before]!, hit)) overlapping++;
    for (let next = k + 1; next < to && hits[next]!.match.first < hit.match.end; next++) {
      if (hits[next]!.side === otherSide) overlapping++;
    }
    if (total[otherSide]! > overlapping) (group ??= []).push(hit);
    lastOf[hit.side] = k;
  }
  return group ? [group] : NO_GROUPS;
}

/** Within `maxDistance` words: pairs of the two sides, chained while each is close to the next. */
function chains(ctx: RuleContext, hits: readonly Hit[], from: number, to: number, maxDistance: number): ReadonlyArray<Hit[]> {
  const gap = (x: Hit, y: Hit): number => wordsBetween(ctx, x.match.first, x.match.end, y.match.first, y.match.end);
  let paired: Uint8Array | undefined;
  const last = [-1, -1];
  for (let k = from; k < to; k++) {
    const hit = hits[k]!;
    const other = last[hit.side === 0 ? 1 : 0]!;
    if (other >= 0) {
      const partner = hits[other]!;
      if (disjoint(partner, hit) && gap(partner, hit) <= maxDistance) {
        paired ??= new Uint8Array(to - from);
        paired[k - from] = 1;
        paired[other - from] = 1;
      }
    }
    last[hit.side] = k;
  }
  if (!paired) return NO_GROUPS;
  const groups: Hit[][] = [];
  let current: Hit[] = [];
  for (let k = from; k < to; k++) {
    if (!paired[k - from]) continue;
    const hit = hits[k]!;
    const previous = current[current.length - 1];
    if (previous && previous.match.end > hit.match.first) continue; // overlaps a hit already taken
    if (previous && gap(previous, hit) > maxDistance) {
      groups.push(current);
      current = [];
    }
    current.push(hit);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A sorted list without its repeated values, in place. */
function withoutRepeats(sorted: number[]): number[] {
  let kept = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[kept++] = sorted[k]!;
  sorted.length = kept;
  return sorted;
}

export function compileCooccurrence(rule: CooccurrenceRule, env: CompileEnv): RuleRunner {
  const a = compileSet(rule.a, 'a', true, env);
  const b = compileSet(rule.b, 'b', true, env);
  return (ctx) => {
    const figures: Figure[] = [];
    const aMatches = a.scan(ctx);
    if (aMatches.length === 0) return figures;
    const bMatches = b.scan(ctx);
    if (bMatches.length === 0) return figures;
    const hits = merge(aMatches, bMatches);
    let start = 0;
    while (start < hits.length) {
      const sentence = ctx.tokens.sentenceOf[hits[start]!.match.first]!;
      let stop = start;
      while (stop < hits.length && ctx.tokens.sentenceOf[hits[stop]!.match.first]! === sentence) stop++;
      for (const group of clusters(ctx, hits, start, stop, rule.maxDistance)) {
        const triggers: number[] = [];
        for (const { match } of group) matchedTokens(ctx, match.value, match.first, match.end, triggers);
        triggers.sort((x, y) => x - y);
        const first = group[0]!.match.first;
        let end = first;
        for (const hit of group) end = Math.max(end, hit.match.end);
        const [spanFirst, spanEnd] = spanOf(ctx, rule.span, first, end);
        figures.push({ first: spanFirst, end: spanEnd, triggers: withoutRepeats(triggers) });
      }
      start = stop;
    }
    return figures;
  };
}
