/**
 * Entry point of the corpus worker threads (piscina). The settings arrive once, as
 * `workerData`; each task is one listed file, analysed by the same function as in-process.
 */
import { workerData } from 'piscina';
import type { ListedFile } from './01-list.js';
import { analyzeFile, lexiconOf, type RunSettings } from './analyze-file.js';
import type { CorpusResult } from './types.js';

const settings = workerData as RunSettings;
const lexicon = lexiconOf(settings);

export default function analyzeInWorker(task: ListedFile): Promise<CorpusResult> {
  return analyzeFile(task, settings, lexicon);
}
