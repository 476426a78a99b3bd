/**
 * Metadata. A Markdown file may open with a YAML front matter block; any document may
 * have a sidecar `name.meta.json`. Both must be JSON/YAML objects; the sidecar wins field by
 * field. A broken sidecar is an `EMETA` record: data is validated like code. A broken front
 * matter is a warning on the record, whose text is still analysed: the text is the document,
 * its fields are not; and a sidecar named for no document is a warning on the one it was
 * probably meant for, or, when there is none, a warning of the run (`unreadSidecars`).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusError, systemCode } from '../errors.js';
import type { CorpusWarning, Meta, RecordWarning } from '../records.js';

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

/**
 * Parse a front matter block. A block that is not valid YAML, or not an object of fields, costs
 * the document its front matter fields, not its analysis: the warning says where and why.
 */
export function parseFrontMatter(yaml: string, file: string): { meta: Meta; warning?: RecordWarning } {
  // Loaded on the first front matter: most corpora have none (about 20 ms and 9 MB a thread).
  const { parse: parseYaml, YAMLError } = require('yaml') as typeof import('yaml');
  let value: unknown;
  try {
    // The core schema reads dates as strings; maxAliasCount stops "billion laughs" documents.
    value = parseYaml(yaml, { schema: 'core', maxAliasCount: 100, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    // The block starts on the file's line 2, after its opening `---`.
    const at = error instanceof YAMLError ? error.pos[0] : undefined;
    const line = at === undefined ? '' : `, line ${yaml.slice(0, at).split('\n').length + 1}`;
    const reason = error instanceof Error ? error.message : String(error);
    return { meta: {}, warning: { code: 'EFRONTMATTER', message: `${file}${line}: front matter is not valid YAML (${reason}); the text is analysed without its fields` } };
  }
  try {
    return { meta: toMeta(value, file, 'front matter') };
  } catch (error) {
    return { meta: {}, warning: { code: 'EFRONTMATTER', message: `${error instanceof Error ? error.message : String(error)}; the text is analysed without it` } };
  }
}

/** The base of a file name as sidecars are matched: without its extension, lower-cased. */
const baseOf = (name: string): string => {
  const extension = path.extname(name);
  return (extension ? name.slice(0, -extension.length) : name).toLowerCase();
};

/** Levenshtein distance, stopping once over `limit` (names are short). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Sidecars of a folder that no document reads, and the document each was probably meant for:
 * `rapport.pdf.meta.json` or `Rapport.meta.json` or `raport.meta.json` next to `rapport.pdf`.
 * Pure: the walk of a run gives each folder's names (see `src/corpus/01-list.ts`).
 * @param names the entries of one folder
 * @param isDocument which of them are documents novlangue reads
 * @param folder the folder as messages name it (`''` for the working folder)
 * @returns warnings by the document's name
 */
export function misnamedSidecars(names: readonly string[], isDocument: (name: string) => boolean, folder = ''): Map<string, RecordWarning> {
  return unreadSidecars(names, isDocument, folder).misnamed;
}

/**
 * Every sidecar of a folder that no document reads: a misnamed one is a warning on the record
 * of the document it was probably meant for (`misnamed`, by the document's name); any other is
 * an orphan, whose warning belongs to no record (`orphans`, by the sidecar's name): the run
 * passes it to `CorpusOptions.onWarning`.
 */
export function unreadSidecars(
  names: readonly string[],
  isDocument: (name: string) => boolean,
  folder = '',
): { misnamed: Map<string, RecordWarning>; orphans: Map<string, CorpusWarning> } {
  const shown = (name: string): string => (folder === '' ? name : path.posix.join(folder, name));
  const misnamed = new Map<string, RecordWarning>();
  const orphans = new Map<string, CorpusWarning>();
  const documents = names.filter((name) => isDocument(name) && !isSidecar(name));
  const read = new Set(documents.map((name) => sidecarOf(name)));
  const present = new Set(names);
  const bare = documents.filter((name) => !present.has(sidecarOf(name)));
  for (const sidecar of names) {
    if (!isSidecar(sidecar) || read.has(sidecar)) continue;
    const stem = sidecar.slice(0, -SIDECAR_SUFFIX.length).toLowerCase();
    // The document named in full, or the same base in another case, or a typo of one letter or
    // two; never one that has its own sidecar, whose fields are already read.
    const meant =
      bare.find((name) => name.toLowerCase() === stem) ?? bare.find((name) => baseOf(name) === stem) ?? bare.find((name) => distance(baseOf(name), stem, 2) <= 2);
    if (meant !== undefined && !misnamed.has(meant)) {
      misnamed.set(meant, {
        code: 'ESIDECAR',
        message: `${shown(sidecar)} is not read as the metadata of ${shown(meant)}: a sidecar is named after its document without the extension; rename it ${sidecarOf(meant)}`,
      });
      continue;
    }
    const stemShown = sidecar.slice(0, -SIDECAR_SUFFIX.length);
    orphans.set(sidecar, {
      file: shown(sidecar),
      code: 'ESIDECAR',
      message:
        meant === undefined
          ? `${shown(sidecar)} is the metadata of no document: no ${stemShown}.txt, .md, .html or .pdf next to it, so it is not read`
          : `${shown(sidecar)} is not read: ${shown(meant)} already has a misnamed sidecar, and its own is ${sidecarOf(meant)}`,
    });
  }
  return { misnamed, orphans };
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
