import path from 'node:path';
import type { DocumentFormat } from '../records.js';

/** The extensions novlangue reads, lower-cased, with the format each is read as. A file without extension is text. */
export const FORMAT_OF_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '': 'txt',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

/** Suffix of metadata sidecars: `rapport.meta.json` describes `rapport.pdf` (or `rapport.txt`…). */
export const SIDECAR_SUFFIX = '.meta.json';

/** The format of a file from its name, or `undefined` when novlangue does not read it. */
export function formatOf(file: string): DocumentFormat | undefined {
  const base = path.basename(file);
  // `.bashrc`-like names have no extension for path.extname, and are text like any other.
  return FORMAT_OF_EXTENSION[path.extname(base).toLowerCase()];
}

/** The sidecar path of a document: `dir/name.meta.json` for `dir/name.ext`. */
export function sidecarOf(file: string): string {
  const extension = path.extname(file);
  return `${extension ? file.slice(0, -extension.length) : file}${SIDECAR_SUFFIX}`;
}

/** True for a metadata sidecar, which is read with its document and never analysed itself. */
export function isSidecar(file: string): boolean {
  return file.toLowerCase().endsWith(SIDECAR_SUFFIX);
}
