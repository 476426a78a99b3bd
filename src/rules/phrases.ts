import { sentenceEndOf, spanOf, wordsBetween, type RuleContext } from './context.js';
import type { CompileEnv, RuleRunner } from './env.js';
import { matchedTokens } from '../engine/match.js';
import type { Slot } from '../engine/pattern.js';
import type { PatternSet, SetMatch } from '../engine/sets.js';
import type { Figure, RuleContextData, SpanKind } from './types.js';

/**
 * What `cue` and `sequence` rules share: a list of patterns matched left to right, an
 * optional context condition, and a span. The two kinds differ only in the slots they allow.
 */

/** Compile the patterns of `field` into an indexed set; errors name `field[i]`. */
export function compileSet(patterns: readonly string[], field: string, extended: boolean, env: CompileEnv): PatternSet<readonly Slot[]> {
  const set = env.newSet<readonly Slot[]>();
  patterns.forEach((pattern, i) => {
    const slots = env.pattern(pattern, `${field}[${i}]`, extended);
    set.add(slots, slots);
  });
  return set;
}

/** Is a hit of `hits` (sorted, non-overlapping) within `window` words of `[first, end)`, same sentence? */
function isNear(ctx: RuleContext, hits: ReadonlyArray<SetMatch<unknown>>, first: number, end: number, window: number): boolean {
  // Last hit starting before `end`.
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (hits[mid]!.first < end) low = mid + 1;
    else high = mid;
  }
  const sentence = ctx.tokens.sentenceOf[first]!;
  const close = (hit: SetMatch<unknown> | undefined): boolean => {
    if (!hit || ctx.tokens.sentenceOf[hit.first]! !== sentence) return false;
    if (hit.first < end && hit.end > first) return true;
    return wordsBetween(ctx, hit.first, hit.end, first, end) < window;
  };
  return close(hits[low - 1]) || close(hits[low]);
}

/** Compile the patterns of `field` with their context into a runner producing one figure per match. */
export function compilePhrases(
  patterns: readonly string[],
  field: string,
  extended: boolean,
  span: SpanKind,
  context: RuleContextData | undefined,
  env: CompileEnv,
): RuleRunner {
  const set = compileSet(patterns, field, extended, env);
  const near = context?.near ? compileSet(context.near, 'context.near', extended, env) : undefined;
  const notNear = context?.notNear ? compileSet(context.notNear, 'context.notNear', extended, env) : undefined;
  const window = context?.window ?? 0;
  return (ctx) => {
    const figures: Figure[] = [];
    const matches = set.scan(ctx);
    if (matches.length === 0) return figures;
    const nearHits = near?.scan(ctx);
    const notNearHits = notNear?.scan(ctx);
    for (const match of matches) {
      if (nearHits && !isNear(ctx, nearHits, match.first, match.end, window)) continue;
      if (notNearHits && isNear(ctx, notNearHits, match.first, match.end, window)) continue;
      const triggers: number[] = [];
      matchedTokens(ctx, match.value, match.first, match.end, triggers);
      const [first, end] = spanOf(ctx, span, match.first, match.end);
      figures.push({ first, end: Math.min(end, sentenceEndOf(ctx, match.first)), triggers });
    }
    return figures;
  };
}
