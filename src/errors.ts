import type { CorpusErrorCode } from './records.js';

/**
 * Every error novlangue throws on purpose is a `NovlangueError`, so callers can tell
 * "the input or the data is wrong" from a bug. Subclasses carry the context a user needs
 * to fix the problem (which file, which entry, which field).
 */
export class NovlangueError extends Error {
  /** Stable machine-readable code, e.g. `ELEXICON`, `EINPUT`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NovlangueError';
    this.code = code;
  }
}

/** A lexicon or rule file that does not validate: names the file, the entry and the field. */
export class LexiconError extends NovlangueError {
  readonly file: string;
  readonly entryId: string | undefined;
  readonly field: string | undefined;

  constructor(file: string, reason: string, where: { entryId?: string | undefined; field?: string | undefined } = {}) {
    const at = [where.entryId && `entry "${where.entryId}"`, where.field && `field "${where.field}"`]
      .filter(Boolean)
      .join(', ');
    super('ELEXICON', `${file}${at ? ` (${at})` : ''}: ${reason}`);
    this.name = 'LexiconError';
    this.file = file;
    this.entryId = where.entryId;
    this.field = where.field;
  }
}

/** Describes a received value for error messages: `a number (42)`, `undefined`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if (type === 'number' || type === 'boolean' || type === 'bigint') return `a ${type} (${String(value)})`;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/**
 * A file of a corpus that cannot be read or analysed. Thrown while listing and reading files
 * (`src/corpus/`, `src/documents/`) and turned into a `CorpusFailure` record, so one bad file
 * never stops a run.
 */
export class CorpusError extends NovlangueError {
  declare readonly code: CorpusErrorCode;
  /** The file, as the record names it. */
  readonly file: string;

  constructor(code: CorpusErrorCode, file: string, reason: string, options?: { cause?: unknown }) {
    super(code, `${file}: ${reason}`, options);
    this.name = 'CorpusError';
    this.file = file;
  }
}

/** What Node's system error codes mean for a corpus file, and what to do about it. */
const SYSTEM_ERRORS: Record<string, { code: CorpusErrorCode; reason: string }> = {
  ENOENT: { code: 'ENOENT', reason: 'no such file or folder' },
  ENOTDIR: { code: 'ENOENT', reason: 'no such file or folder (a part of the path is not a folder)' },
  EACCES: { code: 'EACCES', reason: 'permission denied (check the file’s read permission)' },
  EPERM: { code: 'EACCES', reason: 'operation not permitted (check the file’s permissions)' },
  EISDIR: { code: 'EISDIR', reason: 'is a folder, expected a file' },
  ELOOP: { code: 'ELOOP', reason: 'too many levels of symbolic links (a link loop)' },
  ENAMETOOLONG: { code: 'ENOENT', reason: 'file name too long' },
};

/** The system error code of `error`, if it is one. */
export function systemCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** A `CorpusError` for `file` from anything thrown while reading it (system errors keep their meaning). */
export function toCorpusError(file: string, error: unknown, fallback: CorpusErrorCode = 'EIO'): CorpusError {
  if (error instanceof CorpusError) return error;
  const code = systemCode(error);
  const known = code === undefined ? undefined : SYSTEM_ERRORS[code];
  if (known) return new CorpusError(known.code, file, known.reason, { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new CorpusError(fallback, file, code ? `${detail} (${code})` : detail, { cause: error });
}
