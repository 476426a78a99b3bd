/**
 * Timing and process measurement: best-of-N wall times in this thread, taken in turns, and
 * child processes timed with their peak resident set size (RSS).
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

/** A function to time, and a cheaper call that warms it up just as well (JIT, caches, lazily loaded models). */
export interface Contender {
  run: () => void;
  warmUp: () => void;
}

/**
 * Best wall times of `contenders`, timed in turns: each is warmed up once, untimed, then each
 * runs once per round, for up to `runs` rounds. A shared machine that slows down for a while
 * then slows every contender of the round alike, and the ratios between them hold better
 * than if each were timed in a block of its own. Rounds stop once a contender has spent
 * `budgetMs` (one round always runs), so that a slow tool cannot stretch the bench past its
 * few minutes. A contender that throws gets the reason instead of a timing and runs no more.
 */
export function bestInTurns(runs: number, contenders: readonly Contender[], budgetMs = Infinity): Array<Outcome<Timing>> {
  const failed: Array<string | undefined> = contenders.map(() => undefined);
  const runsMs: number[][] = contenders.map(() => []);
  const attempt = (k: number, call: () => void): number | undefined => {
    if (failed[k] !== undefined) return undefined;
    const start = performance.now();
    try {
      call();
    } catch (error) {
      failed[k] = reasonOf(error);
      return undefined;
    }
    return performance.now() - start;
  };
  contenders.forEach((contender, k) => attempt(k, contender.warmUp));
  const spent = contenders.map(() => 0);
  // Would contender k's next run, as long as its best, stay within the budget?
  const fits = (k: number): boolean => failed[k] !== undefined || spent[k]! + Math.min(...runsMs[k]!) <= budgetMs;
  for (let round = 0; round < runs && (round === 0 || contenders.every((_, k) => fits(k))); round++) {
    contenders.forEach((contender, k) => {
      const took = attempt(k, contender.run);
      if (took === undefined) return;
      runsMs[k]!.push(took);
      spent[k]! += took;
    });
  }
  return contenders.map((_, k) => (failed[k] !== undefined ? unavailable(failed[k]) : available({ bestMs: Math.min(...runsMs[k]!), runsMs: runsMs[k]! })));
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
