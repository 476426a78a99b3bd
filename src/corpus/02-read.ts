/**
 * Step 2: read a file's bytes, refusing what cannot be read safely: too large, not a regular
 * file, or changed while being read (a half-written file would give half an analysis).
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CorpusError, systemCode, toCorpusError } from './errors.js';

/** Default limit of `maxBytes`: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

// O_NONBLOCK: opening a FIFO must not wait for a writer (it does not exist on Windows).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

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
    // The path was listed a moment ago: if it is gone now, the corpus changed under the run.
    if (systemCode(error) === 'ENOENT') throw new CorpusError('ECHANGED', file, 'vanished after it was listed (deleted or moved during the run)', { cause: error });
    throw toCorpusError(file, error);
  }
  try {
    const before = await handle.stat();
    if (before.isDirectory()) throw new CorpusError('EISDIR', file, 'is a folder, expected a file (it was replaced during the run?)');
    if (!before.isFile()) throw new CorpusError('ESPECIAL', file, 'not a regular file (a FIFO, socket or device); not read');
    if (before.size > maxBytes) {
      throw new CorpusError('ETOOLARGE', file, `${before.size} bytes, more than the limit of ${maxBytes} bytes (raise it with --max-bytes or the maxBytes option)`);
    }
    // One byte more than announced: reading it means the file grew while we read.
    const buffer = new Uint8Array(before.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    const after = await handle.stat();
    if (length !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
      throw new CorpusError('ECHANGED', file, `changed while being read (${before.size} bytes announced, ${length} read); run again once it is written`);
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw toCorpusError(file, error);
  } finally {
    await handle.close();
  }
}
