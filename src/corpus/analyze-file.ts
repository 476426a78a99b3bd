/**
 * One listed file to its record, in two steps: `readTask` (blocking reads, in the main thread as
 * in a worker) and `analyzeRead` (synchronous), then `finish` (its report line, in
 * streamed runs; see `run-output.ts`). The same functions run with or without `jobs`, so a run
 * gives the same records, byte for byte. None throws.
 */
import { analyze } from '../analyze.js';
import { loadLexicon } from '../lexicon/compile.js';
import { loadRules } from '../rules/load.js';
import { loadStance } from '../stance/markers.js';
import type { ListedFile } from './01-list.js';
import { BLOCKING_IO, readDocumentWith, type DocumentText } from '../documents/index.js';
import { failure } from './errors.js';
import { analyzeOptionsFor, type CustomData } from './lang.js';
import { leanResult } from './lean.js';
import { suppressFindings } from './suppress.js';
import type { RunSettings } from './run-output.js';
import type { CorpusDocument, CorpusFailure, CorpusResult } from '../records.js';

/** The rule ids a run disables, as a set (cached per settings object, like the custom data). */
const disabledSets = new WeakMap<RunSettings, ReadonlySet<string>>();
function disabledOf(settings: RunSettings): ReadonlySet<string> {
  let disabled = disabledSets.get(settings);
  if (!disabled) disabledSets.set(settings, (disabled = new Set(settings.disable ?? [])));
  return disabled;
}

/** The custom data of settings, compiled (cached per settings object, so once per worker). */
const compiled = new WeakMap<RunSettings, CustomData>();
export function customOf(settings: RunSettings): CustomData {
  let custom = compiled.get(settings);
  if (!custom) {
    const { lexicon, rules, stance } = settings;
    custom = {
      lexicon: lexicon && lexicon.map(({ data, label }) => loadLexicon(data, label)),
      rules: rules && loadRules(rules.data, rules.label),
      stance: stance && loadStance(stance.data, stance.label),
    };
    compiled.set(settings, custom);
  }
  return custom;
}

/**
 * Read one listed file; a failure to read becomes the file's record. Never throws. The reads
 * block: the thread of a run has nothing else to do while it waits, and asynchronous reads cost
 * it more than they spare. A file takes some seven asynchronous calls (open, stat, read until
 * the end, stat, close, its sidecar), each resumed only when the thread, busy analysing, yields:
 * in one thread over 10,000 small files, 12 s instead of 14 to 18 s (a tenth of the CPU profile
 * in fs/promises, and the thread idle another tenth of the run).
 */
export async function readTask(task: ListedFile, settings: RunSettings): Promise<DocumentText | CorpusFailure> {
  try {
    return await readDocumentWith(task.path, { maxBytes: settings.maxBytes, name: task.file }, BLOCKING_IO);
  } catch (error) {
    return failure(task.file, error, 'EIO');
  }
}

/** Analyse a file's text (or pass its read failure on); any failure becomes the file's record. */
export function analyzeRead(task: ListedFile, read: DocumentText | CorpusFailure, settings: RunSettings, custom: CustomData): CorpusResult {
  if ('error' in read) return read;
  try {
    const analysis = analyze(read.text, analyzeOptionsFor(settings.lang, custom, settings.weights));
    const suppressed = suppressFindings(analysis, read.suppressions ?? [], disabledOf(settings), settings.weights);
    const { bytes, format, encoding, meta, text } = read;
    const record = { file: task.file, folder: task.folder, format, encoding, bytes, meta } as CorpusDocument;
    // Copy the analysis by descriptors, not by spreading: a spread reads `tokens`, whose getter
    // places every token, and a lean record would then throw the work away.
    Object.defineProperties(record, Object.getOwnPropertyDescriptors(analysis));
    record.text = text;
    if (text.trim() === '') record.empty = true;
    const warnings = [...(task.warnings ?? []), ...(read.warnings ?? [])];
    if (warnings.length > 0) record.warnings = warnings;
    if (suppressed.length > 0) record.suppressed = suppressed;
    return settings.lean ? (leanResult(record) as CorpusResult) : record;
  } catch (error) {
    return failure(task.file, error, 'EANALYZE');
  }
}
