import type { Lang } from '../types.js';
import { FormTest, normalizeWord, tokenForms, type TokenForm } from '../tokenize/index.js';

/**
 * The token pattern language of lexicon entries (see lexicons/FORMAT.md). No raw regular
 * expression from a lexicon is ever compiled: a pattern is a list of slots, each a set of stems
 * and exact forms, so matching one token is two set look-ups and a lexicon cannot hang the run.
 */

/** One position of a pattern: the token matches if its stem or its exact form is listed. */
export interface Slot {
  stems: ReadonlySet<string>;
  forms: ReadonlySet<string>;
  optional: boolean;
  /** Whether a token form fills the slot (by `stems` and `forms`), remembered per form. */
  filled: FormTest;
}

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

function slotOf(tokens: Written[], exact: boolean[], optional: boolean): Slot {
  const stems = new Set<string>();
  const forms = new Set<string>();
  tokens.forEach((token, i) => {
    // Only words are stemmed; numbers, elisions and punctuation always match by form.
    if (exact[i] || token.kind !== 'word') forms.add(token.norm);
    else stems.add(token.stem);
  });
  return { stems, forms, optional, filled: fillTest(stems, forms) };
}

/** Compile a pattern string into slots. Throws `PatternError` when it could never match. */
export function compilePattern(pattern: string, lang: Lang): Slot[] {
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
