/**
 * A novlangue lexicon as a dictionary: every pattern spelled out as the terms it stands for
 * (alternatives and optional slots multiplied out), a stem slot `word` written `word*`, an
 * exact form `=word` written `word`. Dictionaries cannot hold context conditions
 * (`near`, `notNear`), roles or glosses: they are left out, and said so in the warnings.
 */
import { DictionaryBuilder } from './build.js';
import type { Lexicon } from '../lexicon/compile.js';
import { CATEGORIES } from '../types.js';
import type { Dictionary, DictionaryWarning } from './types.js';

/** Most terms one pattern may spell out; beyond, the pattern is left out with a warning. */
export const MAX_TERMS_PER_PATTERN = 5000;

const ELIDED = /['\u2019]$/u;

/** The dictionary words a slot expression stands for; `null`: the optional slot left out. */
function wordsOfSlot(expression: string): Array<string | null> {
  const optional = expression.endsWith('?') && expression.length > 1;
  const body = optional ? expression.slice(0, -1) : expression;
  const words = body.split('|').map((alternative) => {
    if (alternative.startsWith('=')) return alternative.slice(1);
    // A lone elided form (`d'`) and a number (`4.0`) match by their form whatever their spelling.
    return ELIDED.test(alternative) || !/\p{L}/u.test(alternative) ? alternative : `${alternative}*`;
  });
  return optional ? [...words, null] : words;
}

/** Words as a term: an elided form is written against the next word (`l'humain*`). */
function joinWords(words: readonly string[]): string {
  let term = '';
  for (const word of words) term += term === '' || ELIDED.test(term) ? word : ` ${word}`;
  return term;
}

/** Every term a pattern stands for, in order; `undefined` when there are too many. */
export function termsOfPattern(pattern: string): string[] | undefined {
  let phrases: string[][] = [[]];
  for (const expression of pattern.trim().split(/\s+/u)) {
    const words = wordsOfSlot(expression);
    if (phrases.length * words.length > MAX_TERMS_PER_PATTERN) return undefined;
    phrases = phrases.flatMap((phrase) => words.map((word) => (word === null ? phrase : [...phrase, word])));
  }
  return phrases.map(joinWords);
}

/** Options of `lexiconToDictionary`. */
export interface FromLexiconOptions {
  /** Keep the entries' weights (LIWC-22 `.dicx`); otherwise every term weighs 1. */
  weights: boolean;
}

/**
 * A lexicon as a dictionary: the bundled categories it uses in report order, then those it
 * declares; a term in several entries of one category keeps the higher weight.
 */
export function lexiconToDictionary(lexicon: Lexicon, options: FromLexiconOptions): { dictionary: Dictionary; warnings: DictionaryWarning[] } {
  const warnings: DictionaryWarning[] = [];
  const builder = new DictionaryBuilder();
  const used = new Set(lexicon.entries.map((entry) => entry.category as string));
  for (const category of [...CATEGORIES.filter((id) => used.has(id)), ...Object.keys(lexicon.categories)]) builder.category(category);
  const withContext: string[] = [];
  for (const entry of lexicon.entries) {
    if (entry.context) withContext.push(entry.id);
    for (const pattern of entry.patterns) {
      const terms = termsOfPattern(pattern);
      if (!terms) {
        warnings.push({ message: `entry "${entry.id}": the pattern "${pattern}" stands for more than ${MAX_TERMS_PER_PATTERN} terms; left out` });
        continue;
      }
      for (const term of terms) builder.add(term, entry.category, options.weights ? entry.weight : 1);
    }
  }
  if (withContext.length > 0) {
    warnings.push({ message: `${withContext.length} entries have context conditions (near, notNear), which dictionaries cannot hold: their terms are written without them (${withContext.slice(0, 5).join(', ')}${withContext.length > 5 ? ', …' : ''})` });
  }
  if (!options.weights && lexicon.entries.some((entry) => entry.weight !== 1)) {
    warnings.push({ message: 'the entries\' weights are not part of this format (every term counts 1): the .dicx format keeps them' });
  }
  return { dictionary: builder.build(), warnings };
}
