/**
 * The input formats, one reader module each, in one registry, and `readDocument`: a file's
 * bytes (`bytes.ts`, within the size limit), its text by the reader of its format (the text
 * formats decode their bytes with `decode.ts`), then its sidecar metadata (`meta.ts`). A new
 * format is its reader module, its line in `READERS` and its name in `DocumentFormat`.
 * The analysis is done elsewhere: this is everything a file contributes before it.
 */
import path from 'node:path';
import { CorpusError, toCorpusError } from '../errors.js';
import { yearOf, type DocumentFormat, type Meta } from '../records.js';
import { DEFAULT_MAX_BYTES, readBytes, readBytesSync } from './bytes.js';
import { html } from './html.js';
import { markdown } from './markdown.js';
import { readSidecar, readSidecarSync } from './meta.js';
import { yearInName } from './name-year.js';
import { pdf } from './pdf.js';
import { txt } from './txt.js';
import type { DocumentReader, DocumentText, ReadOptions, ReadText } from './types.js';

export type { DocumentText, ReadOptions, Suppression } from './types.js';

/** The reader of each format. */
const READERS: Readonly<Record<DocumentFormat, DocumentReader>> = { txt, md: markdown, html, pdf };

const FORMATS = Object.keys(READERS) as DocumentFormat[];

/** The extensions novlangue reads, lower-cased, with the format each is read as. A file without extension is text. */
export const FORMAT_OF_EXTENSION: Readonly<Record<string, DocumentFormat>> = Object.fromEntries(
  FORMATS.flatMap((format) => READERS[format].extensions.map((extension) => [extension, format])),
);

const NAMED = FORMATS.flatMap((format) => READERS[format].named);
/** What an unsupported file's message says novlangue reads: `novlangue reads .txt, .md, … and .pdf`. */
export const FORMATS_READ = `novlangue reads ${NAMED.slice(0, -1).join(', ')} and ${NAMED[NAMED.length - 1]!}`;

/** The format of a file from its name, or `undefined` when novlangue does not read it. */
export function formatOf(file: string): DocumentFormat | undefined {
  const base = path.basename(file);
  // `.bashrc`-like names have no extension for path.extname, and are text like any other.
  return FORMAT_OF_EXTENSION[path.extname(base).toLowerCase()];
}

/** The reader of a format. */
export function readerOf(format: DocumentFormat): DocumentReader {
  return READERS[format];
}

/**
 * Read a file as novlangue does in a corpus run: the extracted text with its format, encoding
 * and metadata (what the file says of itself, then its sidecar `name.meta.json`; see `documentMeta`).
 * @throws {CorpusError} with one of the codes of `CorpusErrorCode`
 */
export function readDocument(fsPath: string, options: ReadOptions = {}): Promise<DocumentText> {
  return readDocumentWith(fsPath, options, ASYNC_IO);
}

/** How a document's files are read: asynchronously, or blocking (in worker threads). */
export interface FileIo {
  bytes(fsPath: string, file: string, maxBytes: number): Uint8Array | Promise<Uint8Array>;
  sidecar(fsPath: string, file: string): Meta | Promise<Meta>;
}

/** Asynchronous reads: for `readDocument`, whose caller may have other work for its thread. */
export const ASYNC_IO: FileIo = { bytes: readBytes, sidecar: readSidecar };
/** Blocking reads: for corpus runs, whose threads have nothing else to do while they wait (see `readTask`). */
export const BLOCKING_IO: FileIo = { bytes: readBytesSync, sidecar: readSidecarSync };

/** `readDocument`, reading with `io`. */
export async function readDocumentWith(fsPath: string, options: ReadOptions, io: FileIo): Promise<DocumentText> {
  const file = options.name ?? fsPath;
  const format = formatOf(fsPath);
  if (format === undefined) throw new CorpusError('EFORMAT', file, `unsupported file type; ${FORMATS_READ}`);
  const bytes = await io.bytes(fsPath, file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  let extracted: ReadText;
  try {
    extracted = await readerOf(format).read(bytes, file);
  } catch (error) {
    // Anything a parser throws (a bug or a hostile file) is this file's failure, not the run's.
    throw toCorpusError(file, error, 'EEXTRACT');
  }
  const sidecar = await io.sidecar(fsPath, file);
  const { encoding, meta, text, warnings, suppressions } = extracted;
  return { bytes: bytes.length, format, encoding, meta: documentMeta(meta, sidecar, fsPath), text, ...(warnings ? { warnings } : {}), ...(suppressions ? { suppressions } : {}) };
}

/**
 * A document's metadata: what the file says of itself (front matter, a page's `<meta>`, a PDF's
 * Info), overridden field by field by its sidecar, then the year in its name when neither gives
 * a year. A date is one fact: a sidecar's `date` or `year` replaces the file's `date` and `year`
 * together, so that a PDF's creation year never outranks the date its sidecar gives.
 */
export function documentMeta(own: Meta, sidecar: Meta, file: string): Meta {
  const meta: Meta = { ...own, ...sidecar };
  if ('date' in sidecar || 'year' in sidecar) {
    if (!('date' in sidecar)) delete meta['date'];
    if (!('year' in sidecar)) delete meta['year'];
  }
  const named = yearOf({ meta }) === null ? yearInName(file) : undefined;
  if (named !== undefined) meta['year'] = named;
  return meta;
}
