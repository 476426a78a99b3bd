/**
 * The records of a corpus run: one per input file, and the summary of a run. The corpus run
 * makes them and the reports read them; both import them from here, never from each other.
 * Everything here is plain JSON, like `Analysis`: it survives `JSON.parse(JSON.stringify(x))`.
 */
import type { Analysis, Category, CategoryStats, DocumentStance } from './types.js';

/** What a file was read as, from its extension (see `FORMAT_OF_EXTENSION`). */
export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf';

/**
 * How the bytes of a text file were decoded. `utf-8-bom`, `utf-16le` and `utf-16be` were told
 * by a byte order mark; `windows-1252` is the fallback when the bytes are not valid UTF-8
 * (it also reads ISO-8859-1).
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A JSON value, as found in a sidecar `name.meta.json` or a Markdown front matter. */
export type MetaValue = string | number | boolean | null | MetaValue[] | { [key: string]: MetaValue };

/** Metadata of a document: its front matter, overridden field by field by its sidecar file. */
export type Meta = Record<string, MetaValue>;

/**
 * Why a file has no analysis. Every input path gets a record, so a code exists for each way a
 * file can fail; see docs/CLI.md, "Error codes", for what to do about each.
 */
export type CorpusErrorCode =
  | 'ENOENT'
  | 'EACCES'
  | 'EISDIR'
  | 'ESPECIAL'
  | 'ELOOP'
  | 'EDUPLICATE'
  | 'EFORMAT'
  | 'ETOOLARGE'
  | 'EBINARY'
  | 'EDECODE'
  | 'EEXTRACT'
  | 'EPDF_NO_TEXT'
  | 'EPDF_PARSE'
  | 'EMETA'
  | 'ECHANGED'
  | 'EIO'
  | 'EANALYZE'
  | 'EWORKER';

/** A file that was read and analysed: the `Analysis` of its extracted text, and where it came from. */
export interface CorpusDocument extends Analysis {
  /** The path as given or as found under a given folder, with `/` separators. */
  file: string;
  /**
   * First folder level under the folder (or glob base) the file was found in, e.g. `lyon` for
   * `corpus/lyon/2021/a.txt` found under `corpus`; `null` for a file directly in it or named
   * on its own. The default grouping of `summarizeCorpus`.
   */
  folder: string | null;
  /** Size of the file in bytes. */
  bytes: number;
  format: DocumentFormat;
  /** Encoding of a text file; `null` for a PDF. */
  encoding: TextEncoding | null;
  meta: Meta;
  /** The extracted text: what was analysed, and what every finding's offsets refer to. */
  text: string;
  /** Present and `true` when the file holds no text (or only whitespace): left out of group figures. */
  empty?: true;
  /** What was wrong with the document but did not stop its analysis (a front matter typo, a misnamed sidecar). */
  warnings?: RecordWarning[];
  /**
   * Findings left out by a `novlangue-disable` comment or a disabled rule, counted per rule
   * (rule ids in order): not in `findings`, not in the score, but never silently lost.
   */
  suppressed?: SuppressedCount[];
}

/** A problem with a document that did not stop its analysis. */
export interface RecordWarning {
  /** `EFRONTMATTER`: the front matter could not be read (its fields are missing); `ESIDECAR`: a file next to it looks like a misnamed sidecar. */
  code: 'EFRONTMATTER' | 'ESIDECAR';
  /** What is wrong and where: the file, the line when there is one, and what to do. */
  message: string;
}

/**
 * A problem a run found that belongs to no record: a sidecar `x.meta.json` next to no document
 * `x` (and close to none). Given to `CorpusOptions.onWarning`; the CLI prints it on stderr.
 */
export interface CorpusWarning {
  /** The file the warning is about (the sidecar), named as records name files. */
  file: string;
  code: 'ESIDECAR';
  /** What is wrong, naming the file, and what happens (it is not read). */
  message: string;
}

/** How many findings of a rule a document's suppressions left out. */
export interface SuppressedCount {
  ruleId: string;
  count: number;
}

/** A file that could not be analysed. One bad file never stops the run. */
export interface CorpusFailure {
  file: string;
  error: { code: CorpusErrorCode; message: string };
}

/** One record of `analyzeCorpus()`: a document or a failure. Tell them apart with `isCorpusFailure`. */
export type CorpusResult = CorpusDocument | CorpusFailure;

/**
 * A document record without its tokens and sentences: what summaries and reports need. Keeping
 * these instead of full results holds a large corpus in a fraction of the memory.
 */
