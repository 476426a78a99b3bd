/**
 * `analyzeCorpus()`: list the inputs, then read and analyse each file, in this thread or in a
 * pool of workers, yielding one record per file in path order as soon as it is ready.
 */
import { isLang, langList } from '../languages/index.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { NovlangueError, describeValue } from '../errors.js';
import { listCorpus, type Listed, type ListedFile } from './01-list.js';
import type { LineFormat, RecordLine } from './lines.js';
import { fileStates } from './file-states.js';
import { ISOLATED_CHARS, IsolatedWorker, workerBuilt } from './isolated.js';
import { DEFAULT_MAX_BYTES } from '../documents/bytes.js';
import { DEFAULT_MIN_POOL_BYTES, MAX_JOBS } from './limits.js';
import { poolPays, runInPool } from './pool.js';
import { finish, lexiconData, rulesData, stanceData, type RunOutput, type RunSettings } from './run-output.js';
import type { DocumentText } from '../documents/index.js';
import { isCompiledLexicon, lexiconList, repeatedLang } from '../lexicon/per-lang.js';
import type { ScoreWeights } from '../score/score.js';
import type { CorpusOptions } from './types.js';
import type { CorpusFailure, CorpusResult, ReportResult } from '../records.js';

function positiveInteger(value: unknown, name: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() option "${name}" must be an integer from 1 to ${max}, instead received ${describeValue(value)}.`);
  }
  return value;
}

/** The `skip` option as a set of record names. */
function skipped(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set();
  const iterable = typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function';
  const names = iterable ? [...(value as Iterable<unknown>)] : undefined;
  if (!names || names.some((name) => typeof name !== 'string')) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() option "skip" must be an array or a set of file names, instead received ${describeValue(value)}.`);
  }
  return new Set(names as string[]);
}

/** The `disable` option: rule ids, as an array. */
function disabledRules(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string')) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() option "disable" must be an array of rule ids, instead received ${describeValue(value)}.`);
  }
  return [...(value as string[])];
}

/** The `lexicon` option: one compiled lexicon, or a non-empty list of them, at most one per language. */
function checkLexicons(value: CorpusOptions['lexicon']): void {
  if (value === undefined) return;
  const lexicons = lexiconList(value);
  const invalid = lexicons.find((lexicon) => !isCompiledLexicon(lexicon));
  if (invalid !== undefined || lexicons.length === 0) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() option "lexicon" must be a compiled lexicon (loadLexicon, extendLexicon) or a non-empty list of them, instead received ${describeValue(invalid ?? value)}.`);
  }
  const repeated = repeatedLang(value);
  if (repeated) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() option "lexicon" takes one lexicon per language, but two are for "${repeated.lang}" (${repeated.sources[0]} and ${repeated.sources[1]}): extend one with the other (extendLexicon).`);
  }
}

