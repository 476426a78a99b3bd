/**
 * The built CLI, as users run it: `node dist/cli/index.js <folder> --format jsonl --output
 * <file> --jobs N`, one process per run, timed from spawn to exit, with its peak RSS.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BenchFolder } from './corpus.js';
import { available, firstLine, runNode, unavailable, type Outcome, type ProcessRun, type RssProbe } from './measure.js';

export interface CliContext {
  root: string;
  /** `dist/cli/index.js`. */
  cli: string;
  probe: RssProbe;
  /** Where outputs and GNU time's figures go: never inside an input folder. */
  scratch: string;
  timeoutMs: number;
}

/** Path of the built CLI, or why there is none. */
export function findCli(root: string): Outcome<string> {
  const cli = join(root, 'dist', 'cli', 'index.js');
  return existsSync(cli) ? available(cli) : unavailable('dist/cli/index.js not found (the CLI is not built yet)');
}

/** One run of the CLI over a folder. */
export interface FolderRun {
  format: string;
  jobs: number;
  files: number;
  /** Bytes of input. */
  bytes: number;
  wallMs: number;
  filesPerS: number;
  mbPerS: number;
  peakRssMb?: number;
  /** Bytes and non-empty lines of the report: one record per file is expected in jsonl. */
  outputBytes: number;
  lines: number;
  /** jsonl: files reported as failures, by error code. Every bench file is valid text: any failure is a bug. */
  failures: Record<string, number>;
}

export interface CliRow {
  id: string;
  label: string;
  result: Outcome<FolderRun>;
}

function failure(run: ProcessRun, timeoutMs: number): string | undefined {
  if (run.timedOut) return `timed out after ${(timeoutMs / 1000).toFixed(0)} s (set BENCH_CLI_TIMEOUT, in seconds, to wait longer)`;
  if (run.signal !== null) return `killed by ${run.signal}`;
  if (run.code !== 0) return `exit status ${run.code}: ${firstLine(run)}`;
  return undefined;
}

/** Non-empty lines of a report, and for jsonl the failure records `{ file, error: { code } }` by code. */
function readReport(file: string, format: string): { lines: number; failures: Record<string, number> } {
  const failures: Record<string, number> = {};
  let lines = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    lines++;
    // A failure record is a few hundred bytes; a document record is far longer.
    if (format !== 'jsonl' || line.length > 4096) continue;
    try {
      const record = JSON.parse(line) as { error?: { code?: unknown } };
      if (record.error !== undefined) {
        const code = typeof record.error.code === 'string' ? record.error.code : 'unknown';
        failures[code] = (failures[code] ?? 0) + 1;
      }
    } catch {
      failures['invalid JSON line'] = (failures['invalid JSON line'] ?? 0) + 1;
    }
  }
  return { lines, failures };
}

/** "12 EWORKER, 1 EIO", or undefined when no file failed. */
export function describeFailures(failures: Record<string, number>): string | undefined {
  const entries = Object.entries(failures);
  return entries.length === 0 ? undefined : entries.map(([code, count]) => `${count} ${code}`).join(', ');
}

/** A run's size, wall time and the rates they make. */
const rates = (files: number, bytes: number, wallMs: number): Pick<FolderRun, 'files' | 'bytes' | 'wallMs' | 'filesPerS' | 'mbPerS'> => ({
  files,
  bytes,
  wallMs,
  filesPerS: files / (wallMs / 1000),
  mbPerS: bytes / 1e6 / (wallMs / 1000),
});

/** Run the CLI over `folder` and measure it; the report is counted, then deleted. */
export async function runFolder(context: CliContext, folder: BenchFolder, format: string, jobs: number): Promise<Outcome<FolderRun>> {
  const output = join(context.scratch, `report-${basename(folder.dir)}-${format}-${jobs}-${folder.files}.${format}`);
  rmSync(output, { force: true });
  try {
    const run = await runNode([context.cli, folder.dir, '--format', format, '--output', output, '--jobs', String(jobs)], {
      probe: context.probe,
      scratch: context.scratch,
      timeoutMs: context.timeoutMs,
      cwd: context.root,
    });
    const failed = failure(run, context.timeoutMs);
    if (failed !== undefined) return unavailable(failed);
    if (!existsSync(output)) return unavailable(`no report written to --output (${firstLine(run) || 'nothing on stderr'})`);
    const result: FolderRun = {
      format,
      jobs,
      ...rates(folder.files, folder.bytes, run.wallMs),
      outputBytes: statSync(output).size,
      ...readReport(output, format),
    };
    if (run.peakRssMb !== undefined) result.peakRssMb = run.peakRssMb;
    return available(result);
  } finally {
    rmSync(output, { force: true });
  }
}

/**
 * Two runs at once, one process each (`--jobs 1` on each half of a folder): what the machine
 * gives two threads of this work, pool or no pool. The wall time is the later finish; the
 * peak RSS, the sum of the two peaks.
 */
export async function runTogether(context: CliContext, halves: readonly [BenchFolder, BenchFolder], format: string): Promise<Outcome<FolderRun>> {
  const [one, two] = await Promise.all([runFolder(context, halves[0], format, 1), runFolder(context, halves[1], format, 1)]);
  if (!one.ok) return one;
  if (!two.ok) return two;
  const a = one.value;
  const b = two.value;
  const failures: Record<string, number> = { ...a.failures };
  for (const [code, count] of Object.entries(b.failures)) failures[code] = (failures[code] ?? 0) + count;
  const result: FolderRun = {
    format,
    jobs: 1,
    ...rates(a.files + b.files, a.bytes + b.bytes, Math.max(a.wallMs, b.wallMs)),
    outputBytes: a.outputBytes + b.outputBytes,
    lines: a.lines + b.lines,
    failures,
  };
  if (a.peakRssMb !== undefined && b.peakRssMb !== undefined) result.peakRssMb = a.peakRssMb + b.peakRssMb;
  return available(result);
}

/** Start-up: best wall time of a few runs of a short command, after one warm-up run. */
export interface StartUp {
  command: string;
  bestMs: number;
  runsMs: number[];
  peakRssMb?: number;
}

export async function startUp(context: CliContext, label: string, args: string[], runs: number): Promise<Outcome<StartUp>> {
  const runsMs: number[] = [];
  let peak: number | undefined;
  for (let i = 0; i <= runs; i++) {
    const run = await runNode([context.cli, ...args], { probe: context.probe, scratch: context.scratch, timeoutMs: 30_000, cwd: context.root });
    const failed = failure(run, 30_000);
    if (failed !== undefined) return unavailable(failed);
    if (i > 0) runsMs.push(run.wallMs); // the first run fills the file cache
    if (run.peakRssMb !== undefined) peak = Math.max(peak ?? 0, run.peakRssMb);
  }
  const result: StartUp = { command: `novlangue ${label}`, bestMs: Math.min(...runsMs), runsMs };
  if (peak !== undefined) result.peakRssMb = peak;
  return available(result);
}
