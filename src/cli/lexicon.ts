/**
 * `--lexicon FILE…` (and `--lexicon-only`), `--rules FILE`, `--stance FILE`: the user's data,
 * extending (or, for a lexicon, replacing) the bundled data of the file's language; and
 * `novlangue lexicon import|export`, between lexicons and dictionary files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Lexicon } from '../lexicon/compile.js';
import type { RuleSet } from '../rules/load.js';
import type { StanceMarkers } from '../stance/markers.js';
import { isLang } from '../languages/index.js';
import type { Lang } from '../types.js';
import { UsageError } from './errors.js';
import { dictionaryFormatOf } from '../dictionaries/formats.js';
import type { DictionaryFormat, DictionaryWarning } from '../dictionaries/types.js';

export interface LexiconFlags {
  /** One file or several (`--lexicon` is repeatable): combined in order, later ids override earlier ones. */
  lexicon?: string | string[];
  lexiconOnly?: boolean;
  rules?: string;
  stance?: string;
  lang: Lang | 'auto';
}

/** The compiled data the flags ask for; absent keys: the bundled data. */
export interface CustomData {
  /** One lexicon per language the `--lexicon` files are for. */
  lexicon?: readonly Lexicon[];
  rules?: RuleSet;
  stance?: StanceMarkers;
}

/** Line and column (1-based) of a UTF-16 offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/u);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Parse JSON, or throw a `UsageError` saying where it breaks: `file:line:column`. V8 gives the
 * offset ("at position 42"; end of input for a truncated file), and Node 22 the line too.
 */
export function parseJsonFile(source: string, file: string, what: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/u.exec(reason);
    const offset = position ? Number(position[1]) : /end of (JSON|data)/iu.test(reason) ? source.length : undefined;
    const at = offset === undefined ? '' : (({ line, column }) => `:${line}:${column}`)(lineColumn(source, offset));
    const plain = reason.replace(/\s*\(line \d+ column \d+\)/u, '').replace(/ in JSON at position \d+/u, '').replace(/^JSON\.parse: /u, '');
    throw new UsageError(`${file}${at}: the ${what} file is not valid JSON (${plain}).`, { cause: error });
  }
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${file} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });
  }
}

/** A data file's JSON and the bundled language it extends (`--lang`, else the file's own `lang`). */
async function readDataFile(file: string, what: string, lang: Lang | 'auto'): Promise<{ data: unknown; base: Lang }> {
  const data = parseJsonFile(await readText(file, what), file, what);
  const fileLang = typeof data === 'object' && data !== null ? (data as { lang?: unknown }).lang : undefined;
  if (lang !== 'auto' && isLang(fileLang) && fileLang !== lang) {
    throw new UsageError(`the ${what} file ${file} is for "${fileLang}" but --lang is "${lang}"; drop --lang or give a "${lang}" file.`);
  }
  // With --lang auto the file's own language decides; an invalid one is reported by the loader.
  return { data, base: lang !== 'auto' ? lang : isLang(fileLang) ? fileLang : 'fr' };
}

/** Where import and --lexicon say what a dictionary could not carry over: a count and the first few. */
function warn(file: string, warnings: readonly DictionaryWarning[]): void {
  if (warnings.length === 0) return;
  const shown = warnings.slice(0, 5).map((warning) => `  ${warning.line ? `line ${warning.line}: ` : ''}${warning.message}`);
  const more = warnings.length > shown.length ? [`  … and ${warnings.length - shown.length} more`] : [];
  process.stderr.write(`novlangue: ${file}: ${warnings.length} item${warnings.length === 1 ? '' : 's'} not carried over:\n${[...shown, ...more].join('\n')}\n`);
}

/**
 * A lexicon file as lexicon data: JSON, or a dictionary (`.dic`, `.dicx`, `.yml`, `.yaml`)
 * converted on the fly, whose language is `--lang` (dictionaries do not say theirs).
 */
async function readLexiconFile(file: string, lang: Lang | 'auto', quiet = false): Promise<{ data: unknown; base: Lang }> {
  const format = dictionaryFormatOf(file);
  if (format === undefined) return readDataFile(file, 'lexicon', lang);
  if (lang === 'auto') throw new UsageError(`${file} is a ${format} dictionary, which does not say its language: add --lang fr or --lang en.`);
  const { importDictionary } = await import('../dictionaries/index.js');
  const { lexicon, warnings } = importDictionary(await readText(file, 'lexicon'), { format, lang, file });
  if (!quiet) warn(file, warnings);
  return { data: lexicon, base: lang };
}

/** The `--lexicon` files, as a list. */
function lexiconFiles(flags: LexiconFlags): string[] {
  return flags.lexicon === undefined ? [] : typeof flags.lexicon === 'string' ? [flags.lexicon] : flags.lexicon;
}

