import { compilePattern, fillTest, MAX_OPTIONAL_SLOTS, PatternError } from '../engine/pattern.js';
import { FormMemo, isCapitalised, type FormTest, type TokenForm } from '../tokenize/index.js';
import { CATEGORIES, type Category, type Lang } from '../types.js';
import { isHardBreak, type RuleContext } from './context.js';

/**
 * The slot language of pattern rules: the lexicon's token patterns (lexicons/FORMAT.md) plus
 * a few slot forms that lexicon entries do not need.
 *
 * | slot             | matches                                                            |
 * |------------------|--------------------------------------------------------------------|
 * | `word`, `=word`  | as in the lexicon: by stem, or by exact lower-cased form            |
 * | `@category:x`    | a whole term finding of category `x`, however many tokens it spans  |
 * | `@term`          | a whole term finding of any category                                |
 * | `#TAG`           | a token whose universal part of speech is `TAG`; without one, `#NUM` is a number; `#PROPN` is always a capitalised word that does not open its sentence |
 * | `$name`          | the alternatives of the set `name` declared at the top of the rule file |
 * | `!a|b`           | one word (or elision) token that none of the alternatives matches  |
 * | `*N`             | 0 to N tokens, not across `;` `:` `(` `)` or a dash                  |
 * | `a|b`, `slot?`   | alternatives, optional slot, as in the lexicon                      |
 * | `d'`, `=l'`      | French: a lone elided article or pronoun (the lexicon can only write it glued to a word) |
 */

/** One compiled slot of a rule pattern. */
export interface RuleSlot {
  stems: ReadonlySet<string>;
  forms: ReadonlySet<string>;
  /** Whether a token form fills the slot by `stems` or `forms`, remembered per form. */
  filled: FormTest;
  /** `@category:x` alternatives; `'*'` for `@term`. */
  categories: ReadonlySet<Category | '*'>;
  tags: ReadonlySet<string>;
  negated: boolean;
  optional: boolean;
  /** `*N`: the slot skips 0 to `gap` tokens. 0 for every other slot. */
  gap: number;
}

/** Universal POS tags (universaldependencies.org/u/pos). */
export const POS_TAGS: ReadonlySet<string> = new Set([
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
]);

const MAX_GAP = 8;
const MAX_GAPS = 2;
const EMPTY: ReadonlySet<never> = new Set();

/** What a pattern may use: `extended` allows `@`, `#`, `!` and `*N` (sequence, cooccurrence). */
export interface SlotOptions {
  lang: Lang;
  sets: Readonly<Record<string, string>>;
  extended: boolean;
}

function expandSets(alternatives: string[], options: SlotOptions, expression: string): string[] {
  return alternatives.flatMap((alternative) => {
    if (!alternative.startsWith('$')) return [alternative];
    const name = alternative.slice(1);
    const set = Object.hasOwn(options.sets, name) ? options.sets[name] : undefined;
    if (set === undefined) throw new PatternError(`unknown set "${alternative}" in "${expression}"`);
    return set.split('|');
  });
}

