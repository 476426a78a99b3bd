/**
 * A dictionary as LIWC, LIWC-22 and quanteda hold one: categories, and terms each in one
 * category or more, with a weight (1 where the format has none). A term is written in the
 * dictionaries' own syntax: words separated by spaces, a trailing `*` for "any ending".
 */

/** The formats novlangue reads and writes: LIWC `.dic`, LIWC-22 `.dicx` (CSV), quanteda YAML. */
export type DictionaryFormat = 'dic' | 'dicx' | 'yaml';

/** Every dictionary format, in the order the CLI lists them. */
export const DICTIONARY_FORMATS: readonly DictionaryFormat[] = ['dic', 'dicx', 'yaml'];

/** One term of a dictionary and the categories it counts in. */
export interface DictionaryTerm {
  /** As written in the dictionary: `smart city`, `innov*`. */
  term: string;
  /** Category names with the term's weight in each (1 in formats without weights). */
  categories: Array<{ name: string; weight: number }>;
}

/** A dictionary: its categories in file order, and its terms in file order. */
export interface Dictionary {
  categories: string[];
  terms: DictionaryTerm[];
}

/** Something a conversion could not carry over, and where (a line of the file, an entry). */
export interface DictionaryWarning {
  /** 1-based line of the file read, when there is one. */
  line?: number;
  message: string;
}

/** A dictionary read from a file, with what could not be read from it. */
export interface DictionaryRead {
  dictionary: Dictionary;
  warnings: DictionaryWarning[];
}