/**
 * The lexicons the flags ask for, one per language their files are for, `[]` for the bundled
 * ones. Files are combined in order: each extends the bundled lexicon of its language (with
 * `--lexicon-only`, the files before it of its language), and an entry of a later file
 * replaces the entry of the same id, or switches it off with `weight: 0`.
 * @throws {UsageError} when a file cannot be read, is not JSON, or is for another language
 * @throws {LexiconError} when one does not validate (every problem of the file at once)
 */
export async function lexiconsFromFlags(flags: LexiconFlags): Promise<Lexicon[]> {
  const files = lexiconFiles(flags);
  if (files.length === 0) {
    if (flags.lexiconOnly) throw new UsageError('--lexicon-only needs a lexicon: add --lexicon FILE.');
    return [];
  }
  // The compiler loads the analyser's tokenizer: only now, so that a run without a custom
  // lexicon leaves the analyser to the threads that analyse.
  const [{ bundledLexicon }, { extendLexicon, loadLexicon }] = await Promise.all([import('../lexicon/bundled.js'), import('../lexicon/compile.js')]);
  const byLang = new Map<Lang, Lexicon>();
  for (const file of files) {
    const { data, base } = await readLexiconFile(file, flags.lang);
    const before = byLang.get(base);
    byLang.set(base, before ? extendLexicon(before, data, file) : flags.lexiconOnly ? loadLexicon(data, file) : extendLexicon(bundledLexicon(base), data, file));
  }
  return [...byLang.values()];
}

/**
 * Every custom data file the flags name, compiled: with `--lang auto`, the `--lexicon` files of
 * each language make that language's lexicon (`--lexicon fr.json --lexicon en.json`), which
 * serves the documents and paragraphs in it (see `lexiconsFromFlags` for the errors).
 */
export async function customFromFlags(flags: LexiconFlags): Promise<CustomData> {
  const custom: CustomData = {};
  const lexicons = await lexiconsFromFlags(flags);
  if (lexicons.length > 0) custom.lexicon = lexicons;
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

/** `novlangue lexicon import FILE`: its flags. */
export interface LexiconImportFlags {
  lang: Lang | 'auto';
  format?: DictionaryFormat;
  output?: string;
  quiet?: boolean;
}

/** `novlangue lexicon export`: its flags (and `--lexicon`, `--lexicon-only` to export one's own). */
export interface LexiconExportFlags extends LexiconFlags {
  format: DictionaryFormat;
  output?: string;
  quiet?: boolean;
}

async function writeOut(text: string, output: string | undefined): Promise<void> {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });
  }
}

/**
 * A dictionary file as a novlangue lexicon (JSON), checked by compiling it. Exit status 0, or throws.
 */
export async function runLexiconImport(file: string, flags: LexiconImportFlags): Promise<number> {
  const format = flags.format ?? dictionaryFormatOf(file);
  if (format === undefined) throw new UsageError(`cannot tell the format of ${file} from its name: give --format dic, dicx or yaml.`);
  if (flags.lang === 'auto') throw new UsageError(`a dictionary does not say its language: add --lang fr or --lang en (the language of the texts it is for).`);
  const [{ importDictionary }, { loadLexicon }] = await Promise.all([import('../dictionaries/index.js'), import('../lexicon/compile.js')]);
  const { lexicon, warnings } = importDictionary(await readText(file, 'dictionary'), { format, lang: flags.lang, file });
  if (!flags.quiet) warn(file, warnings);
  // Refuse to write what would not load (every problem at once).
  loadLexicon(lexicon, file);
  await writeOut(`${JSON.stringify(lexicon, null, 2)}\n`, flags.output);
  if (!flags.quiet) {
    const categories = new Set(lexicon.entries.map((entry) => ('category' in entry ? entry.category : '')));
    process.stderr.write(`novlangue: ${lexicon.entries.length} entries in ${categories.size} categories${flags.output ? ` written to ${flags.output}` : ''}.\n`);
  }
  return 0;
}

/** A lexicon (the bundled one of `--lang`, with the `--lexicon` files) written as a dictionary. Exit status 0, or throws. */
export async function runLexiconExport(flags: LexiconExportFlags): Promise<number> {
  if (flags.lang === 'auto') throw new UsageError('say which lexicon to export: --lang fr or --lang en.');
  const [{ exportLexicon }, { bundledLexicon }] = await Promise.all([import('../dictionaries/index.js'), import('../lexicon/bundled.js')]);
  const lexicon = (await lexiconsFromFlags(flags))[0] ?? bundledLexicon(flags.lang);
  const { text, warnings } = exportLexicon(lexicon, flags.format);
  if (!flags.quiet) warn(lexicon.sources.join(' + '), warnings);
  await writeOut(text, flags.output);
  return 0;
}
