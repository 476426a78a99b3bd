/**
 * One listed file to its record. The same function runs in this thread and in the workers, so
 * a run gives the same records, byte for byte, with or without `jobs`. It never throws.
 */
import { analyze } from '../analyze.js';
import { loadLexicon, type Lexicon } from '../lexicon/compile.js';
import type { Lang, LexiconData, LexiconEntry } from '../types.js';
import type { ListedFile } from './01-list.js';
import { readDocument } from './document.js';
import { failure } from './errors.js';
import { analyzeOptionsFor } from './lang.js';
import { leanResult } from './lean.js';
import type { CorpusDocument, CorpusResult } from './types.js';

/** Settings shared by every file of a run; plain data, so workers receive them once. */
export interface RunSettings {
  lang: Lang | 'auto';
  maxBytes: number;
  /** A custom lexicon as data (`undefined`: the bundled one), recompiled once per worker. */
  lexicon: { data: LexiconData; label: string } | undefined;
  /** Records without tokens and sentences (see `leanResult`): what reports need. */
  lean: boolean;
}

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

/** Read and analyse one file; any failure becomes the file's record. */
export async function analyzeFile(task: ListedFile, settings: RunSettings, lexicon: Lexicon | undefined): Promise<CorpusResult> {
  let document;
  try {
    document = await readDocument(task.path, { maxBytes: settings.maxBytes, name: task.file });
  } catch (error) {
    return failure(task.file, error, 'EIO');
  }
  try {
    const analysis = analyze(document.text, analyzeOptionsFor(settings.lang, lexicon));
    const { bytes, format, encoding, meta, text } = document;
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
