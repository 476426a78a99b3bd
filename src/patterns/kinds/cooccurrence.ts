import { spanOf, wordsBetween, type RuleContext } from '../context.js';
import type { CompileEnv, RuleRunner } from '../env.js';
import { compileSet } from '../phrases.js';
import { triggerTokens, type RuleSlot, type SetMatch } from '../slots.js';
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
  match: SetMatch<readonly RuleSlot[]>;
}

/** Merge the two sides' matches (each sorted) into one list sorted by first token. */
function merge(a: ReadonlyArray<SetMatch<readonly RuleSlot[]>>, b: ReadonlyArray<SetMatch<readonly RuleSlot[]>>): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.first <= b[j]!.first)) hits.push({ side: 0, match: a[i++]! });
    else hits.push({ side: 1, match: b[j++]! });
  }
  return hits;
}

/** Hits of one sentence that pair with a hit of the other side, grouped into chains. */
function clusters(ctx: RuleContext, hits: readonly Hit[], maxDistance: number | undefined): Hit[][] {
  const gap = (x: Hit, y: Hit): number => wordsBetween(ctx, x.match.first, x.match.end, y.match.first, y.match.end);
  const disjoint = (x: Hit, y: Hit): boolean => x.match.end <= y.match.first || y.match.end <= x.match.first;
  if (maxDistance === undefined) {
    // Anywhere in the sentence: every hit takes part that has a partner it does not overlap.
    // Each side's hits are disjoint, so a hit overlaps at most the last other-side hit before
    // it and the other-side hits that start inside it: counting those keeps this linear.
    const total: [number, number] = [0, 0];
    for (const hit of hits) total[hit.side]++;
    const lastOf: [number, number] = [-1, -1];
    const withPartner: Hit[] = [];
    hits.forEach((hit, k) => {
      const otherSide = hit.side === 0 ? 1 : 0;
      let overlapping = 0;
      const before = lastOf[otherSide];
      if (before >= 0 && !disjoint(hits[before]!, hit)) overlapping++;
      for (let next = k + 1; next < hits.length && hits[next]!.match.first < hit.match.end; next++) {
        if (hits[next]!.side === otherSide) overlapping++;
      }
      if (total[otherSide] > overlapping) withPartner.push(hit);
      lastOf[hit.side] = k;
    });
    return withPartner.length > 0 ? [withPartner] : [];
  }
  const paired = new Uint8Array(hits.length);
  const last: [number, number] = [-1, -1];
  hits.forEach((hit, k) => {
    const other = last[hit.side === 0 ? 1 : 0];
    if (other >= 0) {
      const partner = hits[other]!;
      if (disjoint(partner, hit) && gap(partner, hit) <= maxDistance) {
        paired[k] = 1;
        paired[other] = 1;
      }
    }
    last[hit.side] = k;
  });
  const groups: Hit[][] = [];
  let current: Hit[] = [];
  hits.forEach((hit, k) => {
    if (!paired[k]) return;
    const previous = current[current.length - 1];
    if (previous && previous.match.end > hit.match.first) return; // overlaps a hit already taken
    if (previous && gap(previous, hit) > maxDistance) {
      groups.push(current);
      current = [];
    }
    current.push(hit);
  });
  if (current.length > 0) groups.push(current);
  return groups;
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
      for (const group of clusters(ctx, hits.slice(start, stop), rule.maxDistance)) {
        const triggers: number[] = [];
        for (const { match } of group) triggerTokens(ctx, match.value, match.first, match.end, triggers);
        triggers.sort((x, y) => x - y);
        const first = group[0]!.match.first;
        let end = first;
        for (const hit of group) end = Math.max(end, hit.match.end);
        const [spanFirst, spanEnd] = spanOf(ctx, rule.span, first, end);
        figures.push({ first: spanFirst, end: spanEnd, triggers: [...new Set(triggers)] });
      }
      start = stop;
    }
    return figures;
  };
}
