/**
 * Entry point of the corpus worker threads (piscina). The settings arrive once, as
 * `workerData`; each task is one listed file and its text, read by the main thread (so that
 * reading overlaps with the workers' analysing), analysed by the same function as in-process.
 */
import path from 'node:path';
import { workerData } from 'piscina';
import type { ListedFile } from './01-list.js';
import { analyzeRead, lexiconOf, type RunSettings } from './analyze-file.js';
import type { DocumentText } from './document.js';
import type { CorpusResult } from './types.js';

const settings = workerData as RunSettings;
const lexicon = lexiconOf(settings);

/**
 * Test hook, inert unless set: `NOVLANGUE_TEST_CRASH_ON=<file name>` makes the worker thread
 * that gets that file die on the spot (`process.exit` ends the thread, not the process), so the
 * tests can check that a dead worker's file becomes an `EWORKER` record and the run goes on.
 */
const CRASH_ON = process.env['NOVLANGUE_TEST_CRASH_ON'];

/** One task: a listed file and its text. */
export interface WorkerTask {
  task: ListedFile;
  read: DocumentText;
}

export default function analyzeInWorker({ task, read }: WorkerTask): CorpusResult {
  if (CRASH_ON !== undefined && CRASH_ON !== '' && path.posix.basename(task.file) === CRASH_ON) process.exit(70);
  return analyzeRead(task, read, settings, lexicon);
}
