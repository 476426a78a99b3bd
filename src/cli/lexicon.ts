/** `--lexicon FILE` and `--lexicon-only`: the custom lexicon, extending or replacing the bundled one. */
import { readFile } from 'node:fs/promises';
import type { Lexicon } from '../lexicon/compile.js';
import type { Lang } from '../types.js';
import { UsageError } from './errors.js';

export interface LexiconFlags {
  lexicon?: string;
  lexiconOnly?: boolean;
  lang: Lang | 'auto';
}

const isLang = (value: unknown): value is Lang => value === 'fr' || value === 'en';

/**
 * The lexicon the flags ask for, `undefined` for the bundled one. With `--lang auto` the file's
 * own `lang` says which bundled lexicon it extends.
 * @throws {UsageError} when the file cannot be read, is not JSON, or is for another language
 * @throws {LexiconError} when it does not validate (names the file, the entry and the field)
 */
export async function lexiconFromFlags(flags: LexiconFlags): Promise<Lexicon | undefined> {
  if (flags.lexicon === undefined) {
    if (flags.lexiconOnly) throw new UsageError('--lexicon-only needs a lexicon: add --lexicon FILE.');
    return undefined;
  }
  const file = flags.lexicon;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the lexicon file ${file} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`the lexicon file ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const fileLang = typeof data === 'object' && data !== null ? (data as { lang?: unknown }).lang : undefined;
  if (flags.lang !== 'auto' && isLang(fileLang) && fileLang !== flags.lang) {
    throw new UsageError(`the lexicon file ${file} is for "${fileLang}" but --lang is "${flags.lang}"; drop --lang or give a "${flags.lang}" lexicon.`);
  }
  // The compiler loads the analyser's tokenizer: only now, so that a run without a custom
  // lexicon leaves the analyser to the threads that analyse.
  const [{ bundledLexicon }, { extendLexicon, loadLexicon }] = await Promise.all([import('../lexicon/bundled.js'), import('../lexicon/compile.js')]);
  if (flags.lexiconOnly) return loadLexicon(data, file);
  // With --lang auto the file's own language decides; an invalid one is reported by extendLexicon.
  const base = flags.lang !== 'auto' ? flags.lang : isLang(fileLang) ? fileLang : 'fr';
  return extendLexicon(bundledLexicon(base), data, file);
}
