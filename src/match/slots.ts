import { fills, type Slot } from '../lexicon/pattern.js';
import type { CoreToken } from '../tokenize/index.js';

/** Longest end (exclusive) at which `slots[s..]` matches from token `t` (before `limit`), or -1. */
export function matchFrom(slots: readonly Slot[], s: number, tokens: readonly CoreToken[], t: number, limit: number): number {
  if (s === slots.length) return t;
  const slot = slots[s]!;
  let best = -1;
  if (t < limit && fills(slot, tokens[t]!)) best = matchFrom(slots, s + 1, tokens, t + 1, limit);
  if (slot.optional) best = Math.max(best, matchFrom(slots, s + 1, tokens, t, limit));
  return best;
}

/** Patterns indexed by the stems and forms of their first slot. */
export class SlotIndex<T> {
  private readonly byStem = new Map<string, Array<{ slots: readonly Slot[]; value: T }>>();
  private readonly byForm = new Map<string, Array<{ slots: readonly Slot[]; value: T }>>();

  add(slots: readonly Slot[], value: T): void {
    const first = slots[0]!;
    const item = { slots, value };
    for (const stem of first.stems) push(this.byStem, stem, item);
    for (const form of first.forms) push(this.byForm, form, item);
  }

  /** Patterns that may start at `token`. */
  candidates(token: CoreToken): ReadonlyArray<{ slots: readonly Slot[]; value: T }> {
    const byForm = this.byForm.get(token.norm);
    const byStem = token.kind === 'word' ? this.byStem.get(token.stem) : undefined;
    if (!byForm) return byStem ?? [];
    return byStem ? [...byForm, ...byStem] : byForm;
  }
}

function push<V>(map: Map<string, V[]>, key: string, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Every non-overlapping occurrence of the indexed patterns in `tokens[from, to)`, longest first at each start. */
export function findAll<T>(index: SlotIndex<T>, tokens: readonly CoreToken[], from: number, to: number, sentenceEnd: (t: number) => number): Array<{ value: T; first: number; end: number }> {
  const found: Array<{ value: T; first: number; end: number }> = [];
  let t = from;
  while (t < to) {
    let best: { value: T; first: number; end: number } | undefined;
    for (const candidate of index.candidates(tokens[t]!)) {
      const end = matchFrom(candidate.slots, 0, tokens, t, sentenceEnd(t));
      if (end > t && (!best || end > best.end)) best = { value: candidate.value, first: t, end };
    }
    if (best) {
      found.push(best);
      t = best.end;
    } else t++;
  }
  return found;
}
