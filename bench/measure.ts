/**
 * Timing and process measurement: best-of-N wall times in this thread, and child processes
 * timed with their peak resident set size (RSS).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A part of the bench that ran, or why it could not. The bench never stops on one missing part. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export const available = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const unavailable = <T>(reason: string): Outcome<T> => ({ ok: false, reason });

/** Message of anything thrown, on one line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

/** Wall times of one measured function. */
export interface Timing {
  /** Fastest run, in ms: the least disturbed by the rest of the machine. */
  bestMs: number;
  /** Every timed run, in ms, in order. */
  runsMs: number[];
}

/**
 * Best wall time of up to `runs` calls of `fn`, after one untimed warm-up call (JIT, caches,
 * lazily loaded models). `warmUp` replaces that call when a cheaper one warms up just as well.
 * Runs stop early once `budgetMs` is spent (at least one always runs), so that a slow tool
 * cannot stretch the bench past its few minutes.
 */
export function bestOf(runs: number, fn: () => void, warmUp: () => void = fn, budgetMs = Infinity): Timing {
  warmUp();
  const runsMs: number[] = [];
  let spent = 0;
  for (let i = 0; i < runs && (i === 0 || spent + Math.min(...runsMs) <= budgetMs); i++) {
    const start = performance.now();
    fn();
    const took = performance.now() - start;
    runsMs.push(took);
    spent += took;
  }
  return { bestMs: Math.min(...runsMs), runsMs };
}

/** How a child process was measured. */
export interface ProcessRun {
  /** Exit status, or `null` when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** Peak RSS in MB (10^6 bytes) of the process and its worker threads, which share it. */
  peakRssMb: number | undefined;
  timedOut: boolean;
  /** The last few KB of stdout and stderr. */
  stdout: string;
  stderr: string;
}

const KEEP = 4096;

/**
 * How peak RSS is read: GNU time's `%M` (the kernel's `ru_maxrss`, in KB) when `/usr/bin/time`
 * supports `-f`, else `VmHWM` polled from `/proc/<pid>/status`, else not at all.
 */
export type RssProbe = 'gnu-time' | 'proc-vmhwm' | 'none';

export function rssProbe(scratch: string): RssProbe {
  const out = join(scratch, 'time-probe.txt');
  try {
    const probe = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, '-e', '0'], { stdio: 'ignore', timeout: 10_000 });
    if (probe.status === 0 && /^\d+\s*$/.test(readFileSync(out, 'utf8'))) return 'gnu-time';
  } catch {
    // no /usr/bin/time, or not GNU's: try /proc
  } finally {
    rmSync(out, { force: true });
  }
  return existsSync(`/proc/${process.pid}/status`) ? 'proc-vmhwm' : 'none';
}

function vmHwmKb(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // the process has exited
  }
}

/**
 * Run `node <args>` and measure its wall time and peak RSS. The child gets its own process
 * group so that a timeout ends it together with GNU time's wrapper, and nothing else.
 */
export function runNode(args: readonly string[], options: { probe: RssProbe; scratch: string; timeoutMs: number; cwd: string }): Promise<ProcessRun> {
  const rssFile = join(options.scratch, `rss-${process.pid}-${Date.now()}.txt`);
  const [command, argv] = options.probe === 'gnu-time'
    ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, [...args]];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout = (stdout + chunk).slice(-KEEP); });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-KEEP); });
    let polledKb: number | undefined;
    const poll = options.probe === 'proc-vmhwm' && child.pid !== undefined
      ? setInterval(() => {
        const kb = vmHwmKb(child.pid!);
        if (kb !== undefined) polledKb = Math.max(polledKb ?? 0, kb);
      }, 20)
      : undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void => {
      const wallMs = performance.now() - start;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let peakKb = polledKb;
      if (options.probe === 'gnu-time') {
        try {
          // GNU time writes "Command exited with non-zero status N" before the figure.
          const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
          const kb = Number(lines[lines.length - 1]);
          if (Number.isFinite(kb) && kb > 0) peakKb = kb;
        } catch {
          // killed before GNU time could write
        }
        rmSync(rssFile, { force: true });
      }
      resolve({
        code,
        signal,
        wallMs,
        peakRssMb: peakKb === undefined ? undefined : (peakKb * 1024) / 1e6,
        timedOut,
        stdout,
        stderr: spawnError ? `${stderr}${spawnError.message}` : stderr,
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** First meaningful line of a process's stderr (or stdout), for a "not available" reason. */
export function firstLine(run: ProcessRun): string {
  const line = `${run.stderr}\n${run.stdout}`.split('\n').map((l) => l.trim()).find((l) => l !== '' && !/^Command exited with/.test(l));
  return (line ?? '').slice(0, 200);
}
