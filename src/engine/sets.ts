import { FormMemo, type FormTest, type TokenForm } from '../tokenize/index.js';
import type { Category } from '../types.js';
import { matchFrom, type MatchEnv } from './match.js';
import type { Slot } from './pattern.js';

/**
 * The one index of patterns: lexicon entries, stance markers and the pattern sets of a rule
 * file are indexed by what their first slot accepts, and one pass over the tokens finds the
 * matches of every set of an index.
 */

/** What a pass over the sets reads besides `MatchEnv`: sentence ends, and where it keeps its matches. */
export interface SetEnv extends MatchEnv {
  /** End (exclusive) of each token's sentence. */
  readonly sentenceEnd: Int32Array;
  /** The token ranges `[start, end)` to look in (a language's segments); absent: every token. */
  readonly ranges?: ReadonlyArray<readonly [number, number]> | undefined;
  /** The matches of every set of an index, by set number, and the index that found them. */
  matches?: { index: StartIndex; found: ReadonlyArray<ReadonlyArray<unknown>> };
}

/** A match of one pattern of a set: `value` on tokens `[first, end)`. */
export interface SetMatch<T> {
  value: T;
  first: number;
  end: number;
}

/**
 * A pattern of a set, as the start index holds it: its set's number, its slots and value.
 * (`candidates` gives them out as `{ slots, value }`.)
 * `next`: when the first slot takes exactly one token and the second is a required plain
 * slot, the test the token after a start must pass, asked before anything else
 * (`=de =demain` starts at every "de" of a text and matches at a few).
 */
interface Start {
  set: number;
  slots: readonly Slot[];
  value: unknown;
  next: FormTest | undefined;
  /** The `Pass` step at which it was last tried: a pattern listed by its form and by its category is tried once. */
  triedAt: number;
}

/** Does `slot` always take exactly one token, filled by its form alone? */
const isPlainSlot = (slot: Slot | undefined): slot is Slot =>
  slot !== undefined && slot.gap === 0 && !slot.optional && !slot.negated && slot.categories.size === 0 && slot.tags.size === 0;
const NONE: ReadonlyArray<never> = [];

/**
 * A set of patterns of a rule file: its matches are the non-overlapping matches of its
 * patterns, left to right, longest first at each start, never across a sentence. The rule
 * file's `StartIndex` finds them for every set at once.
 */
export class PatternSet<T> {
  /** This set's number in `starts`. */
  private readonly id: number;

  constructor(private readonly starts: StartIndex) {
    this.id = starts.register();
  }

  /** A set with an index of its own (lexicon entries, stance markers). */
  static alone<T>(): PatternSet<T> {
    return new PatternSet<T>(new StartIndex());
  }

  add(slots: readonly Slot[], value: T): void {
    this.starts.add(this.id, slots, value);
  }

  /** The patterns of this set that may start at a token of form `form` (see `StartIndex.candidates`). */
  candidates(form: TokenForm): ReadonlyArray<{ readonly slots: readonly Slot[]; readonly value: T }> {
    const all = this.starts.candidates(form) as ReadonlyArray<Start & { value: T }>;
    return this.starts.size === 1 ? all : all.filter((start) => start.set === this.id);
  }

  /** The set's matches in the text of `ctx`: what its index's pass found (see `StartIndex.matchAll`). */
  scan(env: SetEnv): Array<SetMatch<T>> {
    if (env.matches?.index !== this.starts) env.matches = { index: this.starts, found: this.starts.matchAll(env) };
    return env.matches.found[this.id] as Array<SetMatch<T>>;
  }
}

/**
 * The patterns of every set of a rule file, indexed by what their first slot accepts (stem,
 * form, term category, tag), and one pass over the tokens that matches every set where it
 * may start. A token costs one look-up by its form (remembered per form) whatever the number
 * of sets, and each token is read while it is in the cache rather than once per set (a
 * million tokens do not fit in it).
 */
export class StartIndex {
  private readonly byStem = new Map<string, Start[]>();
  private readonly byForm = new Map<string, Start[]>();
  private readonly byCategory = new Map<Category | '*', Start[]>();
  private readonly byTag = new Map<string, Start[]>();
  private sets = 0;
  /** The patterns a token may start by its form alone (form and stem alternatives). */
  private readonly byTokenForm = new FormMemo((form) => union(union(NONE, this.byForm.get(form.norm)), form.kind === 'word' ? this.byStem.get(form.stem) : undefined));

  /** How many sets the index holds. */
  get size(): number {
    return this.sets;
  }

  /** A number for a new pattern set. */
  register(): number {
    return this.sets++;
  }

  /**
   * The patterns that may start at a token of form `form` by that form alone (form and stem
   * alternatives of their first slot), in the order they were added by form, then by stem.
   */
  candidates(form: TokenForm): ReadonlyArray<{ readonly slots: readonly Slot[]; readonly value: unknown }> {
    return this.byTokenForm.get(form);
  }

