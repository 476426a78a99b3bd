/**
 * `--lexicon FILE` (and `--lexicon-only`), `--rules FILE`, `--stance FILE`: the user's data,
 * extending (or, for a lexicon, replacing) the bundled data of the file's language.
 */
import { readFile } from 'node:fs/promises';
import type { Lexicon } from '../lexicon/compile.js';
import type { RuleSet } from '../rules/load.js';
import type { StanceMarkers } from '../stance/markers.js';
import { isLang } from '../languages/index.js';
import type { Lang } from '../types.js';
import { UsageError } from './errors.js';

export interface LexiconFlags {
  lexicon?: string;
  lexiconOnly?: boolean;
  rules?: string;
  stance?: string;
  lang: Lang | 'auto';
}

/** The compiled data the flags ask for; absent keys: the bundled data. */
export interface CustomData {
  lexicon?: Lexicon;
  rules?: RuleSet;
  stance?: StanceMarkers;
}


/** A data file's JSON and the bundled language it extends (`--lang`, else the file's own `lang`). */
async function readDataFile(file: string, what: string, lang: Lang | 'auto'): Promise<{ data: unknown; base: Lang }> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${file} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`the ${what} file ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
  }
  const fileLang = typeof data === 'object' && data !== null ? (data as { lang?: unknown }).lang : undefined;
  if (lang !== 'auto' && isLang(fileLang) && fileLang !== lang) {
    throw new UsageError(`the ${what} file ${file} is for "${fileLang}" but --lang is "${lang}"; drop --lang or give a "${lang}" file.`);
  }
  // With --lang auto the file's own language decides; an invalid one is reported by the loader.
  return { data, base: lang !== 'auto' ? lang : isLang(fileLang) ? fileLang : 'fr' };
}

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
  const { data, base } = await readDataFile(flags.lexicon, 'lexicon', flags.lang);
  // The compiler loads the analyser's tokenizer: only now, so that a run without a custom
  // lexicon leaves the analyser to the threads that analyse.
  const [{ bundledLexicon }, { extendLexicon, loadLexicon }] = await Promise.all([import('../lexicon/bundled.js'), import('../lexicon/compile.js')]);
  if (flags.lexiconOnly) return loadLexicon(data, flags.lexicon);
  return extendLexicon(bundledLexicon(base), data, flags.lexicon);
}

/** Every custom data file the flags name, compiled (see `lexiconFromFlags` for the errors). */
export async function customFromFlags(flags: LexiconFlags): Promise<CustomData> {
  const custom: CustomData = {};
  const lexicon = await lexiconFromFlags(flags);
  if (lexicon) custom.lexicon = lexicon;
  if (flags.rules !== undefined) {
    const { data, base } = await readDataFile(flags.rules, 'rules', flags.lang);
    const { bundledRules, extendRules } = await import('../rules/load.js');
    custom.rules = extendRules(bundledRules(base), data, flags.rules);
  }
  if (flags.stance !== undefined) {
    const { data, base } = await readDataFile(flags.stance, 'stance markers', flags.lang);
    const { bundledStance, extendStance } = await import('../stance/markers.js');
    custom.stance = extendStance(bundledStance(base), data, flags.stance);
  }
  return custom;
}
