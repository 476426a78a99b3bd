/**
 * Step 1 of a run: turn the inputs (files, folders, globs) into the sorted list of files to read
 * (then `analyze-file.ts` reads each through `src/documents/` and analyses it).
 *
 * Every input yields at least one record (a file, or a failure saying why it yields none), so
 * nothing is dropped silently. Folders are walked recursively in name order; hidden entries and
 * `node_modules` are skipped; symbolic links are followed, but a folder is walked once: a link
 * back to an ancestor is an `ELOOP` record and a second way to an already-walked folder or
 * file is an `EDUPLICATE` record, so links can neither hang the walk nor count a file twice.
 */
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { CorpusError } from '../errors.js';
import { failure } from './errors.js';
import { FORMATS_READ, formatOf } from '../documents/index.js';
import { isSidecar, unreadSidecars } from '../documents/meta.js';
import type { CorpusFailure, CorpusWarning, RecordWarning } from '../records.js';

/** A file to read. */
export interface ListedFile {
  /** Display path: as given, or joined under the given folder, with `/` separators. */
  file: string;
  /** Path to open. */
  path: string;
  /** First folder level under the walked folder, `null` when directly in it or named alone. */
  folder: string | null;
  /** Size when listed (to decide whether a worker pool pays; the record gives the size read). */
  size: number;
  /** Found while listing, for the record: a misnamed sidecar next to the file. */
  warnings?: RecordWarning[];
}

export type Listed = ListedFile | CorpusFailure;

interface WalkState {
  /** `dev:ino` of walked folders and listed files, with the display path that reached them first. */
  seen: Map<string, string>;
  exclude: Set<string>;
  out: Listed[];
  /** Sidecars of walked folders that no document reads (see `unreadSidecars`). */
  warnings: CorpusWarning[];
}

const identity = (stats: Stats): string => `${stats.dev}:${stats.ino}`;

