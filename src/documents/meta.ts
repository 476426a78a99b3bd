/**
 * Metadata. A Markdown file may open with a YAML front matter block; any document may
 * have a sidecar `name.meta.json`. Both must be JSON/YAML objects; the sidecar wins field by
 * field. Broken metadata is an `EMETA` record: data is validated like code.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, systemCode } from '../errors.js';
import type { Meta } from '../records.js';

const require = createRequire(import.meta.url);

/** A sidecar larger than this is refused: metadata is a few fields, not a document. */
const MAX_SIDECAR_BYTES = 1024 * 1024;

/** Suffix of metadata sidecars: `rapport.meta.json` describes `rapport.pdf` (or `rapport.txt`…). */
export const SIDECAR_SUFFIX = '.meta.json';

/** The sidecar path of a document: `dir/name.meta.json` for `dir/name.ext`. */
export function sidecarOf(file: string): string {
  const extension = path.extname(file);
  return `${extension ? file.slice(0, -extension.length) : file}${SIDECAR_SUFFIX}`;
}

/** True for a metadata sidecar, which is read with its document and never analysed itself. */
export function isSidecar(file: string): boolean {
  return file.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

/** `value` as metadata: a JSON object, with values JSON can hold (so it survives a JSON round trip). */
function toMeta(value: unknown, file: string, where: string): Meta {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CorpusError('EMETA', file, `${where} must be an object of fields (city, date, source…), found ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return JSON.parse(JSON.stringify(value)) as Meta;
}

/** Split a leading `---` front matter block from Markdown. Scans lines: no regex to backtrack on. */
export function splitFrontMatter(markdown: string): { yaml: string | undefined; body: string } {
  const firstEnd = markdown.indexOf('\n');
  if (firstEnd === -1 || markdown.slice(0, firstEnd).trimEnd() !== '---') return { yaml: undefined, body: markdown };
  let start = firstEnd + 1;
  while (start <= markdown.length) {
    const end = markdown.indexOf('\n', start);
    const line = markdown.slice(start, end === -1 ? markdown.length : end).trimEnd();
    if (line === '---' || line === '...') {
      return { yaml: markdown.slice(firstEnd + 1, start), body: end === -1 ? '' : markdown.slice(end + 1) };
    }
    if (end === -1) break;
    start = end + 1;
  }
  return { yaml: undefined, body: markdown }; // an unclosed block is a horizontal rule, not front matter
}

/** Parse a front matter block. */
export function parseFrontMatter(yaml: string, file: string): Meta {
  // Loaded on the first front matter: most corpora have none (about 20 ms and 9 MB a thread).
  const { parse: parseYaml } = require('yaml') as typeof import('yaml');
  let value: unknown;
  try {
    // The core schema reads dates as strings; maxAliasCount stops "billion laughs" documents.
    value = parseYaml(yaml, { schema: 'core', maxAliasCount: 100, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    throw new CorpusError('EMETA', file, `front matter is not valid YAML (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return toMeta(value, file, 'front matter');
}

/** The sidecar metadata of a document, `{}` when it has none. */
export async function readSidecar(fsPath: string, file: string): Promise<Meta> {
  let bytes: Buffer;
  try {
    bytes = await readFile(sidecarOf(fsPath));
  } catch (error) {
    if (systemCode(error) === 'ENOENT') return {};
    throw unreadable(file, error);
  }
  return sidecarMeta(bytes, file);
}

/** `readSidecar`, blocking: for worker threads. A missing sidecar, the usual case, throws nothing. */
export function readSidecarSync(fsPath: string, file: string): Meta {
  const sidecar = sidecarOf(fsPath);
  let bytes: Buffer;
  try {
    if (statSync(sidecar, { throwIfNoEntry: false }) === undefined) return {};
    bytes = readFileSync(sidecar);
  } catch (error) {
    if (systemCode(error) === 'ENOENT') return {};
    throw unreadable(file, error);
  }
  return sidecarMeta(bytes, file);
}

function unreadable(file: string, error: unknown): CorpusError {
  return new CorpusError('EMETA', file, `cannot read its metadata file ${sidecarOf(file)} (${systemCode(error) ?? String(error)})`, { cause: error });
}

function sidecarMeta(bytes: Buffer, file: string): Meta {
  const shown = sidecarOf(file);
  if (bytes.length > MAX_SIDECAR_BYTES) throw new CorpusError('EMETA', file, `metadata file ${shown} is larger than ${MAX_SIDECAR_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CorpusError('EMETA', file, `metadata file ${shown} is not valid UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return toMeta(value, file, `metadata file ${shown}`);
}
