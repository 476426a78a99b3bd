/**
 * Dictionaries in the formats researchers have: LIWC `.dic`, LIWC-22 `.dicx`, quanteda YAML.
 * One reader and one writer per format, over one `Dictionary` shape; `importDictionary` and
 * `exportLexicon` convert between a dictionary file and a novlangue lexicon. No file I/O here.
 */
import type { Lexicon } from '../lexicon/compile.js';
import type { Lang, LexiconData } from '../types.js';
import { readDic, writeDic } from './dic.js';
import { readDicx, writeDicx } from './dicx.js';
import { lexiconToDictionary } from './from-lexicon.js';
import { dictionaryToLexicon } from './to-lexicon.js';
import type { Dictionary, DictionaryFormat, DictionaryRead, DictionaryWarning } from './types.js';
import { readYamlDictionary, writeYamlDictionary } from './yaml.js';

export { DICTIONARY_FORMATS, type Dictionary, type DictionaryFormat, type DictionaryRead, type DictionaryTerm, type DictionaryWarning } from './types.js';
export { dictionaryFormatOf, isDictionaryFormat } from './formats.js';
export { dictionaryToLexicon } from './to-lexicon.js';
export { lexiconToDictionary } from './from-lexicon.js';

const READERS: Record<DictionaryFormat, (text: string, file: string) => DictionaryRead> = { dic: readDic, dicx: readDicx, yaml: readYamlDictionary };
const WRITERS: Record<DictionaryFormat, (dictionary: Dictionary) => string> = { dic: writeDic, dicx: writeDicx, yaml: writeYamlDictionary };
/**
 * Read a dictionary: LIWC `.dic`, LIWC-22 `.dicx` (CSV: the term, then a column per category
 * with `X` or a weight) or quanteda YAML (nested keys become `parent.child` categories).
 * @param text the file's text
 * @param format its format (see `dictionaryFormatOf`)
 * @param file its name, for error messages
 * @returns the dictionary, and what could not be read from it
 * @throws {LexiconError} naming the file and every line at fault, at once
 */
export function readDictionary(text: string, format: DictionaryFormat, file = `<${format} dictionary>`): DictionaryRead {
  return READERS[format](text, file);
}

/**
 * Write a dictionary in `format`. `.dic` and YAML have no weights (every term counts 1);
 * `.dicx` writes `X` for a weight of 1 and the weight otherwise.
 */
export function writeDictionary(dictionary: Dictionary, format: DictionaryFormat): string {
  return WRITERS[format](dictionary);
}

/**
 * A dictionary file as novlangue lexicon data (to save as JSON, or to pass to `loadLexicon` /
 * `extendLexicon`). A term's `word*` becomes the stem slot `word`, a plain `word` the exact
 * form `=word`; what patterns cannot say is left out and listed in `warnings`.
 * @throws {LexiconError} when the file is not a dictionary of its format
 */
export function importDictionary(text: string, options: { format: DictionaryFormat; lang: Lang; file?: string }): { lexicon: LexiconData; warnings: DictionaryWarning[] } {
  const file = options.file ?? `<${options.format} dictionary>`;
  const read = readDictionary(text, options.format, file);
  const converted = dictionaryToLexicon(read.dictionary, { lang: options.lang, file });
  return { lexicon: converted.lexicon, warnings: [...read.warnings, ...converted.warnings] };
}

/**
 * A lexicon (the bundled ones included) written as a dictionary file: every pattern spelled
 * out as terms, `word*` for a stem slot; weights kept in `.dicx` only. Context conditions,
 * roles and glosses cannot be written: `warnings` says what was left out.
 */
export function exportLexicon(lexicon: Lexicon, format: DictionaryFormat): { text: string; warnings: DictionaryWarning[] } {
  const { dictionary, warnings } = lexiconToDictionary(lexicon, { weights: format === 'dicx' });
  return { text: writeDictionary(dictionary, format), warnings };
}
