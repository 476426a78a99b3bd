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

type Item<T> = { slots: readonly Slot[]; value: T };
const NONE: ReadonlyArray<never> = [];
/** Word forms whose candidates are remembered, at most (a hostile text has endless new words). */
const MEMO_LIMIT = 50_000;

/** Patterns indexed by the stems and forms of their first slot. */
export class SlotIndex<T> {
  private readonly byStem = new Map<string, Array<Item<T>>>();
  private readonly byForm = new Map<string, Array<Item<T>>>();
  /**
   * Candidates of a word by its norm, with the stem they were found with: one look-up instead
   * of two. (A word of the other language has the same norm and another stem: not taken then.)
   */
  private readonly byWord = new Map<string, { stem: string; found: ReadonlyArray<Item<T>> }>();

  add(slots: readonly Slot[], value: T): void {
    const first = slots[0]!;
    const item = { slots, value };
    for (const stem of first.stems) push(this.byStem, stem, item);
    for (const form of first.forms) push(this.byForm, form, item);
    this.byWord.clear();
  }

  /** Patterns that may start at `token`. */
  candidates(token: CoreToken): ReadonlyArray<Item<T>> {
    if (token.kind !== 'word') return this.byForm.get(token.norm) ?? NONE;
    const known = this.byWord.get(token.norm);
    if (known !== undefined && known.stem === token.stem) return known.found;
    const byForm = this.byForm.get(token.norm);
    const byStem = this.byStem.get(token.stem);
    const found = byForm && byStem ? [...byForm, ...byStem] : (byForm ?? byStem ?? NONE);
    if (this.byWord.size >= MEMO_LIMIT) this.byWord.clear();
    this.byWord.set(token.norm, { stem: token.stem, found });
    return found;
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
    const candidates = index.candidates(tokens[t]!);
    let bestEnd = -1;
    let bestValue: T | undefined;
    if (candidates.length > 0) {
      const limit = sentenceEnd(t);
      for (const candidate of candidates) {
        const end = matchFrom(candidate.slots, 0, tokens, t, limit);
        if (end > t && end > bestEnd) {
          bestEnd = end;
          bestValue = candidate.value;
        }
      }
    }
    if (bestEnd > t) {
      found.push({ value: bestValue as T, first: t, end: bestEnd });
      t = bestEnd;
    } else t++;
  }
  return found;
}
