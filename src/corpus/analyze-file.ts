/**
 * One listed file to its record, in two steps: `readTask` (asynchronous reads in this thread,
 * blocking ones in a worker) and `analyzeRead` (synchronous), then `finish` (its report line, in
 * streamed runs). The same functions run with or without `jobs`, so a run gives the same
 * records, byte for byte. None throws.
 */
import { analyze } from '../analyze.js';
import { loadLexicon, type Lexicon } from '../lexicon/compile.js';
import type { Lang, LexiconData, LexiconEntry } from '../types.js';
import type { ListedFile } from './01-list.js';
import { ASYNC_READERS, readDocumentWith, type DocumentText, type FileReaders } from './document.js';
import { failure } from './errors.js';
import { analyzeOptionsFor } from './lang.js';
import { leanResult } from './lean.js';
import { recordLine, type LineFormat, type RecordLine } from './lines.js';
import type { CorpusDocument, CorpusFailure, CorpusResult } from './types.js';

/** Settings shared by every file of a run; plain data, so workers receive them once. */
export interface RunSettings {
  lang: Lang | 'auto';
  maxBytes: number;
  /** A custom lexicon as data (`undefined`: the bundled one), recompiled once per worker. */
  lexicon: { data: LexiconData; label: string } | undefined;
  /** Records without tokens and sentences (see `leanResult`): what reports need. */
  lean: boolean;
  /** Streamed runs: each record as its report line (`RecordLine`) instead of an object. */
  line: LineFormat | undefined;
}

/** What a run yields per file: a record, or in streamed runs its line. */
export type RunOutput = CorpusResult | RecordLine;

/** A compiled lexicon back to the data it was compiled from, entry order kept (it breaks ties). */
export function lexiconData(lexicon: Lexicon): RunSettings['lexicon'] {
  const entries = lexicon.entries.map((compiled): LexiconEntry => {
    const { id, category, patterns, weight, note, section, context } = compiled;
    return context ? { id, category, patterns, weight, note, section, context } : { id, category, patterns, weight, note, section };
  });
  return { data: { lang: lexicon.lang, entries }, label: lexicon.sources.join(' + ') };
}

/** The compiled lexicon of settings (cached per settings object, so once per worker). */
const compiled = new WeakMap<RunSettings, Lexicon>();
export function lexiconOf(settings: RunSettings): Lexicon | undefined {
  if (!settings.lexicon) return undefined;
  let lexicon = compiled.get(settings);
  if (!lexicon) {
    lexicon = loadLexicon(settings.lexicon.data, settings.lexicon.label);
    compiled.set(settings, lexicon);
  }
  return lexicon;
}

/** Read one listed file; a failure to read becomes the file's record. Never throws. */
export async function readTask(task: ListedFile, settings: RunSettings, readers: FileReaders = ASYNC_READERS): Promise<DocumentText | CorpusFailure> {
  try {
    return await readDocumentWith(task.path, { maxBytes: settings.maxBytes, name: task.file }, readers);
  } catch (error) {
    return failure(task.file, error, 'EIO');
  }
}

/** Analyse a file's text (or pass its read failure on); any failure becomes the file's record. */
export function analyzeRead(task: ListedFile, read: DocumentText | CorpusFailure, settings: RunSettings, lexicon: Lexicon | undefined): CorpusResult {
  if ('error' in read) return read;
  try {
    const analysis = analyze(read.text, analyzeOptionsFor(settings.lang, lexicon));
    const { bytes, format, encoding, meta, text } = read;
    const record = { file: task.file, folder: task.folder, format, encoding, bytes, meta } as CorpusDocument;
    // Copy the analysis by descriptors, not by spreading: a spread reads `tokens`, whose getter
    // places every token, and a lean record would then throw the work away.
    Object.defineProperties(record, Object.getOwnPropertyDescriptors(analysis));
    record.text = text;
    return settings.lean ? (leanResult(record) as CorpusResult) : record;
  } catch (error) {
    return failure(task.file, error, 'EANALYZE');
  }
}

/** A record as the run yields it: itself, or its report line. */
export function finish(result: CorpusResult, settings: RunSettings): RunOutput {
  return settings.line ? recordLine(result, settings.line) : result;
}
