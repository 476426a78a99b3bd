/**
 * What a concordance looks for: the findings of a rule (`fr.smart-city`), the findings of a
 * category (`surveillance`), or a word or phrase in the lexicon pattern syntax (`ville|villes
 * intelligent`, `=données`), compiled by the one pattern compiler so that stems and multi-word
 * phrases work as in lexicons.
 */
import { compilePattern, PatternError, type Slot } from '../engine/pattern.js';
import { NovlangueError } from '../errors.js';
import { isLang, LANGS } from '../languages/index.js';
import { CATEGORIES, type Category, type Lang } from '../types.js';

/** A parsed concordance query. */
export type KwicQuery =
  | { kind: 'rule'; text: string; ruleId: string }
  | { kind: 'category'; text: string; category: Category }
  | { kind: 'phrase'; text: string; slots: Readonly<Record<Lang, readonly Slot[]>> };

/** `<lang>.<kebab-case id>`: the shape of every rule id. */
const RULE_ID = /^([a-z]{2})\.[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/**
 * Parse a query: a rule id when it has the shape `<lang>.<id>` with a known language, a category
 * when it names one, a phrase otherwise.
 * @throws {NovlangueError} EQUERY when the query is empty or the phrase cannot be compiled (the reason says why)
 */
export function parseQuery(query: string): KwicQuery {
  const text = typeof query === 'string' ? query.trim() : '';
  if (text === '') throw new NovlangueError('EQUERY', 'novlangue: the concordance query is empty: give a rule id (fr.smart-city), a category (surveillance) or a word or phrase.');
  const rule = RULE_ID.exec(text);
  if (rule && isLang(rule[1])) return { kind: 'rule', text, ruleId: text };
  if ((CATEGORIES as readonly string[]).includes(text.toLowerCase())) return { kind: 'category', text, category: text.toLowerCase() as Category };
  const slots = {} as Record<Lang, readonly Slot[]>;
  for (const lang of LANGS) {
    try {
      slots[lang] = compilePattern(text, lang);
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new NovlangueError('EQUERY', `novlangue: the concordance query ${JSON.stringify(text)} is not a valid pattern: ${error.message} (see lexicons/FORMAT.md for the pattern syntax).`, { cause: error });
    }
  }
  return { kind: 'phrase', text, slots };
}
