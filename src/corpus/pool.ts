/**
 * Parallel runs: a piscina pool of worker threads fed batches of consecutive files, and a
 * reorder buffer, so records come out in the listed order however the work is scheduled, and
 * at most `window` batches wait in memory.
 */
import { Piscina } from 'piscina';
import type { Listed, ListedFile } from './01-list.js';
import { ANALYSING, fileStates } from './file-states.js';
import { IsolatedWorker, WORKER, workerBuilt, workerStopped } from './isolated.js';
import { finish, type RunOutput, type RunSettings } from './run-output.js';
import type { WorkerData, WorkerTask } from './worker.js';

/**
 * A batch closes at this many bytes or files: each task costs two messages between threads and
 * a wake-up of each thread, which for one file of 3 KB is a tenth of its analysis.
 */
const BATCH_BYTES = 64 * 1024;
const BATCH_FILES = 32;

/**
 * Is a pool worth starting? Only for more than two files per thread and enough text to repay
 * the threads' start-up (`minBytes`); a smaller run is faster in this thread. It also takes
 * the built worker module (see `workerBuilt`).
 */
export function poolPays(jobs: number, files: number, bytes: number, minBytes: number): boolean {
  return jobs > 1 && files > 2 * jobs && bytes >= minBytes && workerBuilt();
}

/**
 * The indexes of `listed` in batches of consecutive items, of up to `BATCH_BYTES` or
 * `BATCH_FILES` files, and never so few batches that a thread would wait for work (at least
 * four per thread). Listed failures ride along; the main thread yields them.
 */
export function batches(listed: readonly Listed[], jobs: number): number[][] {
  const files = listed.reduce((count, item) => count + ('error' in item ? 0 : 1), 0);
  const maxFiles = Math.max(1, Math.min(BATCH_FILES, Math.floor(files / (jobs * 4))));
  const out: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  let count = 0;
  listed.forEach((item, index) => {
    batch.push(index);
    if ('error' in item) return;
    bytes += item.size;
    if (++count >= maxFiles || bytes >= BATCH_BYTES) {
      out.push(batch);
      batch = [];
      bytes = 0;
      count = 0;
    }
  });
  if (batch.length > 0) out.push(batch);
  return out;
}

/** Least old-generation heap of a worker, in MB. */
const MIN_WORKER_HEAP_MB = 128;

/**
 * The old-generation limit of each worker's heap, in MB. Unlimited, V8 lets a worker's heap
 * grow to several times what it holds, lexicons and taggers included (two workers on a folder
 * of small files: about 500 MB of RSS; limited, about 375 MB at the same speed). A large file
 * needs room for its analysis and its report line at once: the least old generation that
 * analyses one file to its jsonl line is 150 to 200 MB for 4 MB of finding-dense French (the
 * bench text, ~45 MB per MB) and 100 to 150 MB for 1 MB of one term repeated (the densest
 * text there is). So the limit grows by 160 MB per MB of the largest file of the run: a worker
 * that ran out of heap would cost its file an EWORKER record. (Text extracted from a PDF can
 * outgrow its file; the margin is for that too.)
 */
export function workerHeapMb(largestFileBytes: number): number {
  return Math.max(MIN_WORKER_HEAP_MB, Math.ceil(64 + (160 * largestFileBytes) / 1e6));
}

/**
 * The young-generation limit of each worker's heap, in MB (V8 sizes the semi-spaces from it):
 * left to V8, the two workers' young generations grow until a run over many small files
 * breaks the peak-memory target; `npm run bench` shows the figures.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/** Times a file is sent to a worker before it counts as the one that kills them. */
const MAX_TRIES = 3;