function compileExpression(expression: string, options: SlotOptions): RuleSlot[] {
  const gap = /^\*(\d+)$/u.exec(expression);
  if (gap) {
    if (!options.extended) throw new PatternError(`gap "${expression}" is only allowed in sequence and cooccurrence rules`);
    const size = Number(gap[1]);
    if (size < 1 || size > MAX_GAP) throw new PatternError(`gap "${expression}" must be between *1 and *${MAX_GAP}`);
    return [{ stems: EMPTY, forms: EMPTY, filled: fillTest(EMPTY, EMPTY), categories: EMPTY, tags: EMPTY, negated: false, optional: false, gap: size }];
  }
  const optional = expression.endsWith('?') && expression.length > 1;
  let body = optional ? expression.slice(0, -1) : expression;
  const negated = body.startsWith('!') && body.length > 1;
  if (negated) body = body.slice(1);
  const alternatives = expandSets(body.split('|'), options, expression);
  if (alternatives.some((alternative) => alternative === '' || alternative === '=')) throw new PatternError(`empty alternative in "${expression}"`);

  const special = alternatives.filter((alternative) => /^[@#]/u.test(alternative));
  const plain = alternatives.filter((alternative) => !/^[@#]/u.test(alternative));
  if (!options.extended && (negated || special.length > 0)) {
    throw new PatternError(`"${expression}" uses @category, #TAG or ! slots: a cue is a plain phrase, use a sequence rule`);
  }
  const categories = new Set<Category | '*'>();
  const tags = new Set<string>();
  for (const alternative of special) {
    if (alternative === '@term') categories.add('*');
    else if (alternative.startsWith('@category:')) {
      const category = alternative.slice('@category:'.length);
      if (!(CATEGORIES as readonly string[]).includes(category)) {
        throw new PatternError(`unknown category in "${alternative}": expected one of ${CATEGORIES.join(', ')}`);
      }
      categories.add(category as Category);
    } else if (alternative.startsWith('#')) {
      const tag = alternative.slice(1);
      if (!POS_TAGS.has(tag)) throw new PatternError(`unknown part of speech "${alternative}": expected one of ${[...POS_TAGS].map((t) => `#${t}`).join(', ')}`);
      tags.add(tag);
    } else throw new PatternError(`"${alternative}" is neither @term nor @category:<category>`);
  }

  // A lone plain alternative may be several tokens (`d'abord`): one slot per token.
  if (alternatives.length === 1 && plain.length === 1) {
    const slots = compilePlain(plain[0]!, options.lang);
    if (slots.length > 1 && (optional || negated)) throw new PatternError(`"${expression}" tokenises into ${slots.length} tokens; mark each word instead`);
    return slots.map(({ stems, forms }) => ({ stems, forms, filled: fillTest(stems, forms), categories: EMPTY, tags: EMPTY, negated, optional, gap: 0 }));
  }
  const stems = new Set<string>();
  const forms = new Set<string>();
  for (const alternative of plain) {
    const slots = compilePlain(alternative, options.lang);
    if (slots.length !== 1) throw new PatternError(`alternative "${alternative}" of "${expression}" tokenises into ${slots.length} tokens; an alternative must be one token`);
    for (const stem of slots[0]!.stems) stems.add(stem);
    for (const form of slots[0]!.forms) forms.add(form);
  }
  return [{ stems, forms, filled: fillTest(stems, forms), categories, tags, negated, optional, gap: 0 }];
}

/** A lone French elision (`d'`, `=l'`, `qu'`): the tokenizer only splits one off a following word. */
const ELISION_ALONE = /^=?(\p{L}{1,8})['\u2019]$/u;

function compilePlain(alternative: string, lang: Lang): Array<{ stems: ReadonlySet<string>; forms: ReadonlySet<string> }> {
  const elision = ELISION_ALONE.exec(alternative);
  if (elision && lang === 'fr') return [{ stems: EMPTY, forms: new Set([`${elision[1]!.toLowerCase()}'`]) }];
  return compilePattern(alternative, lang);
}

/**
 * Compile one rule pattern. Throws `PatternError` (the caller adds the file, the rule and the
 * field) when the pattern could never match, could match anything, or uses a slot form the
 * rule kind does not allow.
 */
export function compileRulePattern(pattern: string, options: SlotOptions): RuleSlot[] {
  const expressions = pattern.trim().split(/\s+/u).filter((expression) => expression !== '');
  if (expressions.length === 0) throw new PatternError('empty pattern');
  const slots = expressions.flatMap((expression) => compileExpression(expression, options));
  const first = slots[0]!;
  if (first.optional || first.gap > 0 || first.negated) {
    throw new PatternError(`pattern "${pattern}" must start with a required, positive slot (not optional, not !, not a gap)`);
  }
  if (slots[slots.length - 1]!.gap > 0) throw new PatternError(`pattern "${pattern}" ends with a gap, which would only swallow words`);
  if (slots.filter((slot) => slot.gap > 0).length > MAX_GAPS) throw new PatternError(`pattern "${pattern}" has more than ${MAX_GAPS} gaps`);
  // As in the lexicon: every optional slot doubles the ways `matchRule` tries the pattern.
  const optional = slots.filter((slot) => slot.optional).length;
  if (optional > MAX_OPTIONAL_SLOTS) {
    throw new PatternError(`pattern "${pattern}" has ${optional} optional slots; at most ${MAX_OPTIONAL_SLOTS} are allowed (each one doubles the ways the pattern is tried): split it into several patterns`);
  }
  return slots;
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

function fillsPlain(slot: RuleSlot, form: TokenForm): boolean {
  return slot.filled.has(form);
}

/** Index of the term of one of `slot`'s categories that starts at token `t`, or -1. */
function termOfCategory(ctx: RuleContext, slot: RuleSlot, t: number): number {
  const term = ctx.termStart[t]!;
  return term >= 0 && (slot.categories.has('*') || slot.categories.has(ctx.termCategory[term]!)) ? term : -1;
}

/** End (exclusive) of the whole term a term alternative of `slot` consumes from `t`, if it ends by `limit`; else -1. */
function termEndAt(ctx: RuleContext, slot: RuleSlot, t: number, limit: number): number {
  if (slot.negated || slot.categories.size === 0) return -1;
  const term = termOfCategory(ctx, slot, t);
  if (term < 0) return -1;
  const end = ctx.termEnd[term]!;
  return end <= limit ? end : -1;
}

/** Does token `t` carry one of `slot`'s tags? (An empty set is not iterated: no iterator to allocate.) */
function hasSomeTag(ctx: RuleContext, slot: RuleSlot, t: number): boolean {
  if (slot.tags.size === 0) return false;
  for (const tag of slot.tags) if (hasTag(ctx, t, tag)) return true;
  return false;
}

/** Does `slot` consume token `t` alone: a plain or tag alternative, or a negated slot that nothing excludes? */
function fillsOne(ctx: RuleContext, slot: RuleSlot, t: number): boolean {
  const form = ctx.tokens.forms[t]!;
  if (slot.negated) {
    if ((form.kind !== 'word' && form.kind !== 'elision') || fillsPlain(slot, form) || hasSomeTag(ctx, slot, t)) return false;
    return slot.categories.size === 0 || termOfCategory(ctx, slot, t) < 0;
  }
  return fillsPlain(slot, form) || hasSomeTag(ctx, slot, t);
}

/** Longest end (exclusive) at which `slots[s..]` matches from token `t` (before `limit`), or -1. */
export function matchRule(ctx: RuleContext, slots: readonly RuleSlot[], s: number, t: number, limit: number): number {
  if (s === slots.length) return t;
  const slot = slots[s]!;
  let best = -1;
  if (slot.gap > 0) {
    for (let skip = 0, at = t; skip <= slot.gap && at <= limit; skip++, at++) {
      best = Math.max(best, matchRule(ctx, slots, s + 1, at, limit));
      if (at < limit && isHardBreak(ctx.tokens.forms[at]!)) break;
    }
    return best;
  }
  if (t < limit) {
    // A slot consumes a whole term (a term alternative), one token, or both ways.
    const termEnd = termEndAt(ctx, slot, t, limit);
    if (termEnd >= 0) best = matchRule(ctx, slots, s + 1, termEnd, limit);
    if (fillsOne(ctx, slot, t)) best = Math.max(best, matchRule(ctx, slots, s + 1, t + 1, limit));
  }
  if (slot.optional) best = Math.max(best, matchRule(ctx, slots, s + 1, t, limit));
  return best;
}

/** A match of one pattern of a set: `value` on tokens `[first, end)`. */
export interface SetMatch<T> {
  value: T;
  first: number;
  end: number;
}

/**
 * A pattern of a set, as the start index holds it: its set's number, its slots and value.
 * `next`: when the first slot takes exactly one token and the second is a required plain
 * slot, the test the token after a start must pass, asked before anything else
 * (`=de =demain` starts at every "de" of a text and matches at a few).
 */
interface Start {
  set: number;
  slots: readonly RuleSlot[];
  value: unknown;
  next: FormTest | undefined;
  /** The `Pass` step at which it was last tried: a pattern listed by its form and by its category is tried once. */
  triedAt: number;
}

/** Does `slot` always take exactly one token, filled by its form alone? */
const isPlainSlot = (slot: RuleSlot | undefined): slot is RuleSlot =>
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

  add(slots: readonly RuleSlot[], value: T): void {
    this.starts.add(this.id, slots, value);
  }

  /** The set's matches in the text of `ctx`: what its index's pass found (see `StartIndex.matchAll`). */
  scan(ctx: RuleContext): Array<SetMatch<T>> {
    if (ctx.matches?.index !== this.starts) ctx.matches = { index: this.starts, found: this.starts.matchAll(ctx) };
    return ctx.matches.found[this.id] as Array<SetMatch<T>>;
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

  /** A number for a new pattern set. */
  register(): number {
    return this.sets++;
  }

  /** Index a pattern of set `set`, by its first slot. */
  add(set: number, slots: readonly RuleSlot[], value: unknown): void {
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
  matchAll(ctx: RuleContext): Array<Array<SetMatch<unknown>>> {
    const pass = new Pass(ctx, this.sets);
    const tagged = [...this.byTag];
    const anyTerm = this.byCategory.get('*');
    const { tokens, termStart, termCategory } = ctx;
    for (let t = 0; t < tokens.length; t++) {
      pass.at(t);
      pass.tryAll(this.byTokenForm.get(tokens.forms[t]!));
      const term = termStart[t]!;
      if (term >= 0 && this.byCategory.size > 0) {
        pass.tryAll(this.byCategory.get(termCategory[term]!));
        pass.tryAll(anyTerm);
      }
      for (const [tag, starts] of tagged) if (hasTag(ctx, t, tag)) pass.tryAll(starts);
      pass.keepBest();
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

  constructor(private readonly ctx: RuleContext, sets: number) {
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
      this.limit = this.ctx.sentenceEnd[t]!;
      this.following = t + 1 < this.limit ? this.ctx.tokens.forms[t + 1] : undefined;
    }
    const { following } = this;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k]!;
      const { set, next } = start;
      if (t < cursor[set]! || start.triedAt === step) continue;
      start.triedAt = step;
      if (next !== undefined && (following === undefined || !next.has(following))) continue;
      const end = matchRule(this.ctx, start.slots, 0, t, this.limit);
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

/**
 * The tokens a match `[t, target)` of `slots` consumed with its non-gap slots: the tokens
 * that triggered it, in order (gaps and optional slots left out). Follows the same choices as
 * `matchRule`, so it finds a path whenever `matchRule` returned `target`.
 */
export function triggerTokens(ctx: RuleContext, slots: readonly RuleSlot[], t: number, target: number, out: number[]): boolean {
  return walk(ctx, slots, 0, t, target, out);
}

function walk(ctx: RuleContext, slots: readonly RuleSlot[], s: number, t: number, target: number, out: number[]): boolean {
  if (s === slots.length) return t === target;
  const slot = slots[s]!;
  if (slot.gap > 0) {
    for (let skip = 0, at = t; skip <= slot.gap && at <= target; skip++, at++) {
      if (walk(ctx, slots, s + 1, at, target, out)) return true;
      if (at < target && isHardBreak(ctx.tokens.forms[at]!)) break;
    }
    return false;
  }
  if (t < target) {
    const termEnd = termEndAt(ctx, slot, t, target);
    if (termEnd >= 0 && walkThrough(ctx, slots, s, t, termEnd, target, out)) return true;
    if (fillsOne(ctx, slot, t) && walkThrough(ctx, slots, s, t, t + 1, target, out)) return true;
  }
  return slot.optional && walk(ctx, slots, s + 1, t, target, out);
}

/** `walk` on, with slot `s` consuming tokens `[t, end)`; on a dead end, `out` is as it was. */
function walkThrough(ctx: RuleContext, slots: readonly RuleSlot[], s: number, t: number, end: number, target: number, out: number[]): boolean {
  const mark = out.length;
  for (let k = t; k < end; k++) out.push(k);
  if (walk(ctx, slots, s + 1, end, target, out)) return true;
  out.length = mark;
  return false;
}
