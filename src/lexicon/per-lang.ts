/**
 * The `lexicon` option of an analysis or a run: one compiled lexicon, or a list of them, at most
 * one per language. Each serves the text (documents, paragraphs) in its own language; the
 * bundled lexicon serves the others.
 */
import { isLang } from '../languages/index.js';
import type { Lang } from '../types.js';
import type { Lexicon } from './compile.js';

/** One custom lexicon, or one per language. */
export type LexiconOption = Lexicon | readonly Lexicon[];

/** The lexicons of the option as a list (empty for none). */
export function lexiconList(option: LexiconOption | undefined): readonly Lexicon[] {
  if (option === undefined) return [];
  return isLexiconList(option) ? option : [option];
}

function isLexiconList(option: LexiconOption): option is readonly Lexicon[] {
  return Array.isArray(option);
}

/**
 * The language a second lexicon of the list repeats, if one does: a text in that language
 * could only be read with one of them.
 */
export function repeatedLang(option: LexiconOption | undefined): { lang: Lang; sources: [string, string] } | undefined {
  const seen = new Map<Lang, Lexicon>();
  for (const lexicon of lexiconList(option)) {
    const before = seen.get(lexicon.lang);
    if (before) return { lang: lexicon.lang, sources: [before.sources.join(' + '), lexicon.sources.join(' + ')] };
    seen.set(lexicon.lang, lexicon);
  }
  return undefined;
}

/** Is `value` a compiled lexicon (`loadLexicon`, `extendLexicon`), not lexicon data? */
export function isCompiledLexicon(value: unknown): value is Lexicon {
  if (typeof value !== 'object' || value === null) return false;
  const { lang, entries, index } = value as Partial<Lexicon>;
  return isLang(lang) && Array.isArray(entries) && typeof index === 'object' && index !== null;
}

/** The custom lexicon of `lang` in the option, if there is one. */
export function lexiconOf(option: LexiconOption | undefined, lang: Lang): Lexicon | undefined {
  return lexiconList(option).find((lexicon) => lexicon.lang === lang);
}

/**
 * The categories the option's lexicons declare, beyond the bundled nine: sorted by id (code
 * unit order), so that a run's columns and figures come in the same order in every thread.
 */
export function declaredCategoriesOf(option: LexiconOption | undefined): string[] {
  const ids = new Set<string>();
  for (const lexicon of lexiconList(option)) for (const id of Object.keys(lexicon.categories)) ids.add(id);
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
