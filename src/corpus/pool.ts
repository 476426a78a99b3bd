/**
 * Parallel runs: a piscina pool of worker threads and a reorder buffer, so records come out in
 * the listed order however the work is scheduled, and at most `window` of them wait in memory.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Listed } from './01-list.js';
import type { RunSettings } from './analyze-file.js';
import { failure } from './errors.js';
import type { CorpusResult } from './types.js';

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Is a pool worth starting? Each thread loads the analyser and compiles the lexicon first (a
 * fraction of a second), so it takes more than two files per thread. It also takes the built
 * worker module: run from the TypeScript sources (tsx, vitest), there is none, and the run
 * stays in this thread, with the same results.
 */
export function poolPays(jobs: number, files: number): boolean {
  return jobs > 1 && files > 2 * jobs && existsSync(fileURLToPath(WORKER));
}

/** Records of `listed`, in order, computed by `jobs` worker threads. */
export async function* runInPool(listed: readonly Listed[], settings: RunSettings, jobs: number, signal: AbortSignal | undefined): AsyncGenerator<CorpusResult> {
  const pool = new Piscina({
    filename: WORKER.href,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: settings,
  });
  // A worker that fails outside a task (e.g. while loading) must not crash the run: its tasks
  // reject, and their files become EWORKER records.
  const broken = new Promise<never>((_, reject) => {
    pool.on('error', reject);
  });
  broken.catch(() => undefined); // observed through the races below
  // Enough in flight to keep every thread busy while the oldest file is still being read.
  const window = jobs * 4;
  const pending = new Map<number, Promise<CorpusResult>>();
  const submit = (index: number): Promise<CorpusResult> => {
    const item = listed[index]!;
    if ('error' in item) return Promise.resolve(item);
    // A task rejects only when its worker died (out of memory, a crash): the file is a record too.
    return Promise.race([pool.run(item) as Promise<CorpusResult>, broken]).catch((error: unknown) =>
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