/** Display form of a path: normalised, `/` separators, no trailing separator. */
function display(input: string): string {
  const normal = path.normalize(input).replaceAll(path.sep, '/');
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** Order of records: path segment by segment, in UTF-16 code unit order (stable across locales). */
export function comparePaths(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i]!;
    const y = bs[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/** Does the folder `link` points to contain `realDir` (or is it `realDir`)? Then following it loops. */
async function containsPath(link: string, realDir: string): Promise<boolean> {
  try {
    const target = await realpath(link);
    return realDir === target || realDir.startsWith(target.endsWith(path.sep) ? target : target + path.sep);
  } catch {
    return false;
  }
}

const skipped = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** Why a path that `stat` cannot follow fails: a dangling link says where it points. */
async function unreachable(fsPath: string, file: string, error: unknown): Promise<CorpusFailure> {
  try {
    const link = await lstat(fsPath);
    if (link.isSymbolicLink()) {
      const target = await readlink(fsPath);
      if ((error as { code?: string }).code === 'ELOOP') return failure(file, new CorpusError('ELOOP', file, `symbolic link loop (points to ${target})`));
      return failure(file, new CorpusError('ENOENT', file, `dangling symbolic link (points to ${target}, which does not exist)`));
    }
  } catch {
    // lstat failed too: the path itself is the problem, reported below.
  }
  return failure(file, error);
}

/** Add a regular file, unless it is excluded or already listed under another path. */
function addFile(state: WalkState, fsPath: string, file: string, folder: string | null, stats: Stats, warning?: RecordWarning): void {
  if (state.exclude.has(path.resolve(fsPath))) return;
  const first = state.seen.get(identity(stats));
  if (first === file) return; // reached again by overlapping inputs: already listed
  if (first !== undefined) {
    state.out.push(failure(file, new CorpusError('EDUPLICATE', file, `same file as ${first} (reached through a link); analysed once, as ${first}`)));
    return;
  }
  state.seen.set(identity(stats), file);
  if (formatOf(file) === undefined) {
    state.out.push(failure(file, new CorpusError('EFORMAT', file, `unsupported file type "${path.extname(file)}"; ${FORMATS_READ}`)));
    return;
  }
  state.out.push({ file, path: fsPath, folder, size: stats.size, ...(warning ? { warnings: [warning] } : {}) });
}

/**
 * Walk a folder. `ancestors` holds the identities of the folders above, to tell a loop from a
 * mere second path; `match` (for globs) keeps files whose path under the root, or one of
 * whose folders, matches.
 */
/**
 * Entries of a folder are stat'ed this many at a time, all at once: one after the other, the
 * stats of 10,000 files took half a second of a run, each a round trip to libuv's threads.
 */
const STAT_CHUNK = 64;

async function statChunk(dir: string, entries: ReadonlyArray<{ name: string }>): Promise<Array<Stats | { error: unknown }>> {
  return Promise.all(entries.map(({ name }) => stat(path.join(dir, name)).catch((error: unknown) => ({ error }))));
}

async function walk(
  state: WalkState,
  dir: { fsPath: string; file: string; relative: string; stats: Stats },
  ancestors: Set<string>,
  match: ((relative: string) => boolean) | undefined,
  matchedAbove: boolean,
): Promise<number> {
  let entries: Array<{ name: string; link: boolean }>;
  let realDir: string;
  try {
    entries = (await readdir(dir.fsPath, { withFileTypes: true }))
      .filter((entry) => !skipped(entry.name))
      .map((entry) => ({ name: entry.name, link: entry.isSymbolicLink() }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    realDir = await realpath(dir.fsPath);
  } catch (error) {
    state.out.push(failure(dir.file, error));
    return 1;
  }
  const inside = new Set(ancestors).add(identity(dir.stats));
  const sidecars = unreadSidecars(entries.map(({ name }) => name), (name) => formatOf(name) !== undefined, dir.file);
  let records = 0;
  let statted: Array<Stats | { error: unknown }> = [];
  for (let i = 0; i < entries.length; i++) {
    const { name, link } = entries[i]!;
    const fsPath = path.join(dir.fsPath, name);
    const file = path.posix.join(dir.file, name);
    const relative = dir.relative ? `${dir.relative}/${name}` : name;
    const matched = matchedAbove || match === undefined || match(relative);
    if (i % STAT_CHUNK === 0) statted = await statChunk(dir.fsPath, entries.slice(i, i + STAT_CHUNK));
    const result = statted[i % STAT_CHUNK]!;
    if ('error' in result) {
      if (matched) {
        state.out.push(await unreachable(fsPath, file, result.error));
        records++;
      }
      continue;
    }
    const stats = result;
    const folder = relative.includes('/') ? relative.slice(0, relative.indexOf('/')) : null;
    if (stats.isDirectory()) {
      const id = identity(stats);
      if (inside.has(id) || (link && (await containsPath(fsPath, realDir)))) {
        if (matched) state.out.push(failure(file, new CorpusError('ELOOP', file, 'symbolic link to a folder that contains it (a loop); not followed')));
        records += matched ? 1 : 0;
      } else if (state.seen.has(id) && state.seen.get(id) !== file) {
        if (matched) state.out.push(failure(file, new CorpusError('EDUPLICATE', file, `same folder as ${state.seen.get(id)!} (reached through a link); walked once`)));
        records += matched ? 1 : 0;
      } else {
        // Only folders listed in full count as seen: a glob walk passes through others.
        if (matched) state.seen.set(id, file);
        records += await walk(state, { fsPath, file, relative, stats }, inside, match, matched);
      }
    } else if (!matched) {
      continue;
    } else if (stats.isFile()) {
      if (isSidecar(name)) {
        const orphan = sidecars.orphans.get(name);
        if (orphan) state.warnings.push(orphan);
        continue;
      }
      const before = state.out.length;
      addFile(state, fsPath, file, folder, stats, sidecars.misnamed.get(name));
      records += state.out.length - before;
    } else {
      state.out.push(failure(file, new CorpusError('ESPECIAL', file, 'not a regular file (a FIFO, socket or device); not read')));
      records++;
    }
  }
  return records;
}

/** List one input: a file, a folder (walked), or, when no such path exists, a glob. */
async function listInput(state: WalkState, input: string): Promise<void> {
  const file = display(input);
  if (input === '') {
    state.out.push(failure('', new CorpusError('ENOENT', '(empty path)', 'an empty string is not a path')));
    return;
  }
  let stats: Stats;
  try {
    stats = await stat(input);
  } catch (error) {
    const scan = picomatch.scan(input);
    if (scan.isGlob && (error as { code?: string }).code === 'ENOENT') {
      await listGlob(state, input, file, scan.base, scan.glob);
      return;
    }
    state.out.push(await unreachable(input, file, error));
    return;
  }
  if (stats.isDirectory()) {
    const first = state.seen.get(identity(stats));
    if (first === file) return; // the same folder given twice, or inside a folder also given
    if (first !== undefined) {
      state.out.push(failure(file, new CorpusError('EDUPLICATE', file, `same folder as ${first}; walked once`)));
      return;
    }
    state.seen.set(identity(stats), file);
    const records = await walk(state, { fsPath: input, file, relative: '', stats }, new Set(), undefined, true);
    if (records === 0) state.out.push(failure(file, new CorpusError('ENOENT', file, 'folder holds no file to analyse (hidden files and node_modules are skipped)')));
  } else if (stats.isFile()) {
    const first = state.seen.get(identity(stats));
    if (first === file) return; // the same file given twice, or inside a folder also given
    addFile(state, input, file, null, stats);
  } else {
    state.out.push(failure(file, new CorpusError('ESPECIAL', file, 'not a regular file (a FIFO, socket or device); not read')));
  }
}

async function listGlob(state: WalkState, input: string, file: string, base: string, glob: string): Promise<void> {
  const root = base || '.';
  let stats: Stats;
  try {
    stats = await stat(root);
  } catch {
    state.out.push(failure(file, new CorpusError('ENOENT', input, 'no such file, and no file matches it as a glob')));
    return;
  }
  const match = picomatch(glob, { dot: false });
  const records = stats.isDirectory()
    ? await walk(state, { fsPath: root, file: display(root) === '.' ? '' : display(root), relative: '', stats }, new Set(), match, false)
    : 0;
  if (records === 0) state.out.push(failure(file, new CorpusError('ENOENT', input, 'no such file, and no file matches it as a glob')));
}

/**
 * The files to read for `inputs`, sorted by path, each at most once, with a failure record for
 * every input or entry that cannot be read.
 * @param exclude paths never to list (e.g. the report being written)
 * @param ignore globs of paths to leave out, matched against the records' `file`
 * @param onWarning given, in path order, each sidecar of a walked folder that no document reads
 */
export async function listCorpus(
  inputs: readonly string[],
  exclude: readonly string[] = [],
  ignore: readonly string[] = [],
  onWarning?: (warning: CorpusWarning) => void,
): Promise<Listed[]> {
  const state: WalkState = { seen: new Map(), exclude: new Set(exclude.map((p) => path.resolve(p))), out: [], warnings: [] };
  // Sorted first, so which of two paths to one file counts as the duplicate does not depend on argument order.
  const sorted = [...new Set(inputs)].sort((a, b) => comparePaths(display(a), display(b)));
  for (const input of sorted) await listInput(state, input);
  const unique = new Map<string, Listed>();
  // `ignore` globs (a config's `exclude`) match the paths as records show them.
  const ignored = ignore.length === 0 ? undefined : picomatch([...ignore], { dot: true });
  for (const record of state.out) if (!unique.has(record.file) && !ignored?.(record.file)) unique.set(record.file, record);
  // A folder reached twice is walked once, so each sidecar is met once.
  const warnings = state.warnings.filter((warning) => !ignored?.(warning.file)).sort((a, b) => comparePaths(a.file, b.file));
  for (const warning of warnings) onWarning?.(warning);
  return [...unique.values()].sort((a, b) => comparePaths(a.file, b.file));
}
