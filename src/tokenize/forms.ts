import type { Lang, TokenKind } from '../types.js';
import { KINDS } from './raw.js';
import { stem } from './stem.js';

/**
 * What every token written the same way, of the same kind and language, shares: its text, its
 * normalised form and its stem. A text of a million tokens holds a few thousand forms (Zipf's
 * law), so tokens point to shared forms instead of carrying three strings each, and whatever
 * is computed from a form (the lexicon entries it may start) can be remembered per form.
 */
export interface TokenForm {
  readonly text: string;
  /** Lower-cased, typographic apostrophe `’` folded to `'`, accents composed (words and elisions). */
  readonly norm: string;
  /** Stem of `norm` (Porter stemmer of the language) for words; `norm` otherwise. */
  readonly stem: string;
  readonly kind: TokenKind;
  /** What each `FormMemo` remembers for this form, by memo number. */
  memo?: unknown[] | undefined;
}

const COMBINING = /[\u0300-\u036f]/;

/** Lower-case, fold `’` to `'`, and compose decomposed accents so that stems compare equal. */
export function normalizeWord(text: string): string {
  let norm = text.toLowerCase();
  if (norm.includes('\u2019')) norm = norm.replaceAll('\u2019', "'");
  if (COMBINING.test(norm)) norm = norm.normalize('NFC');
  return norm;
}

// Bounded, like the stem cache, against texts of endless new words. Dropping the table never
// breaks a token: forms are plain values, and a token keeps the one it got.
const FORM_LIMIT = 200_000;
const tables: Record<Lang, Array<Map<string, TokenForm>>> = {
  fr: KINDS.map(() => new Map()),
  en: KINDS.map(() => new Map()),
};

function newForm(text: string, kind: TokenKind, lang: Lang): TokenForm {
  if (kind === 'word') {
    const norm = normalizeWord(text);
    return { text, norm, stem: stem(norm, lang), kind, memo: undefined };
  }
  const norm = kind === 'elision' ? normalizeWord(text) : text;
  return { text, norm, stem: norm, kind, memo: undefined };
}

/** The shared form of a token of kind `kind` (as a code of `KINDS`) written `text`. */
export function formOf(text: string, kind: number, lang: Lang): TokenForm {
  const table = tables[lang][kind]!;
  let form = table.get(text);
  if (form === undefined) {
    form = newForm(text, KINDS[kind]!, lang);
    if (table.size >= FORM_LIMIT) table.clear();
    table.set(text, form);
  }
  return form;
}

let memos = 0;

/**
 * A value computed from a token form (what a lexicon index answers for it, say), remembered on
 * the form itself, in the slot of this memo's number: two loads instead of a hash look-up, for
 * every token, in every index. The memos of a text's forms go when its forms go (the form
 * table is bounded).
 */
export class FormMemo<V> {
  private slot = memos++;
  private used = false;

  constructor(private readonly compute: (form: TokenForm) => V) {}

  get(form: TokenForm): V {
    this.used = true;
    const memo = (form.memo ??= []);
    let value = memo[this.slot] as V | undefined;
    if (value === undefined) {
      value = this.compute(form);
      memo[this.slot] = value;
    }
    return value;
  }

  /** Forget every value (the index it computes from changed): a fresh slot, once values were given out. */
  clear(): void {
    if (!this.used) return;
    this.slot = memos++;
    this.used = false;
  }
}
