/** What reading a document gives, its options, and the shape of a format's reader. */
import type { Meta, RecordWarning, TextEncoding, DocumentFormat } from '../records.js';

/** A file's contribution to its record: what was read, and the text to analyse. */
export interface DocumentText {
  bytes: number;
  format: DocumentFormat;
  /** `null` for a PDF. */
  encoding: TextEncoding | null;
  meta: Meta;
  /** The extracted text: findings' offsets refer to it. */
  text: string;
  /** What was wrong with the file but did not stop its reading (see `RecordWarning`). */
  warnings?: RecordWarning[];
  /** Stretches of `text` where `novlangue-disable` comments leave findings out. */
  suppressions?: Suppression[];
}

/** A stretch of the extracted text where findings of some rules (or of all: `rules: null`) are left out. */
export interface Suppression {
  /** Offsets in the extracted text, end exclusive: a finding that starts inside is left out. */
  range: [number, number];
  rules: string[] | null;
}

/** Options of `readDocument()`. */
export interface ReadOptions {
  /** Files larger than this are `ETOOLARGE`. Default 50 MiB. */
  maxBytes?: number;
  /** Name used in error messages. Default: the path. */
  name?: string;
}

/** What a reader makes of a file's bytes: the text, its encoding, and metadata found in it. */
export type ReadText = Omit<DocumentText, 'bytes' | 'format'>;

/** One input format: the file names it reads, and how it reads their bytes. */
export interface DocumentReader {
  /** Extensions, lower-cased with their dot; `''` for a name without one. */
  readonly extensions: readonly string[];
  /** The extensions an unsupported file's message names (the usual ones). */
  readonly named: readonly string[];
  /**
   * The text of a file's bytes. The sidecar is read after, by `readDocument`.
   * @param file the name used in error messages
   * @throws {CorpusError}; anything else thrown becomes the file's `EEXTRACT`
   */
  read(bytes: Uint8Array, file: string): ReadText | Promise<ReadText>;
}