  /** Index a pattern of set `set`, by its first slot. */
  add(set: number, slots: readonly Slot[], value: unknown): void {
    const first = slots[0]!;
    const start: Start = { set, slots, value, next: isPlainSlot(first) && isPlainSlot(slots[1]) ? slots[1].filled : undefined, triedAt: -1 };
    for (const stem of first.stems) push(this.byStem, stem, start);
    for (const form of first.forms) push(this.byForm, form, start);
    for (const category of first.categories) push(this.byCategory, category, start);
    for (const tag of first.tags) push(this.byTag, tag, start);
    this.byTokenForm.clear();
  }

  /**
   * Every set's matches, by set number, in one pass over the tokens. At each token, the
   * patterns it may start are tried by its form, then by the term that starts there, then by
   * its tags; a set keeps the longest match, the first tried among equals, and its next
   * match starts after this one ends.
   */
  matchAll(env: SetEnv): Array<Array<SetMatch<unknown>>> {
    const pass = new Pass(env, this.sets);
    const tagged = [...this.byTag];
    const anyTerm = this.byCategory.get('*');
    const { tokens, termStart, termCategory } = env;
    for (const [start, end] of env.ranges ?? [[0, tokens.length]]) {
      for (let t = start; t < end; t++) {
        pass.at(t);
        pass.tryAll(this.byTokenForm.get(tokens.forms[t]!));
        const term = termStart[t]!;
        if (term >= 0 && this.byCategory.size > 0) {
          pass.tryAll(this.byCategory.get(termCategory[term]!));
          pass.tryAll(anyTerm);
        }
        for (const [tag, starts] of tagged) if (env.hasTag(t, tag)) pass.tryAll(starts);
        pass.keepBest();
      }
    }
    return pass.found;
  }
}

/** Counts the tokens of every pass of this thread: a step names one token of one pass. */
let steps = 0;

/** The state of `StartIndex.matchAll` at token `t`. */
class Pass {
  readonly found: Array<Array<SetMatch<unknown>>> = [];
  /** Per set, where its next match may start: its matches do not overlap. */
  private readonly cursor: Int32Array;
  /** Per set, the end of its longest match at `t` so far (-1: none), and its value. */
  private readonly bestEnd: Int32Array;
  private readonly bestValue: unknown[];
  /** The sets with a match at `t`. */
  private readonly matched: number[] = [];
  private t = 0;
  private step = 0;
  private limit = 0;
  private following: TokenForm | undefined;

  constructor(private readonly env: SetEnv, sets: number) {
    for (let set = 0; set < sets; set++) this.found.push([]);
    this.cursor = new Int32Array(sets);
    this.bestEnd = new Int32Array(sets).fill(-1);
    this.bestValue = new Array<unknown>(sets);
  }

  /** Move to token `t`; what the patterns read there is looked up once one is tried. */
  at(t: number): void {
    this.t = t;
    this.step = steps++;
    this.limit = -1;
  }

  /** Try `starts` at the current token, for the sets whose last match ends by then. */
  tryAll(starts: ReadonlyArray<Start> | undefined): void {
    if (!starts || starts.length === 0) return;
    const { t, step, cursor, bestEnd } = this;
    if (this.limit < 0) {
      this.limit = this.env.sentenceEnd[t]!;
      this.following = t + 1 < this.limit ? this.env.tokens.forms[t + 1] : undefined;
    }
    const { following } = this;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      const { set, next } = start;
      if (t < cursor[set]! || start.triedAt === step) continue;
      start.triedAt = step;
      if (next !== undefined && (following === undefined || !next.has(following))) continue;
      const end = matchFrom(this.env, start.slots, 0, t, this.limit);
      if (end <= t || end <= bestEnd[set]!) continue;
      if (bestEnd[set]! < 0) this.matched.push(set);
      bestEnd[set] = end;
      this.bestValue[set] = start.value;
    }
  }

  /** Record the longest match of each set that has one at the current token. */
  keepBest(): void {
    const { matched, bestEnd, t } = this;
    if (matched.length === 0) return;
    for (let k = 0; k < matched.length; k++) {
      const set = matched[k]!;
      const end = bestEnd[set]!;
      this.found[set]!.push({ value: this.bestValue[set], first: t, end });
      this.cursor[set] = end;
      bestEnd[set] = -1;
    }
    matched.length = 0;
  }
}

/** `found` and `items` without duplicates; allocates only when both are non-empty. */
function union<T>(found: ReadonlyArray<T>, items: ReadonlyArray<T> | undefined): ReadonlyArray<T> {
  if (!items || items.length === 0) return found;
  if (found.length === 0) return items;
  const list = [...found];
  for (const item of items) if (!list.includes(item)) list.push(item);
  return list;
}

function push<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
