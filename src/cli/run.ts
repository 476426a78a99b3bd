/** The main command: analyse the inputs, write the report, choose the exit status. */
import path from 'node:path';
import { analyzeCorpus, analyzeCorpusLines } from '../corpus/corpus.js';
import type { LineFormat } from '../corpus/lines.js';
import { summarizeCorpus } from '../corpus/summary.js';
import { type CorpusOptions } from '../corpus/types.js';
import { isCorpusFailure, type ReportResult } from '../records.js';
import { csvHeader } from '../report/csv.js';
import { terminalText } from '../report/escape.js';
import { reportChunks } from '../report/index.js';
import type { ReportFormat, ReportOptions } from '../report/types.js';
import type { Lang } from '../types.js';
import { EXIT, UsageError } from './errors.js';
import { customFromFlags } from './lexicon.js';
import { fileOutput, stdoutOutput, type Output } from './output.js';
import { progressBar } from './progress.js';
import { readResume, type Recorded } from './resume.js';
import { readWeightsFile } from './weights.js';

/** The options of the main command, as commander parses them. */
export interface RunFlags {
  format: ReportFormat;
  output?: string;
  lang: Lang | 'auto';
  lexicon?: string;
  lexiconOnly?: boolean;
  weights?: string;
  jobs: number;
  minPoolBytes?: number;
  failAbove?: number;
  quiet?: boolean;
  maxBytes?: number;
  per: 'document' | 'finding';
  excel?: boolean;
  groupBy: string;
  color?: boolean;
  withText?: boolean;
  top?: number;
  resume?: boolean;
}

/** Formats written record by record as the run goes. */
const STREAMED: ReadonlySet<ReportFormat> = new Set(['jsonl', 'csv']);

function checkCombinations(paths: readonly string[], flags: RunFlags): void {
  if (paths.length === 0) throw new UsageError('no input: give files, folders or globs to analyse, e.g. `novlangue corpus/`.');
  if (flags.per === 'finding' && flags.format !== 'csv') throw new UsageError('--per finding applies to --format csv.');
  if (flags.excel && flags.format !== 'csv') throw new UsageError('--excel applies to --format csv.');
  if (flags.withText && flags.format !== 'json' && flags.format !== 'jsonl') throw new UsageError('--with-text applies to --format json and jsonl.');
  if (flags.resume) {
    if (flags.output === undefined) throw new UsageError('--resume needs --output FILE: the report of the interrupted run, to complete.');
    if (flags.format !== 'jsonl' && flags.format !== 'csv') {
      throw new UsageError(`--resume applies to --format jsonl and csv, which are written record by record; a ${flags.format} report is written whole at the end, so an interrupted run leaves nothing to resume.`);
    }
    if (flags.format === 'csv' && flags.per === 'finding') {
      throw new UsageError('--resume applies to --format csv --per document: --per finding writes no row for a document without findings, so its file cannot tell which files are done.');
    }
  }
}

const say = (message: string): void => {
  process.stderr.write(`novlangue: ${message}\n`);
};

/** Run the main command; resolves to the exit status. */
export async function runCorpus(paths: readonly string[], flags: RunFlags): Promise<number> {
  checkCombinations(paths, flags);
  const custom = await customFromFlags(flags);
  const weights = flags.weights === undefined ? undefined : await readWeightsFile(flags.weights);
  const streamed = STREAMED.has(flags.format);
  const controller = new AbortController();
  const color = flags.color ?? (flags.output === undefined && process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const reportOptions: ReportOptions = { color, per: flags.per, excel: flags.excel ?? false, withText: flags.withText ?? false };
  if (flags.top !== undefined) reportOptions.top = flags.top;
  // --resume: the records already in the output count as this run's; their files are skipped.
  const resumed = flags.resume && flags.output !== undefined && (flags.format === 'jsonl' || flags.format === 'csv') ? await readResume(flags.output, flags.format, reportOptions) : undefined;
  if (resumed && !flags.quiet) say(`resuming ${terminalText(flags.output!)}: ${resumed.records.length} record${resumed.records.length === 1 ? '' : 's'} already there, analysing the other files.`);
  const output: Output = flags.output === undefined ? stdoutOutput(() => controller.abort('EPIPE')) : await fileOutput(flags.output, streamed, resumed?.bytes);

  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = signal;
    controller.abort(signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = progressBar(!flags.quiet && process.stderr.isTTY === true);

  const kept: ReportResult[] = [];
  const above: Array<{ file: string; score: number }> = [];
  const failures = new Map<string, number>();
  const count = (record: Recorded): void => {
    if (record.code !== undefined) failures.set(record.code, (failures.get(record.code) ?? 0) + 1);
    else if (flags.failAbove !== undefined && record.score !== undefined && record.score > flags.failAbove) above.push({ file: record.file, score: record.score });
  };
  for (const record of resumed?.records ?? []) count(record);
  try {
    if (flags.format === 'csv' && !resumed?.header) await output.write(csvHeader(reportOptions));
    const options: CorpusOptions = {
      lang: flags.lang,
      ...custom,
      ...(weights ? { weights } : {}),
      ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
      jobs: flags.jobs,
      ...(flags.minPoolBytes !== undefined ? { minPoolBytes: flags.minPoolBytes } : {}),
      exclude: flags.output === undefined ? [] : [path.resolve(flags.output)],
      ...(resumed ? { skip: resumed.records.map((record) => record.file) } : {}),
      signal: controller.signal,
      onListed: (total) => progress.start(total),
    };
    if (flags.format === 'jsonl' || flags.format === 'csv') {
      // Streamed: each record comes as its line, made where it was analysed (a worker, with --jobs).
      const line: LineFormat = { format: flags.format, options: { per: flags.per, withText: flags.withText ?? false } };
      for await (const record of analyzeCorpusLines(paths, options, line)) {
        progress.tick(record.file);
        count(record);
        await output.write(record.line);
      }
    } else {
      for await (const lean of analyzeCorpus(paths, { ...options, lean: true })) {
        progress.tick(lean.file);
        count(isCorpusFailure(lean) ? { file: lean.file, code: lean.error.code } : { file: lean.file, score: lean.score });
        kept.push(lean);
      }
    }
    progress.stop();
    if (!streamed && !interrupted && !output.closed) {
      await output.writeAll(reportChunks(flags.format, { results: kept, summary: summarizeCorpus(kept, { groupBy: flags.groupBy }) }, reportOptions));
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await output.close();
  }

  if (interrupted) {
    const rest = !streamed ? '; no report written' : flags.output === undefined ? '; the records written so far are complete' : `; the records written so far are complete: add --resume to the same command to analyse the other files`;
    say(`interrupted by ${interrupted}${rest}.`);
    return interrupted === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  }
  if (output.closed) return EXIT.ok;
  if (!flags.quiet && failures.size > 0) {
    const total = [...failures.values()].reduce((sum, count) => sum + count, 0);
    const codes = [...failures.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => `${code} ${count}`).join(', ');
    say(`${total} file${total === 1 ? '' : 's'} could not be analysed (${codes}); see their records in the report.`);
  }
  if (above.length > 0) {
    if (!flags.quiet) {
      say(`${above.length} document${above.length === 1 ? '' : 's'} scored above ${flags.failAbove}:`);
      for (const { file, score } of above) process.stderr.write(`  ${score.toFixed(1)}  ${terminalText(file)}\n`);
    }
    return EXIT.threshold;
  }
  return EXIT.ok;
}
