/**
 * One file to a document: read its bytes, decode them, extract its text, read its metadata.
 * The analysis is done elsewhere: this is everything a file contributes before it.
 */
import { DEFAULT_MAX_BYTES, readBytes, readBytesSync } from './bytes.js';
import { decodeText } from './decode.js';
import { htmlToText, markdownToText } from './html.js';
import { pdfToText } from './pdf.js';
import { parseFrontMatter, readSidecar, readSidecarSync, splitFrontMatter } from './meta.js';
import { CorpusError, toCorpusError } from '../errors.js';
import { formatOf } from './formats.js';
import type { DocumentFormat, Meta, TextEncoding } from '../records.js';

/** A file's contribution to its record: what was read, and the text to analyse. */
export interface DocumentText {
  bytes: number;
  format: DocumentFormat;
  /** `null` for a PDF. */
  encoding: TextEncoding | null;
  meta: Meta;
  /** The extracted text: findings' offsets refer to it. */
  text: string;
}

/** Options of `readDocument()`. */
export interface ReadOptions {
  /** Files larger than this are `ETOOLARGE`. Default 50 MiB. */
  maxBytes?: number;
  /** Name used in error messages. Default: the path. */
  name?: string;
}

async function extract(bytes: Uint8Array, format: DocumentFormat, file: string): Promise<Omit<DocumentText, 'bytes'>> {
  if (format === 'pdf') return { format, encoding: null, meta: {}, text: await pdfToText(bytes, file) };
  const { text, encoding } = decodeText(bytes, file);
  if (format === 'html') return { format, encoding, meta: {}, text: htmlToText(text, file) };
  if (format === 'md') {
    const { yaml, body } = splitFrontMatter(text);
    return { format, encoding, meta: yaml === undefined ? {} : parseFrontMatter(yaml, file), text: await markdownToText(body, file) };
  }
  return { format, encoding, meta: {}, text };
}

/**
 * Read a file as novlangue does in a corpus run: the extracted text with its format, encoding
 * and metadata (front matter, then sidecar `name.meta.json`).
 * @throws {CorpusError} with one of the codes of `CorpusErrorCode`
 */
export function readDocument(fsPath: string, options: ReadOptions = {}): Promise<DocumentText> {
  return readDocumentWith(fsPath, options, ASYNC_READERS);
}

/** How a document's files are read: asynchronously, or blocking (in worker threads). */
export interface FileReaders {
  bytes(fsPath: string, file: string, maxBytes: number): Uint8Array | Promise<Uint8Array>;
  sidecar(fsPath: string, file: string): Meta | Promise<Meta>;
}

/** Asynchronous reads: for `readDocument`, whose caller may have other work for its thread. */
export const ASYNC_READERS: FileReaders = { bytes: readBytes, sidecar: readSidecar };
/** Blocking reads: for corpus runs, whose threads have nothing else to do while they wait (see `readTask`). */
export const BLOCKING_READERS: FileReaders = { bytes: readBytesSync, sidecar: readSidecarSync };

/** `readDocument`, reading with `readers`. */
export async function readDocumentWith(fsPath: string, options: ReadOptions, readers: FileReaders): Promise<DocumentText> {
  const file = options.name ?? fsPath;
  const format = formatOf(fsPath);
  if (format === undefined) throw new CorpusError('EFORMAT', file, 'unsupported file type; novlangue reads .txt, .md, .html, .htm and .pdf');
  const bytes = await readers.bytes(fsPath, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let extracted: Omit<DocumentText, 'bytes'>;
  try {
    extracted = await extract(bytes, format, file);
  } catch (error) {
    // Anything a parser throws (a bug or a hostile file) is this file's failure, not the run's.
    throw toCorpusError(file, error, 'EEXTRACT');
  }
  const sidecar = await readers.sidecar(fsPath, file);
  return { bytes: bytes.length, format, encoding: extracted.encoding, meta: { ...extracted.meta, ...sidecar }, text: extracted.text };
}
