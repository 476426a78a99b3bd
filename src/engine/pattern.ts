import { languageOf } from '../languages/index.js';
import { CATEGORIES, type Category, type Lang } from '../types.js';
import { FormTest, normalizeWord, tokenForms, type TokenForm } from '../tokenize/index.js';

/**
 * The one token pattern language of novlangue (see lexicons/FORMAT.md): lexicon entries and
 * stance markers use its plain form, pattern rules its extended form. No raw regular
 * expression from a data file is ever compiled: a pattern is a list of slots, each a set of
 * stems and exact forms (and, in rules, term categories, parts of speech, negation, gaps), so
 * matching one token is a few set look-ups and no data file can hang the run.
 *
 * | slot             | matches                                                            |
 * |------------------|--------------------------------------------------------------------|
 * | `word`, `=word`  | a token by stem, or by exact lower-cased form                       |
 * | `a|b`, `slot?`   | alternatives; an optional slot                                      |
 * | `d'`, `=l'`      | a lone elided article or pronoun (the elision token of `d'une`)     |
 * | rules only:      |                                                                    |
 * | `@category:x`    | a whole term finding of category `x`, however many tokens it spans  |
 * | `@term`          | a whole term finding of any category                                |
 * | `#TAG`           | a token whose universal part of speech is `TAG`; without one, `#NUM` is a number; `#PROPN` is always a capitalised word that does not open its sentence |
 * | `$name`          | the alternatives of the set `name` declared at the top of the rule file |
 * | `!a|b`           | one word (or elision) token that none of the alternatives matches  |
 * | `*N`             | 0 to N tokens, not across `;` `:` `(` `)` or a dash                  |
 */

/** One position of a pattern. */
export interface Slot {
  stems: ReadonlySet<string>;
  forms: ReadonlySet<string>;
  optional: boolean;
  /** Whether a token form fills the slot (by `stems` and `forms`), remembered per form. */
  filled: FormTest;
  /** Rules: `@category:x` alternatives; `'*'` for `@term`. Empty in plain patterns. */
  categories: ReadonlySet<Category | '*'>;
  /** Rules: `#TAG` alternatives. Empty in plain patterns. */
  tags: ReadonlySet<string>;
  /** Rules: `!a|b`, one word or elision that none of the alternatives matches. */
  negated: boolean;
  /** Rules: `*N`, the slot skips 0 to `gap` tokens. 0 for every other slot. */
  gap: number;
}

/** The extended form of the language, for pattern rules. */
export interface RulePatternOptions {
  /** The named sets of the rule file (`$name`). */
  sets: Readonly<Record<string, string>>;
  /** Whether `@`, `#`, `!` and `*N` slots are allowed (sequence and cooccurrence rules; not cues). */
  extended: boolean;
  /** Categories declared by custom lexicons, which `@category:x` may name besides the bundled ones. */
  categories?: readonly string[];
}

/** Universal POS tags (universaldependencies.org/u/pos). */
export const POS_TAGS: ReadonlySet<string> = new Set([
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
]);

const EMPTY: ReadonlySet<never> = new Set();
const MAX_GAP = 8;
const MAX_GAPS = 2;

/** What a slot reads of a token: how it is written, normalised and stemmed, and its kind. */
type Written = Pick<TokenForm, 'text' | 'norm' | 'stem' | 'kind'>;

/** Does a token of form `form` fill `slot`? */
export function fills(slot: Slot, form: TokenForm): boolean {
  return slot.filled.has(form);
}

/** The test of a slot that a token fills by its stem (words only) or by its exact form. */
export function fillTest(stems: ReadonlySet<string>, forms: ReadonlySet<string>): FormTest {
  return new FormTest((form) => forms.has(form.norm) || (form.kind === 'word' && stems.has(form.stem)));
}

/** A pattern that cannot be compiled, with the reason (the caller adds file and entry). */
export class PatternError extends Error {}

/**
 * Most optional slots in one pattern. Matching tries a pattern with and without each optional
 * slot, so its cost at one token doubles with every optional slot: four keep it at 16 paths
 * at most, whatever the text (the bundled lexicons use two at most).
 */
export const MAX_OPTIONAL_SLOTS = 4;

/** Most slots (tokens) in one pattern: each path through a pattern is tried slot by slot (the bundled lexicons use seven). */
export const MAX_PATTERN_SLOTS = 16;