export type CorpusDocumentLean = Omit<CorpusDocument, 'tokens' | 'sentences'>;

/** A record as summaries and reports take it: a full or lean document, or a failure. */
export type ReportResult = CorpusDocumentLean | CorpusFailure;

/** True when the record is a failure. */
export function isCorpusFailure(result: ReportResult): result is CorpusFailure {
  return 'error' in result;
}

/** Count, weighted points and rate of a category over several documents. */
export interface CategoryTotal extends CategoryStats {
  /** Number of documents with at least one finding of the category. */
  documents: number;
}

/** Mean, median and maximum of document scores (0 when there are no documents). */
export interface ScoreStats {
  mean: number;
  median: number;
  max: number;
}

/** A document's line in the ranking. */
export interface RankedDocument {
  /** 1-based position: score descending, then file name; short documents after the others. */
  rank: number;
  file: string;
  score: number;
  words: number;
  /** Fewer words than the score's floor (`MIN_WORDS`): ranked after the other documents, and left out of group figures unless `includeShort`. */
  short: boolean;
  /** Present when the document holds no text: ranked after every other, short ones included. */
  empty?: true;
  findings: number;
  reading: DocumentStance['reading'];
  /** Key of the document's group (see `CorpusSummary.groupBy`). */
  group: string | null;
  year: number | null;
  /** Up to three categories with the most weighted points, most first. */
  top: Category[];
}

/** Figures of a set of documents: a group, a year, or the whole corpus. */
export interface GroupSummary {
  /** Group value (folder name, metadata value, year as a string); `null` when the documents have none. */
  key: string | null;
  documents: number;
  words: number;
  findings: number;
  score: ScoreStats;
  /** Per category: counts and points summed, rate per 1,000 words of the group's text. */
  categories: Record<Category, CategoryTotal>;
  /** How many documents read as promotional, critical or neutral. */
  readings: Record<DocumentStance['reading'], number>;
}

/** Options of `summarizeCorpus()`. */
export interface SummaryOptions {
  /**
   * `'folder'` (default): the first folder level under each given folder. Any other value is a
   * metadata field (`city`, `kind`, `source`…); documents without it form the `null` group.
   */
  groupBy?: string;
  /**
   * Count very short documents (fewer words than `MIN_WORDS`, but not empty) in `groups` and
   * `years`. Default `false`: they are in `total` and in the ranking, flagged `short` and ranked
   * after the others, but a few words do not make a group's figures.
   */
  includeShort?: boolean;
}

/** What `summarizeCorpus()` returns. */
export interface CorpusSummary {
  /** Records summarised: documents plus failures. */
  files: number;
  documents: number;
  failures: number;
  /** Failures per error code, codes in alphabetical order. */
  errors: Partial<Record<CorpusErrorCode, number>>;
  /** The whole corpus as one group (`key` is `null`). */
  total: GroupSummary;
  ranking: RankedDocument[];
  /** `'folder'` or the metadata field the groups are made of. */
  groupBy: string;
  /** Sorted by key, the `null` group last. */
  groups: GroupSummary[];
  /** Documents by year (`meta.year`, or the first year in `meta.date`), oldest first, `null` last. */
  years: GroupSummary[];
  /** Empty documents (no text): ranked last, and left out of `total`, `groups` and `years`. */
  empty: number;
  /**
   * Short documents (fewer than `MIN_WORDS` words, not empty) left out of `groups` and `years`;
   * 0 with `includeShort`. They are in `total`, and in the ranking, flagged `short`.
   */
  short: number;
}

/** A metadata value as a group key: strings as they are, other values as JSON. */
function keyOf(value: MetaValue | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value.trim() || null : JSON.stringify(value);
}

/** The year of a document: `meta.year`, else the first four-digit year in `meta.date`. */
export function yearOf(document: Pick<CorpusDocumentLean, 'meta'>): number | null {
  for (const field of ['year', 'date']) {
    const value = document.meta[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return value;
    if (typeof value === 'string') {
      const year = /(?<!\d)([12]\d{3})(?!\d)/.exec(value)?.[1];
      if (year !== undefined) return Number(year);
    }
  }
  return null;
}

/** The group of a document under `groupBy`. */
export function groupOf(document: Pick<CorpusDocumentLean, 'folder' | 'meta'>, groupBy = 'folder'): string | null {
  return groupBy === 'folder' ? document.folder : keyOf(document.meta[groupBy]);
}
