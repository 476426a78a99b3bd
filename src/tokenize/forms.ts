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
    return { text, norm, stem: stem(norm, lang), kind };
  }
  const norm = kind === 'elision' ? normalizeWord(text) : text;
  return { text, norm, stem: norm, kind };
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

/** Forms a memo remembers at most: a hostile text has endless new forms, and a rule file has
 * a memo per pattern set (a few dozen in all). Zipf: the commonest 20,000 forms are most tokens. */
const MEMO_LIMIT = 20_000;

/**
 * A value computed from a token form, remembered per form (looked up by identity, which is
 * cheaper than by string): what a lexicon index answers for a form, say.
 */
export class FormMemo<V> {
  private readonly values = new Map<TokenForm, V>();

  constructor(private readonly compute: (form: TokenForm) => V) {}

  get(form: TokenForm): V {
    let value = this.values.get(form);
    if (value === undefined) {
      value = this.compute(form);
      if (this.values.size >= MEMO_LIMIT) this.values.clear();
      this.values.set(form, value);
    }
    return value;
  }

  /** Forget every value (the index it computes from changed). */
  clear(): void {
    this.values.clear();
  }
}
