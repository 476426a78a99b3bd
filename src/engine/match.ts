import { fills, type Slot } from './pattern.js';
import { FormMemo, type TokenForm, type TokenTable } from '../tokenize/index.js';

/** Longest end (exclusive) at which `slots[s..]` matches from token `t` (before `limit`), or -1. */
export function matchFrom(slots: readonly Slot[], s: number, tokens: TokenTable, t: number, limit: number): number {
  if (s === slots.length) return t;
  const slot = slots[s]!;
  let best = -1;
  if (t < limit && fills(slot, tokens.forms[t]!)) best = matchFrom(slots, s + 1, tokens, t + 1, limit);
  if (slot.optional) best = Math.max(best, matchFrom(slots, s + 1, tokens, t, limit));
  return best;
}

type Item<T> = { slots: readonly Slot[]; value: T };
const NONE: ReadonlyArray<never> = [];

/** Patterns indexed by the stems and forms of their first slot. */
export class SlotIndex<T> {
  private readonly byStem = new Map<string, Array<Item<T>>>();
  private readonly byForm = new Map<string, Array<Item<T>>>();
  /** Candidates by token form: one look-up by identity instead of two by string. */
  private readonly byTokenForm = new FormMemo((form) => this.lookUp(form));

  add(slots: readonly Slot[], value: T): void {
    const first = slots[0]!;
    const item = { slots, value };
    for (const stem of first.stems) push(this.byStem, stem, item);
    for (const form of first.forms) push(this.byForm, form, item);
    this.byTokenForm.clear();
  }

  /** Patterns that may start at a token of form `form`. */
  candidates(form: TokenForm): ReadonlyArray<Item<T>> {
    return this.byTokenForm.get(form);
  }

  private lookUp(form: TokenForm): ReadonlyArray<Item<T>> {
    const byForm = this.byForm.get(form.norm);
    const byStem = form.kind === 'word' ? this.byStem.get(form.stem) : undefined;
    return byForm && byStem ? [...byForm, ...byStem] : (byForm ?? byStem ?? NONE);
  }
}

function push<V>(map: Map<string, V[]>, key: string, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Every non-overlapping occurrence of the indexed patterns in `tokens[from, to)`, longest first at each start. */
export function findAll<T>(index: SlotIndex<T>, tokens: TokenTable, from: number, to: number, sentenceEnd: (t: number) => number): Array<{ value: T; first: number; end: number }> {
  const found: Array<{ value: T; first: number; end: number }> = [];
  let t = from;
  while (t < to) {
    const candidates = index.candidates(tokens.forms[t]!);
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
