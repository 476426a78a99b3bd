/** The main command: analyse the inputs, write the report, choose the exit status. */
import { analyzeCorpus, analyzeCorpusLines } from '../corpus/corpus.js';
import type { LineFormat, RecordLine } from '../corpus/lines.js';
import { summarizeCorpus } from '../corpus/summary.js';
import { type CorpusOptions } from '../corpus/types.js';
import { isCorpusFailure, type ReportResult } from '../records.js';
import { csvHeader } from '../report/csv.js';
import { terminalText } from '../report/escape.js';
import { htmlSite, reportChunks } from '../report/index.js';
import type { ReportFormat, ReportOptions } from '../report/types.js';
import { EXIT, UsageError } from './errors.js';
import { corpusRunOptions } from './corpus-options.js';
import { customFromFlags } from './lexicon.js';
import { fileOutput, isDirectoryOutput, stdoutOutput, writeSite, type Output } from './output.js';
import { progressBar } from './progress.js';
import { readResume, type Recorded } from './resume.js';
import { readWeightsFile } from './weights.js';
import { checkInputs, STDIN } from './inputs.js';
import { configFor, settle, type RunFlags } from './settings.js';

export type { RunFlags } from './settings.js';


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

/** The closing line of a run with `-o`: what was written where. */
function wroteLine(file: string, format: ReportFormat, totals: { records: number; failed: number; findings: number; resumed: number }, ms: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const documents = totals.records - totals.failed;
  // Resumed records were counted by the interrupted run: this one says what it added.
  const after = totals.resumed > 0 ? `, after the ${plural(totals.resumed, 'record')} of the interrupted run` : '';
  return `wrote ${terminalText(file)} (${format}): ${plural(documents, 'document')}${totals.failed > 0 ? `, ${totals.failed} failed` : ''}, ${plural(totals.findings, 'finding')}, in ${(ms / 1000).toFixed(1)} s${after}.`;
}

const say = (message: string): void => {
  process.stderr.write(`novlangue: ${message}\n`);
};

/** Run the main command; resolves to the exit status. `given`: the options typed on the command line, which win over the config file. */
export async function runCorpus(paths: readonly string[], typed: RunFlags, given: ReadonlySet<string> = new Set(), commands: readonly string[] = []): Promise<number> {
  const started = performance.now();
  const flags = settle(typed, given, configFor(typed));
  checkCombinations(paths, flags);
  const fromStdin = paths.length === 1 && paths[0] === STDIN;
  // The analyser loads in this thread only when it reads standard input: with a pool, workers analyse.
  const stdinRecords = fromStdin ? (await import('./stdin.js')).stdinRecords : undefined;
  if (!fromStdin && paths.includes(STDIN)) throw new UsageError('`-` (standard input) is read alone: give it without other paths.');
  if (!fromStdin) await checkInputs(paths, commands);
  const custom = await customFromFlags(flags);
  const weights = flags.weights === undefined ? undefined : await readWeightsFile(flags.weights);
  const streamed = STREAMED.has(flags.format);
  const controller = new AbortController();
  const color = flags.color ?? (flags.output === undefined && process.stdout.isTTY === true && !process.env['NO_COLOR']);
  const reportOptions: ReportOptions = { color, per: flags.per, excel: flags.excel ?? false, withText: flags.withText ?? false };
  if (flags.top !== undefined) reportOptions.top = flags.top;
  if (flags.locale !== undefined) reportOptions.locale = flags.locale;
  if (flags.title !== undefined) reportOptions.title = flags.title;
  if (flags.topDocs !== undefined) reportOptions.topDocs = flags.topDocs;
  // -o DIR/: an HTML index and a page per document (text, the default format, means html here).
  const site = flags.output !== undefined && (await isDirectoryOutput(flags.output)) ? flags.output : undefined;
  if (site !== undefined && flags.format !== 'html' && flags.format !== 'text') {
    throw new UsageError(`-o ${site} names a folder, which only --format html can fill (an index and a page per document); give a file name for --format ${flags.format}.`);
  }
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
  const totals = { records: 0, failed: 0, findings: 0, resumed: resumed?.records.length ?? 0 };
  const count = (record: Recorded & { findings?: number }, now = true): void => {
    if (now) {
      totals.records++;
      totals.findings += record.findings ?? 0;
      if (record.code !== undefined) totals.failed++;
    }
    if (record.code !== undefined) failures.set(record.code, (failures.get(record.code) ?? 0) + 1);
    else if (flags.failAbove !== undefined && record.score !== undefined && record.score > flags.failAbove) above.push({ file: record.file, score: record.score });
  };
  for (const record of resumed?.records ?? []) count(record, false);
  try {
    if (flags.format === 'csv' && !resumed?.header) await output.write(csvHeader(reportOptions));
    const options: CorpusOptions = {
      ...corpusRunOptions(flags, custom),
      ...(weights ? { weights } : {}),
      ...(flags.disable.length > 0 ? { disable: flags.disable } : {}),
      ...(flags.ignore.length > 0 ? { ignore: flags.ignore } : {}),
      ...(resumed ? { skip: resumed.records.map((record) => record.file) } : {}),
      signal: controller.signal,
      // Before the bar starts: a sidecar no document reads has no record to carry its warning.
      onWarning: (warning) => {
        if (!flags.quiet) say(`warning: ${terminalText(warning.message)}.`);
      },
      onListed: (total) => progress.start(total, fromStdin ? 'standard input' : paths.length === 1 ? paths[0] : undefined),
    };
    if (flags.format === 'jsonl' || flags.format === 'csv') {
      // Streamed: each record comes as its line, made where it was analysed (a worker, with --jobs).
      const line: LineFormat = { format: flags.format, options: { per: flags.per, withText: flags.withText ?? false, groupBy: flags.groupBy } };
      for await (const record of stdinRecords ? (stdinRecords(options, line) as AsyncGenerator<RecordLine>) : analyzeCorpusLines(paths, options, line)) {
        progress.tick(record.file);
        count(record);
        await output.write(record.line);
      }
    } else {
      for await (const lean of stdinRecords ? (stdinRecords({ ...options, lean: true }, undefined) as AsyncGenerator<ReportResult>) : analyzeCorpus(paths, { ...options, lean: true })) {
        progress.tick(lean.file);
        count(isCorpusFailure(lean) ? { file: lean.file, code: lean.error.code } : { file: lean.file, score: lean.score, findings: lean.findings.length });
        kept.push(lean);
      }
    }
    progress.stop();
    if (!streamed && !interrupted && !output.closed) {
      const report = { results: kept, summary: summarizeCorpus(kept, { groupBy: flags.groupBy, includeShort: flags.includeShort === true }) };
      if (site !== undefined) await writeSite(site, htmlSite(report, reportOptions));
      else await output.writeAll(reportChunks(flags.format, report, reportOptions));
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
  if (!flags.quiet && flags.output !== undefined) say(wroteLine(flags.output, site !== undefined ? 'html' : flags.format, totals, performance.now() - started));
  const codes = [...failures.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => `${code} ${count}`).join(', ');
  // Nothing could be read: a script must not take a report of failures for a clean run.
  if (totals.records > 0 && totals.failed === totals.records && totals.resumed === 0) {
    say(`no input could be read: ${totals.failed === 1 ? 'the only file' : `all ${totals.failed} files`} failed (${codes}); see ${totals.failed === 1 ? 'its record' : 'their records'} in the report.`);
    return EXIT.usage;
  }
  if (!flags.quiet && failures.size > 0) {
    const total = [...failures.values()].reduce((sum, count) => sum + count, 0);
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
