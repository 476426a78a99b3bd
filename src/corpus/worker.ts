/**
 * Entry point of the corpus worker threads (piscina). The settings arrive once, as
 * `workerData`; each task is a batch of consecutive listed files, which the worker reads and
 * analyses with the same functions as a run in one thread. Reading here rather than in the
 * main thread leaves the main thread nothing but writing records in order; batches cut the
 * per-task cost of messages between threads (see `pool.ts`).
 */
import path from 'node:path';
import { workerData } from 'piscina';
import type { ListedFile } from './01-list.js';
import { analyzeRead, customOf, readTask } from './analyze-file.js';
import type { DocumentText } from '../documents/index.js';
import { ANALYSING, DONE } from './file-states.js';
import { finish, type RunOutput, type RunSettings } from './run-output.js';

/** What every worker of a run receives once. */
export interface WorkerData {
  settings: RunSettings;
  /** See `file-states.ts`; indexed like the run's listed items. */
  states: Uint8Array;
}

const { settings, states } = workerData as WorkerData;
const custom = customOf(settings);

/**
 * Test hook, inert unless set: `NOVLANGUE_TEST_CRASH_ON=<file name>` makes the worker thread
 * that gets that file die on the spot (`process.exit` ends the thread, not the process), so the
 * tests can check that a dead worker's file becomes an `EWORKER` record and the run goes on.
 */
const CRASH_ON = process.env['NOVLANGUE_TEST_CRASH_ON'];

/** One task: listed files, and their indexes in the run's list. */
export interface WorkerTask {
  files: ListedFile[];
  indexes: number[];
  /** The document of the task's one file, when the thread that sends it has read it already (a very long text): not read again. */
  read?: DocumentText;
}

/** The files' records (or lines), in the order of the task. */
export default async function analyzeInWorker({ files, indexes, read: given }: WorkerTask): Promise<RunOutput[]> {
  const out: RunOutput[] = [];
  for (let i = 0; i < files.length; i++) {
    const task = files[i]!;
    const read = given && files.length === 1 ? given : await readTask(task, settings);
    Atomics.store(states, indexes[i]!, ANALYSING);
    if (CRASH_ON !== undefined && CRASH_ON !== '' && path.posix.basename(task.file) === CRASH_ON) process.exit(70);
    out.push(finish(analyzeRead(task, read, settings, custom), settings));
    Atomics.store(states, indexes[i]!, DONE);
  }
  return out;
}
