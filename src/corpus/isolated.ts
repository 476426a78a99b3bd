/**
 * One worker thread of its own, with V8's default heap (a few GB, as the main thread's) rather
 * than a pool worker's limit, for the files that could exhaust the heap of the thread that
 * would analyse them: a file too large for a pool worker sized by the run's largest file (a
 * PDF's text can outgrow its file many times), and in a run without a pool, every very long
 * text. If the file kills that thread too, it costs only itself an EWORKER record: the run
 * goes on, instead of dying with the main thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ListedFile } from './01-list.js';
import { finish, type RunOutput, type RunSettings } from './run-output.js';
import type { DocumentText } from '../documents/index.js';
import { failure } from './errors.js';
import type { WorkerData, WorkerTask } from './worker.js';

export const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Is there a built worker module? Run from the TypeScript sources (tsx, vitest), there is
 * none, and runs stay in this thread, with the same results.
 */
export const workerBuilt = (): boolean => existsSync(fileURLToPath(WORKER));

/**
 * Texts at least this long are analysed in a thread of their own in runs without a pool:
 * finding-dense French takes up to ~90 MB of heap per million characters with its jsonl line,
 * so from here on a text could approach the heap of the main thread (about 4 GB), and a worker
 * starting in a second is small change next to its analysis.
 */
export const ISOLATED_CHARS = 8_000_000;

/** A file's EWORKER record: the thread analysing it died (a crash, out of memory). */
export function workerStopped(file: string, error: unknown, settings: RunSettings): RunOutput {
  return finish(failure(file, new Error(`the worker analysing it stopped (${error instanceof Error ? error.message : String(error)})`), 'EWORKER'), settings);
}

export class IsolatedWorker {
  private pool: Piscina | undefined;

  /** `states`: see `file-states.ts`, indexed like the run's listed items. */
  constructor(
    private readonly settings: RunSettings,
    private readonly states: Uint8Array,
  ) {}

  /**
   * The record (or line) of the listed file at `index`, analysed in the thread, started on
   * first use. `read`: its text when this thread has it already (a PDF is not extracted twice).
   * `signal` (the run's) stops the thread at once: a long analysis does not hold up an
   * interrupted run.
   */
  async analyse(file: ListedFile, index: number, read?: DocumentText, signal?: AbortSignal): Promise<RunOutput> {
    this.pool ??= new Piscina({
      filename: WORKER.href,
      minThreads: 0,
      maxThreads: 1,
      workerData: { settings: this.settings, states: this.states } satisfies WorkerData,
      atomics: 'disabled',
    });
    try {
      const task: WorkerTask = read ? { files: [file], indexes: [index], read } : { files: [file], indexes: [index] };
      return ((await this.pool.run(task, signal ? { signal } : {})) as RunOutput[])[0]!;
    } catch (error) {
      return workerStopped(file.file, error, this.settings);
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
