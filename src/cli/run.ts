/** The main command: analyse the inputs, write the report, choose the exit status. */
import path from 'node:path';
import { analyzeCorpus } from '../corpus/corpus.js';
import { leanResult } from '../corpus/lean.js';
import { summarizeCorpus } from '../corpus/summary.js';
import { isCorpusFailure, type ReportResult } from '../corpus/types.js';
import { csvHeader, csvRows } from '../report/csv.js';
import { terminalText } from '../report/escape.js';
import { formatReport } from '../report/index.js';
import { jsonlLine } from '../report/json.js';
import type { ReportFormat, ReportOptions } from '../report/types.js';
import type { Lang } from '../types.js';
import { EXIT, UsageError } from './errors.js';
import { lexiconFromFlags } from './lexicon.js';
import { fileOutput, stdoutOutput, type Output } from './output.js';
import { progressBar } from './progress.js';

/** The options of the main command, as commander parses them. */
export interface RunFlags {
  format: ReportFormat;
  output?: string;
  lang: Lang | 'auto';
  lexicon?: string;
  lexiconOnly?: boolean;
  jobs: number;
  failAbove?: number;
  quiet?: boolean;
  maxBytes?: number;
  per: 'document' | 'finding';
  excel?: boolean;
  groupBy: string;
  color?: boolean;
  withText?: boolean;
  top?: number;
}

/** Formats written record by record as the run goes. */
const STREAMED: ReadonlySet<ReportFormat> = new Set(['jsonl', 'csv']);

function checkCombinations(paths: readonly string[], flags: RunFlags): void {
  if (paths.length === 0) throw new UsageError('no input: give files, folders or globs to analyse, e.g. `novlangue corpus/`.');
  if (flags.per === 'finding' && flags.format !== 'csv') throw new UsageError('--per finding applies to --format csv.');
  if (flags.excel && flags.format !== 'csv') throw new UsageError('--excel applies to --format csv.');
  if (flags.withText && flags.format !== 'json' && flags.format !== 'jsonl') throw new UsageError('--with-text applies to --format json and jsonl.');
}

const say = (message: string): void => {
  process.stderr.write(`novlangue: ${message}\n`);
};

/** Run the main command; resolves to the exit status. */
export async function runCorpus(paths: readonly string[], flags: RunFlags): Promise<number> {
  checkCombinations(paths, flags);
  const lexicon = await lexiconFromFlags(flags);
  const streamed = STREAMED.has(flags.format);
  const controller = new AbortController();
  const output: Output = flags.output === undefined ? stdoutOutput(() => controller.abort('EPIPE')) : await fileOutput(flags.output, streamed);
  const color = flags.color ?? (flags.output === undefined && process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const reportOptions: ReportOptions = { color, per: flags.per, excel: flags.excel ?? false, withText: flags.withText ?? false };
  if (flags.top !== undefined) reportOptions.top = flags.top;

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
  try {
    if (flags.format === 'csv') await output.write(csvHeader(reportOptions));
    const run = analyzeCorpus(paths, {
      lang: flags.lang,
      ...(lexicon ? { lexicon } : {}),
      ...(flags.maxBytes !== undefined ? { maxBytes: flags.maxBytes } : {}),
      jobs: flags.jobs,
      exclude: flags.output === undefined ? [] : [path.resolve(flags.output)],
      signal: controller.signal,
      onListed: (count) => progress.start(count),
    });
    for await (const result of run) {
      progress.tick(result.file);
      const lean = leanResult(result);
      if (isCorpusFailure(lean)) failures.set(lean.error.code, (failures.get(lean.error.code) ?? 0) + 1);
      else if (flags.failAbove !== undefined && lean.score > flags.failAbove) above.push({ file: lean.file, score: lean.score });
      if (flags.format === 'jsonl') await output.write(jsonlLine(lean, reportOptions));
      else if (flags.format === 'csv') await output.write(csvRows(lean, reportOptions));
      else kept.push(lean);
    }
    progress.stop();
    if (!streamed && !interrupted && !output.closed) {
      await output.writeAll(formatReport(flags.format, { results: kept, summary: summarizeCorpus(kept, { groupBy: flags.groupBy }) }, reportOptions));
    }
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await output.close();
  }

  if (interrupted) {
    say(`interrupted by ${interrupted}${streamed ? '; the records written so far are complete' : '; no report written'}.`);
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