/** Records (or lines) of `listed`, in order, computed by `jobs` worker threads. */
export async function* runInPool(listed: readonly Listed[], settings: RunSettings, jobs: number, signal: AbortSignal | undefined): AsyncGenerator<RunOutput> {
  const states = fileStates(listed.length);
  const largest = listed.reduce((max, item) => ('error' in item ? max : Math.max(max, item.size)), 0);
  const pool = new Piscina({
    filename: WORKER.href,
    minThreads: jobs,
    maxThreads: jobs,
    workerData: { settings, states } satisfies WorkerData,
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(largest), maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    // A task is an async function; with piscina's default 'sync' atomics an idle
    // worker blocks in Atomics.wait and is fed late (measured: workers waiting 13% of the run).
    atomics: 'disabled',
    // A second batch waits in each worker, so that it starts on it as soon as it is done with
    // the first, instead of waiting for the main thread to hear of it and send another.
    concurrentTasksPerWorker: 2,
  });
  // A worker that fails outside a task (e.g. while loading) must not crash the run: the tasks
  // in flight then, and every task after, reject, and their files become EWORKER records.
  // (Racing each task against one never-settling "broken" promise would leak: every race
  // leaves a reaction on it that keeps its result alive until the end of the run.)
  let broken: unknown;
  let closing = false;
  const inFlight = new Set<(error: unknown) => void>();
  pool.on('error', (error: unknown) => {
    broken ??= error;
    for (const reject of inFlight) reject(error);
  });
  const fileAt = (index: number): ListedFile => listed[index] as ListedFile;
  const run = (indexes: number[]): Promise<RunOutput[]> =>
    new Promise<RunOutput[]>((resolve, reject) => {
      if (broken !== undefined) return reject(broken);
      inFlight.add(reject);
      const task: WorkerTask = { files: indexes.map(fileAt), indexes };
      (pool.run(task) as Promise<RunOutput[]>).then(resolve, reject).finally(() => inFlight.delete(reject));
    });
  const stopped = (index: number, error: unknown): RunOutput => workerStopped(fileAt(index).file, error, settings);
  // A file can need more heap than its size foretold (a PDF's text outgrows its file): it is
  // analysed again, alone, by a worker without the limit. The run's results then stay those of
  // a run in one thread; only a file that kills that worker too is an EWORKER record.
  const roomy = new IsolatedWorker(settings, states);
  const culprit = (index: number, error: unknown, gaveUp: boolean): Promise<RunOutput> =>
    !gaveUp && (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? roomy.analyse(fileAt(index), index) : Promise.resolve(stopped(index, error));
  // A task rejects only when its worker died: the file it was analysing is to blame, and the
  // others (waiting, or done but lost with it) are sent again, a few times at most.
  const attempt = async (indexes: number[], tries: number): Promise<RunOutput[]> => {
    try {
      return await run(indexes);
    } catch (error) {
      const gaveUp = broken !== undefined || closing || tries >= MAX_TRIES;
      const blamed = indexes.map((index) => gaveUp || Atomics.load(states, index) === ANALYSING);
      const again = indexes.filter((_, i) => !blamed[i]);
      const [redone, culprits] = await Promise.all([
        again.length > 0 ? attempt(again, tries + 1) : [],
        Promise.all(indexes.map((index, i) => (blamed[i] ? culprit(index, error, gaveUp) : undefined))),
      ]);
      let next = 0;
      return indexes.map((_, i) => culprits[i] ?? redone[next++]!);
    }
  };
  const submit = async (batch: readonly number[]): Promise<RunOutput[]> => {
    const indexes = batch.filter((index) => !('error' in listed[index]!));
    const results = indexes.length === 0 ? [] : await attempt(indexes, 1);
    let next = 0;
    return batch.map((index) => {
      const item = listed[index]!;
      return 'error' in item ? finish(item, settings) : results[next++]!;
    });
  };
  const all = batches(listed, jobs);
  // Enough batches in flight to keep every thread busy while the oldest batch is being analysed.
  const window = jobs * 4;
  const pending = new Map<number, Promise<RunOutput[]>>();
  let next = 0;
  try {
    for (let index = 0; index < all.length; index++) {
      while (next < all.length && next < index + window) pending.set(next, submit(all[next++]!));
      const results = await pending.get(index)!;
      pending.delete(index);
      for (const result of results) {
        if (signal?.aborted) return;
        yield result;
      }
    }
  } finally {
    closing = true;
    await Promise.all([pool.destroy(), roomy.close()]);
  }
}