const ELIDED_FORM = /^\p{L}+['\u2019]$/u;

function tokensOf(text: string, lang: Lang): Written[] {
  // An elided form on its own (`d'`, `l'`) has no following word to elide into: it stands
  // for the elision token the tokenizer makes of `d'une`, `l'écologie`.
  if (ELIDED_FORM.test(text)) {
    const norm = normalizeWord(text);
    return [{ text, norm, stem: norm, kind: 'elision' }];
  }
  return tokenForms(text, lang);
}


/** Compile one slot expression such as `ville|villes|=cité` or `plus?`, into one or more slots. */
function compileSlot(expression: string, lang: Lang): Slot[] {
  const optional = expression.endsWith('?') && expression.length > 1;
  const body = optional ? expression.slice(0, -1) : expression;
  const alternatives = body.split('|');
  if (alternatives.some((alternative) => alternative === '' || alternative === '=')) {
    throw new PatternError(`empty alternative in "${expression}"`);
  }
  if (alternatives.length === 1) {
    const exact = body.startsWith('=');
    const tokens = tokensOf(exact ? body.slice(1) : body, lang);
    if (tokens.length === 0) throw new PatternError(`"${expression}" holds no token`);
    if (tokens.length > 1 && optional) throw new PatternError(`optional "${expression}" tokenises into ${tokens.length} tokens; mark each word optional instead`);
    return tokens.map((token) => slotOf([token], [exact], optional));
  }
  const tokens: Written[] = [];
  const exact: boolean[] = [];
  for (const alternative of alternatives) {
    const isExact = alternative.startsWith('=');
    const found = tokensOf(isExact ? alternative.slice(1) : alternative, lang);
    if (found.length !== 1) {
      throw new PatternError(`alternative "${alternative}" of "${expression}" tokenises into ${found.length} tokens (${found.map((t) => t.text).join(' ')}); an alternative must be one token`);
    }
    tokens.push(found[0]!);
    exact.push(isExact);
  }
  return [slotOf(tokens, exact, optional)];
}

/** A slot filled by stems and forms alone. */
function plainSlot(stems: ReadonlySet<string>, forms: ReadonlySet<string>, optional: boolean, negated = false): Slot {
  return { stems, forms, optional, filled: fillTest(stems, forms), categories: EMPTY, tags: EMPTY, negated, gap: 0 };
}

function slotOf(tokens: Written[], exact: boolean[], optional: boolean): Slot {
  const stems = new Set<string>();
  const forms = new Set<string>();
  tokens.forEach((token, i) => {
    // Only words are stemmed; numbers, elisions and punctuation always match by form.
    if (exact[i] || token.kind !== 'word') forms.add(token.norm);
    else stems.add(token.stem);
  });
  return plainSlot(stems, forms, optional);
}

/**
 * Compile a pattern string into slots: the plain language, or with `rule` the extended one of
 * pattern rules. Throws `PatternError` (the caller adds the file, the entry and the field) when
 * the pattern could never match, could match anything, or uses a slot its user does not allow.
 */
export function compilePattern(pattern: string, lang: Lang, rule?: RulePatternOptions): Slot[] {
  return rule ? compileRulePattern(pattern, lang, rule) : compilePlainPattern(pattern, lang);
}

function compilePlainPattern(pattern: string, lang: Lang): Slot[] {
  const expressions = pattern.trim().split(/\s+/u);
  const slots = expressions.flatMap((expression) => compileSlot(expression, lang));
  if (slots.length === 0) throw new PatternError('empty pattern');
  if (slots[0]!.optional) throw new PatternError(`pattern "${pattern}" starts with an optional slot; it must start with a required one`);
  const optional = slots.filter((slot) => slot.optional).length;
  if (optional > MAX_OPTIONAL_SLOTS) {
    throw new PatternError(`pattern "${pattern}" has ${optional} optional slots; at most ${MAX_OPTIONAL_SLOTS} are allowed (each one doubles the ways the pattern is tried): split it into several patterns`);
  }
  if (slots.length > MAX_PATTERN_SLOTS) throw new PatternError(`pattern "${pattern}" has ${slots.length} slots (tokens); at most ${MAX_PATTERN_SLOTS} are allowed`);
  if (slots.every((slot) => slot.stems.size === 0 && [...slot.forms].every((form) => !/[\p{L}\p{N}]/u.test(form)))) {
    throw new PatternError(`pattern "${pattern}" holds no word and would match punctuation only`);
  }
  return slots;
}

function expandSets(alternatives: string[], options: RulePatternOptions & { lang: Lang }, expression: string): string[] {
  return alternatives.flatMap((alternative) => {
    if (!alternative.startsWith('$')) return [alternative];
    const name = alternative.slice(1);
    const set = Object.hasOwn(options.sets, name) ? options.sets[name] : undefined;
    if (set === undefined) throw new PatternError(`unknown set "${alternative}" in "${expression}"`);
    return set.split('|');
  });
}

function compileExpression(expression: string, options: RulePatternOptions & { lang: Lang }): Slot[] {
  const gap = /^\*(\d+)$/u.exec(expression);
  if (gap) {
    if (!options.extended) throw new PatternError(`gap "${expression}" is only allowed in sequence and cooccurrence rules`);
    const size = Number(gap[1]);
    if (size < 1 || size > MAX_GAP) throw new PatternError(`gap "${expression}" must be between *1 and *${MAX_GAP}`);
    return [{ ...plainSlot(EMPTY, EMPTY, false), gap: size }];
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
      if (!(CATEGORIES as readonly string[]).includes(category) && !options.categories?.includes(category)) {
        const declared = options.categories?.length ? `, or one declared by a custom lexicon (${options.categories.join(', ')})` : ' (or one declared by a custom lexicon, loaded before the rules)';
        throw new PatternError(`unknown category in "${alternative}": expected one of ${CATEGORIES.join(', ')}${declared}`);
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
    return slots.map(({ stems, forms }) => plainSlot(stems, forms, optional, negated));
  }
  const stems = new Set<string>();
  const forms = new Set<string>();
  for (const alternative of plain) {
    const slots = compilePlain(alternative, options.lang);
    if (slots.length !== 1) throw new PatternError(`alternative "${alternative}" of "${expression}" tokenises into ${slots.length} tokens; an alternative must be one token`);
    for (const stem of slots[0]!.stems) stems.add(stem);
    for (const form of slots[0]!.forms) forms.add(form);
  }
  return [{ ...plainSlot(stems, forms, optional, negated), categories, tags }];
}

/** A lone French elision (`d'`, `=l'`, `qu'`): the tokenizer only splits one off a following word. */
const ELISION_ALONE = /^=?(\p{L}{1,8})['\u2019]$/u;

function compilePlain(alternative: string, lang: Lang): Array<{ stems: ReadonlySet<string>; forms: ReadonlySet<string> }> {
  const elision = ELISION_ALONE.exec(alternative);
  if (elision && languageOf(lang).elisions.length > 0) return [{ stems: EMPTY, forms: new Set([`${elision[1]!.toLowerCase()}'`]) }];
  return compilePlainPattern(alternative, lang);
}

function compileRulePattern(pattern: string, lang: Lang, rule: RulePatternOptions): Slot[] {
  const options = { ...rule, lang };
  const expressions = pattern.trim().split(/\s+/u).filter((expression) => expression !== '');
  if (expressions.length === 0) throw new PatternError('empty pattern');
  const slots = expressions.flatMap((expression) => compileExpression(expression, options));
  const first = slots[0]!;
  if (first.optional || first.gap > 0 || first.negated) {
    throw new PatternError(`pattern "${pattern}" must start with a required, positive slot (not optional, not !, not a gap)`);
  }
  if (slots[slots.length - 1]!.gap > 0) throw new PatternError(`pattern "${pattern}" ends with a gap, which would only swallow words`);
  if (slots.filter((slot) => slot.gap > 0).length > MAX_GAPS) throw new PatternError(`pattern "${pattern}" has more than ${MAX_GAPS} gaps`);
  // Every optional slot doubles the ways `matchFrom` tries the pattern.
  const optional = slots.filter((slot) => slot.optional).length;
  if (optional > MAX_OPTIONAL_SLOTS) {
    throw new PatternError(`pattern "${pattern}" has ${optional} optional slots; at most ${MAX_OPTIONAL_SLOTS} are allowed (each one doubles the ways the pattern is tried): split it into several patterns`);
  }
  return slots;
}
