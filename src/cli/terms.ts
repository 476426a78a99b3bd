/**
 * `novlangue terms <paths...> [--by FIELD]`: the frequency list of a corpus, per rule, surface
 * form and category. Also the corpus reading that `kwic` and `compare` share.
 */
import { analyzeCorpus } from '../corpus/corpus.js';
import type { CorpusOptions } from '../corpus/types.js';
import { termFrequencies, type Voice } from '../keyness/counts.js';
import { formatTerms, type TableFormat } from '../keyness/format.js';
import { isCorpusFailure, type CorpusDocumentLean, type CorpusFailure } from '../records.js';
import { EXIT, UsageError } from './errors.js';
import { customFromFlags } from './lexicon.js';
import { fileOutput, stdoutOutput } from './output.js';
import { failuresNote } from './validate.js';
import { corpusRunOptions, type CorpusRunFlags } from './corpus-options.js';

/** The options `kwic`, `terms` and `compare` share. */
export interface CorpusReadFlags extends CorpusRunFlags {
  quiet?: boolean;
}

export interface TermsFlags extends CorpusReadFlags {
  format: TableFormat;
  by?: string;
  voice: Voice;
  top?: number;
}

/** What a toolbox command read: the documents analysed, and the files that could not be. */
export interface ReadCorpus {
  documents: CorpusDocumentLean[];
  failures: CorpusFailure[];
}


/** Analyse the inputs (lean records): documents and failures apart, none dropped. */
export async function readCorpus(paths: readonly string[], options: CorpusOptions): Promise<ReadCorpus> {
  const documents: CorpusDocumentLean[] = [];
  const failures: CorpusFailure[] = [];
  for await (const record of analyzeCorpus(paths, { ...options, lean: true })) {
    if (isCorpusFailure(record)) failures.push(record);
    else documents.push(record);
  }
  return { documents, failures };
}

/** Write a report to `--output FILE` (whole, or not at all) or to stdout. */
export async function writeReport(report: string, file: string | undefined): Promise<void> {
  const output = file === undefined ? stdoutOutput(() => undefined) : await fileOutput(file, false);
  await output.writeAll([report]);
  await output.close();
}

/** The files that could not be analysed, on stderr: each named, with its error. */
export function noteFailures(failures: readonly CorpusFailure[], quiet: boolean | undefined): void {
  if (!quiet && failures.length > 0) process.stderr.write(failuresNote(failures, false));
}

/** Run `terms`; resolves to the exit status. */
export async function runTerms(paths: readonly string[], flags: TermsFlags): Promise<number> {
  if (paths.length === 0) throw new UsageError('no input: give files, folders or globs, e.g. `novlangue terms corpus/`.');
  const custom = await customFromFlags(flags);
  const { documents, failures } = await readCorpus(paths, corpusRunOptions(flags, custom));
  const frequencies = termFrequencies(documents, { ...(flags.by !== undefined ? { by: flags.by } : {}), voice: flags.voice });
  const report = flags.format === 'json' ? `${JSON.stringify({ ...frequencies, failures }, null, 2)}\n` : formatTerms(frequencies, flags.format, flags.top === undefined ? {} : { top: flags.top });
  await writeReport(report, flags.output);
  noteFailures(failures, flags.quiet);
  return EXIT.ok;
}
