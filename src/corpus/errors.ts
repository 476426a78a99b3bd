import { toCorpusError } from '../errors.js';
import type { CorpusErrorCode, CorpusFailure } from '../records.js';

/** The record of a failed file. */
export function failure(file: string, error: unknown, fallback?: CorpusErrorCode): CorpusFailure {
  const corpusError = toCorpusError(file, error, fallback);
  return { file, error: { code: corpusError.code, message: corpusError.message } };
}
