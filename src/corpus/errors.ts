import { NovlangueError } from '../errors.js';
import type { CorpusErrorCode, CorpusFailure } from '../records.js';

/**
 * A file of a corpus that cannot be analysed. Thrown inside the corpus pipeline and turned into
 * a `CorpusFailure` record, so one bad file never stops a run.
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

/** The record of a failed file. */
export function failure(file: string, error: unknown, fallback?: CorpusErrorCode): CorpusFailure {
  const corpusError = toCorpusError(file, error, fallback);
  return { file, error: { code: corpusError.code, message: corpusError.message } };
}
