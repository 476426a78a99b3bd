/**
 * The interface language of the reports: French or English wordings, kept as data in
 * `locales/fr.json` and `locales/en.json` (the same keys in both, checked by the type below).
 */
import en from './locales/en.json' with { type: 'json' };
import frJson from './locales/fr.json' with { type: 'json' };
import { isCorpusFailure, type ReportResult } from '../records.js';

/** Languages the reports can be written in. */
export type ReportLocale = 'fr' | 'en';

/** Every report locale, in the order of the docs. */
export const REPORT_LOCALES: readonly ReportLocale[] = ['fr', 'en'];

/** The wordings of one locale. */
export type Messages = typeof en;

// Typed as the English file: a key missing from the French one fails the typecheck.
const fr: Messages = frJson;
const MESSAGES: Record<ReportLocale, Messages> = { fr, en };

/** A count with its plural forms, e.g. `{ one: '{n} file', other: '{n} files' }`. */
export interface PluralForms {
  one: string;
  other: string;
}

/**
 * The locale a report is written in: the one asked for, else (`auto`) French when most of the
 * analysed words are in French documents, English otherwise (and when nothing was analysed).
 */
export function resolveLocale(results: readonly ReportResult[], requested: ReportLocale | 'auto' = 'auto'): ReportLocale {
  if (requested !== 'auto') return requested;
  let french = 0;
  let other = 0;
  for (const result of results) {
    if (isCorpusFailure(result)) continue;
    // `+ 1`: a corpus of empty documents still has a majority language.
    if (result.lang === 'fr') french += result.words + 1;
    else other += result.words + 1;
  }
  return french > other ? 'fr' : 'en';
}

/** The wordings of a locale, with the helpers that fill them in. */
export interface Wording {
  locale: ReportLocale;
  m: Messages;
  /** `template` with each `{name}` replaced by `params[name]`. */
  fill(template: string, params?: Record<string, string | number>): string;
  /** A count in words: `count('files', 3)` → `3 files`. */
  count(key: keyof Messages['count'], n: number): string;
  /** A whole number as the locale writes it in prose (`1000`; French `1 000`). */
  integer(n: number): string;
  /** A number as it is, in the locale's notation (`3.5`, `3,5`). */
  number(value: number): string;
  /** A number with `digits` decimals, in the locale's notation (`86.6`, `86,6`). */
  decimal(value: number, digits: number): string;
}

/** The wording of `locale`. */
export function wording(locale: ReportLocale): Wording {
  const m = MESSAGES[locale] ?? en;
  const rules = new Intl.PluralRules(locale);
  const grouped = new Intl.NumberFormat(locale);
  const integer = (n: number): string => (locale === 'fr' ? grouped.format(n) : String(n));
  const fill = (template: string, params: Record<string, string | number> = {}): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const decimal = (value: number, digits: number): string => {
    const text = value.toFixed(digits);
    return locale === 'fr' ? text.replace('.', ',') : text;
  };
  return {
    locale,
    m,
    fill,
    decimal,
    integer,
    number: (value) => (locale === 'fr' ? String(value).replace('.', ',') : String(value)),
    count: (key, n) => {
      const forms: PluralForms = m.count[key];
      // French groups thousands (« 220 781 mots »); English keeps plain digits, as scripts read them.
      return fill(rules.select(n) === 'one' ? forms.one : forms.other, { n: integer(n) });
    },
  };
}
