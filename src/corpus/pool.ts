/**
 * Parallel runs: a piscina pool of worker threads and a reorder buffer, so records come out in
 * the listed order however the work is scheduled, and at most `window` of them wait in memory.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Listed } from './01-list.js';
import { readTask, type RunSettings } from './analyze-file.js';
import { failure } from './errors.js';
import type { CorpusResult } from './types.js';
import type { WorkerTask } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Each worker thread loads the analyser, compiles the lexicons and rules and warms up before
 * its first file: about a second, the time one thread needs to analyse this much text.
 */
export const DEFAULT_MIN_POOL_BYTES = 2 * 1024 * 1024;

/**
 * Is a pool worth starting? Only for more than two files per thread and enough text to repay
 * the threads' start-up (`minBytes`); a smaller run is faster in this thread. It also takes
 * the built worker module: run from the TypeScript sources (tsx, vitest), there is none, and
 * the run stays in this thread, with the same results.
 */
export function poolPays(jobs: number, files: number, bytes: number, minBytes: number): boolean {
  return jobs > 1 && files > 2 * jobs && bytes >= minBytes && existsSync(fileURLToPath(WORKER));
}

/** Records of `listed`, in order, computed by `jobs` worker threads. */
export async function* runInPool(listed: readonly Listed[], settings: RunSettings, jobs: number, signal: AbortSignal | undefined): AsyncGenerator<CorpusResult> {
  const pool = new Piscina({
    filename: WORKER.href,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: settings,
    // A task reads its file asynchronously; with piscina's default 'sync' atomics an idle
    // worker blocks in Atomics.wait and is fed late (measured: workers waiting 13% of the run).
    atomics: 'disabled',
  });
  // A worker that fails outside a task (e.g. while loading) must not crash the run: the tasks
  // in flight then, and every task after, reject, and their files become EWORKER records.
  // (Racing each task against one never-settling "broken" promise would leak: every race
  // leaves a reaction on it that keeps its result alive until the end of the run.)
  let broken: unknown;
  const inFlight = new Set<(error: unknown) => void>();
  pool.on('error', (error: unknown) => {
    broken ??= error;
    for (const reject of inFlight) reject(error);
  });
  // Enough in flight to keep every thread busy while the oldest file is still being read.
  const window = jobs * 4;
  const pending = new Map<number, Promise<CorpusResult>>();
  const submit = (index: number): Promise<CorpusResult> => {
    const item = listed[index]!;
    if ('error' in item) return Promise.resolve(item);
    // The main thread reads (asynchronously, while the workers analyse); a worker gets the text.
    const task = readTask(item, settings).then(
      (read) =>
        'error' in read
          ? read
          : new Promise<CorpusResult>((resolve, reject) => {
              if (broken !== undefined) return reject(broken);
              inFlight.add(reject);
              const work: WorkerTask = { task: item, read };
              (pool.run(work) as Promise<CorpusResult>).then(resolve, reject).finally(() => inFlight.delete(reject));
            }),
    );
    // A task rejects only when its worker died (out of memory, a crash): the file is a record too.
    return task.catch((error: unknown) =>
      failure(item.file, new Error(`the worker analysing it stopped (${error instanceof Error ? error.message : String(error)})`), 'EWORKER'),
    );
  };
  let next = 0;
  try {
    for (let index = 0; index < listed.length; index++) {
      while (next < listed.length && next < index + window) pending.set(next, submit(next++));
      const result = await pending.get(index)!;
      pending.delete(index);
      if (signal?.aborted) return;
      yield result;
    }
  } finally {
    await pool.destroy();
  }
}
