import type { Lang } from '../types.js';
import { english } from './en/index.js';
import { french } from './fr/index.js';
import type { Language, QuotePair } from './language.js';

export type { Language, QuotePair } from './language.js';

/**
 * Every language novlangue reads, by code: one folder of data each (`fr/`, `en/`), registered
 * here only. Their order is the order of ties and of the languages named in messages.
 */
export const LANGUAGES: Readonly<Record<Lang, Language>> = { fr: french, en: english };

/** The language codes, in registry order. */
export const LANGS: readonly Lang[] = Object.values(LANGUAGES).map((language) => language.code);

/** The registered language `lang`. */
export function languageOf(lang: Lang): Language {
  return LANGUAGES[lang];
}

/** Is `value` the code of a registered language? */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

/** The codes as a message lists them, `extra` after: `"fr" or "en"`, `"fr", "en" or "auto"`. */
export function langList(extra: readonly string[] = []): string {
  const quoted = [...LANGS, ...extra].map((value) => `"${value}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * What `pick` gives for every language, in registry order, without repeats. A text quotes
 * and cites other languages (« Mr. Smith », “smart city” in French prose), so what marks a
 * quotation, an abbreviation or a word with an apostrophe in one language is read so in all.
 */
export function acrossLanguages(pick: (language: Language) => readonly string[]): string[] {
  return [...new Set(LANGS.flatMap((lang) => pick(LANGUAGES[lang])))];
}

/** The quotation mark pairs of every language, in registry order, without repeats. */
export function quotePairs(): QuotePair[] {
  const pairs = new Map<string, QuotePair>();
  for (const lang of LANGS) for (const pair of LANGUAGES[lang].quotes.pairs) if (!pairs.has(pair.open + pair.close)) pairs.set(pair.open + pair.close, pair);
  return [...pairs.values()];
}