/** The `weights` option, checked against the weights schema (loaded only when weights are given). */
async function checkedWeights(value: unknown): Promise<ScoreWeights> {
  const { checkWeights } = await import('../weights/load.js');
  try {
    return checkWeights(value, 'analyzeCorpus() option "weights"');
  } catch (error) {
    throw new NovlangueError('EOPTION', `novlangue: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
}

/**
 * Analyse files, folders (walked recursively) and globs. Yields one record per file, sorted by
 * path: an `Analysis` with the file's name, size, format, encoding, metadata and extracted text,
 * or a failure `{ file, error: { code, message } }`. One bad file never stops the run.
 * With `lean: true` the records come without `tokens` and `sentences` (`ReportResult`).
 * @param paths files, folders or globs (a glob is tried only when no such path exists)
 * @throws {NovlangueError} EOPTION when an option is invalid (before anything is read)
 */
export function analyzeCorpus(paths: string | readonly string[], options: CorpusOptions & { lean: true }): AsyncGenerator<ReportResult, void, undefined>;
export function analyzeCorpus(paths: string | readonly string[], options?: CorpusOptions): AsyncGenerator<CorpusResult, void, undefined>;
export function analyzeCorpus(paths: string | readonly string[], options: CorpusOptions = {}): AsyncGenerator<CorpusResult, void, undefined> {
  return run(paths, options, undefined) as AsyncGenerator<CorpusResult, void, undefined>;
}

/**
 * `analyzeCorpus` for streamed reports (the CLI's jsonl and csv): yields each file's report
 * line instead of its record, made where the file is analysed (in a worker, with `jobs`).
 * Same options, same order; the lines are those of `jsonlLine` / `csvRows` on the records.
 */
export function analyzeCorpusLines(paths: string | readonly string[], options: CorpusOptions, line: LineFormat): AsyncGenerator<RecordLine, void, undefined> {
  return run(paths, options, line) as AsyncGenerator<RecordLine, void, undefined>;
}

/** At most this long (ms, give or take one file) between two turns of the event loop in a run in this thread. */
const TURN_MS = 10;

async function* run(paths: string | readonly string[], options: CorpusOptions, line: LineFormat | undefined): AsyncGenerator<RunOutput, void, undefined> {
  const inputs = typeof paths === 'string' ? [paths] : paths;
  if (!Array.isArray(inputs) || inputs.some((input) => typeof input !== 'string')) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() expects a path or an array of paths, instead received ${describeValue(paths)}.`);
  }
  const jobs = positiveInteger(options.jobs ?? 1, 'jobs', MAX_JOBS);
  const maxBytes = positiveInteger(options.maxBytes ?? DEFAULT_MAX_BYTES, 'maxBytes', Number.MAX_SAFE_INTEGER);
  const minPoolBytes = options.minPoolBytes === 0 ? 0 : positiveInteger(options.minPoolBytes ?? DEFAULT_MIN_POOL_BYTES, 'minPoolBytes', Number.MAX_SAFE_INTEGER);
  const lang = options.lang ?? 'auto';
  if (lang !== 'auto' && !isLang(lang)) {
    throw new NovlangueError('EOPTION', `novlangue: analyzeCorpus() option "lang" must be ${langList(['auto'])}, instead received ${describeValue(lang)}.`);
  }
  const skip = skipped(options.skip);
  checkLexicons(options.lexicon);
  const weights = options.weights === undefined ? undefined : await checkedWeights(options.weights);
  // A line is made of the record at once: no record is kept, so there is nothing to make lean.
  const settings: RunSettings = { lang, maxBytes, lexicon: undefined, rules: undefined, stance: undefined, weights, disable: disabledRules(options.disable), lean: options.lean === true && !line, line };
  // Workers receive custom data as plain data and compile it once each.
  const asData = (): Pick<RunSettings, 'lexicon' | 'rules' | 'stance'> => ({
    lexicon: options.lexicon ? lexiconData(options.lexicon) : undefined,
    rules: options.rules ? rulesData(options.rules) : undefined,
    stance: options.stance ? stanceData(options.stance) : undefined,
  });
  const custom = { lexicon: options.lexicon, rules: options.rules, stance: options.stance };
  const { signal } = options;

  const all: Listed[] = await listCorpus(inputs, options.exclude, options.ignore, options.onWarning);
  const listed = skip.size === 0 ? all : all.filter((item) => !skip.has(item.file));
  options.onListed?.(listed.length);
  let files = 0;
  let bytes = 0;
  for (const item of listed) {
    if ('error' in item) continue;
    files++;
    bytes += item.size;
  }
  if (poolPays(jobs, files, bytes, minPoolBytes)) {
    yield* runInPool(listed, { ...settings, ...asData() }, jobs, signal);
    return;
  }
  // Only a run in this thread loads the analyser here (see `run-output.ts`).
  const { analyzeRead, readTask } = await import('./analyze-file.js');
  // A very long text is analysed in a thread of its own: if it exhausts that thread's heap,
  // it costs only its own record (see `isolated.ts`). Not full records: their tokens are placed
  // on first read, and crossing to this thread would place millions of them at once.
  const isolating = (settings.line !== undefined || settings.lean) && workerBuilt();
  let isolated: IsolatedWorker | undefined;
  const analyzeAt = async (index: number, item: ListedFile, read: DocumentText | CorpusFailure): Promise<RunOutput> => {
    if ('error' in read || read.text.length < ISOLATED_CHARS || !isolating) return finish(analyzeRead(item, read, settings, custom), settings);
    isolated ??= new IsolatedWorker({ ...settings, ...asData() }, fileStates(listed.length));
    return isolated.analyse(item, index, read, signal);
  };
  try {
    let turned = performance.now();
    for (let index = 0; index < listed.length; index++) {
      // Reads block and analyses are synchronous: the event loop turns only when given the
      // chance, and without it a signal (Ctrl-C), the progress bar or a slow stdout would wait
      // for the end of the run.
      if (performance.now() - turned >= TURN_MS) {
        await nextTurn();
        turned = performance.now();
      }
      if (signal?.aborted) return;
      const item = listed[index]!;
      const result = 'error' in item ? finish(item, settings) : await analyzeAt(index, item, await readTask(item, settings));
      if (signal?.aborted) return;
      yield result;
    }
  } finally {
    await isolated?.close();
  }
}
