/**
 * A file's bytes, refusing what cannot be read safely: too large, not a regular file, or
 * changed while being read (a half-written file would give half an analysis).
 * Two ways, one set of checks: asynchronous for `readDocument`, synchronous for corpus runs,
 * whose only job is to read and analyse (five asynchronous calls a file cost a run about a
 * tenth of its time on a folder of small files).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CorpusError, systemCode, toCorpusError } from '../errors.js';

/**
 * Default limit of `maxBytes`: 50 MiB. The command line prints it in its help: this module
 * loads nothing of the analyser.
 */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

// O_NONBLOCK: opening a FIFO must not wait for a writer (it does not exist on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a listed path could not be opened. */
function openFailure(file: string, error: unknown): CorpusError {
  // The path was listed a moment ago: if it is gone now, the corpus changed under the run.
  if (systemCode(error) === 'ENOENT') return new CorpusError('ECHANGED', file, 'vanished after it was listed (deleted or moved during the run)', { cause: error });
  return toCorpusError(file, error);
}

/** The buffer to read an opened file into: one byte more than announced, to see it grow. */
function bufferFor(before: Stats, file: string, maxBytes: number): Uint8Array {
  if (before.isDirectory()) throw new CorpusError('EISDIR', file, 'is a folder, expected a file (it was replaced during the run?)');
  if (!before.isFile()) throw new CorpusError('ESPECIAL', file, 'not a regular file (a FIFO, socket or device); not read');
  if (before.size > maxBytes) {
    throw new CorpusError('ETOOLARGE', file, `${before.size} bytes, more than the limit of ${maxBytes} bytes (raise it with --max-bytes or the maxBytes option)`);
  }
  return new Uint8Array(before.size + 1);
}

/** The bytes read, unless the file changed while being read. */
function unchanged(buffer: Uint8Array, length: number, before: Stats, after: Stats, file: string): Uint8Array {
  if (length !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw new CorpusError('ECHANGED', file, `changed while being read (${before.size} bytes announced, ${length} read); run again once it is written`);
  }
  return buffer.subarray(0, length);
}

/**
 * The bytes of `fsPath`.
 * @param file the name used in error messages
 * @throws {CorpusError} ETOOLARGE, EISDIR, ESPECIAL, ECHANGED, or a system error's code
 */
export async function readBytes(fsPath: string, file: string, maxBytes: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(fsPath, OPEN_FLAGS);
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    const before = await handle.stat();
    const buffer = bufferFor(before, file, maxBytes);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return unchanged(buffer, length, before, await handle.stat(), file);
  } catch (error) {
    throw toCorpusError(file, error);
  } finally {
    await handle.close();
  }
}

/** `readBytes`, blocking: for worker threads. */
export function readBytesSync(fsPath: string, file: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(fsPath, OPEN_FLAGS);
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    const before = fstatSync(fd);
    const buffer = bufferFor(before, file, maxBytes);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return unchanged(buffer, length, before, fstatSync(fd), file);
  } catch (error) {
    throw toCorpusError(file, error);
  } finally {
    closeSync(fd);
  }
}
