/**
 * Where the report goes: stdout, or `--output FILE`. Streamed formats are written line by line
 * (an interrupted jsonl run leaves whole lines behind, which `--resume` completes); the others
 * are written to a temporary file renamed at the end, so a failed run never leaves half a report.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';

export interface Output {
  /** Write a chunk (text, or UTF-8 bytes), waiting when the destination is slow. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Write the whole report, given in parts (non-streamed formats; html's parts come asynchronously). */
  writeAll(parts: Iterable<string> | AsyncIterable<string>): Promise<void>;
  close(): Promise<void>;
  /** True once the reader of stdout went away (`| head`): stop quietly. */
  readonly closed: boolean;
}

/** Resolves when the stream can take more, or has failed (the failure is handled by its 'error' listener). */
const drained = (stream: NodeJS.WritableStream): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
  });

/** Write all of `chunk` at the file's current position: a write may take only part of it. */
function writeFully(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
}

const describe = (file: string, error: unknown): UsageError =>
  new UsageError(`cannot write the report to ${file} (${(error as { code?: string }).code ?? String(error)}).`, { cause: error });

/** stdout as an output. */
export function stdoutOutput(onGone: () => void): Output {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    onGone();
  });
  const write = async (chunk: string | Uint8Array): Promise<void> => {
    if (closed) return;
    if (!process.stdout.write(chunk)) await drained(process.stdout);
  };
  return {
    write,
    async writeAll(parts) {
      for await (const part of parts) await write(part);
    },
    close: async () => undefined,
    get closed() {
      return closed;
    },
  };
}

/**
 * A file as an output. `keep` (streamed formats, `--resume`): append to the file after cutting
 * it to its first `keep` bytes, the complete records of an interrupted run.
 */
export async function fileOutput(file: string, streamed: boolean, keep?: number): Promise<Output> {
  if (!streamed) {
    return {
      write: () => Promise.reject(new Error('novlangue: writeAll() only for non-streamed formats')),
      async writeAll(parts) {
        const temporary = `${file}.${process.pid}.tmp`;
        try {
          const fd = openSync(temporary, 'w');
          try {
            for await (const part of parts) writeFully(fd, part);
          } finally {
            closeSync(fd);
          }
          await rename(temporary, file);
        } catch (error) {
          await rm(temporary, { force: true });
          throw describe(file, error);
        }
      },
      close: async () => undefined,
      closed: false,
    };
  }
  if (keep !== undefined) {
    try {
      await truncate(file, keep);
    } catch (error) {
      throw describe(file, error);
    }
  }
  // Written with blocking calls: each record is on disk, whole, before the run goes on (a run
  // stopped by a signal leaves whole lines behind), and a stream's buffering and 'drain' round
  // trips cost ~7 % of a pool run over small files, whose records are lines of ~25 KB.
  let fd: number;
  try {
    fd = openSync(file, keep === undefined ? 'w' : 'a');
  } catch (error) {
    throw describe(file, error);
  }
  return {
    async write(chunk) {
      try {
        writeFully(fd, chunk);
      } catch (error) {
        throw describe(file, error);
      }
    },
    writeAll: () => Promise.reject(new Error('novlangue: write() only for streamed formats')),
    async close() {
      try {
        closeSync(fd);
      } catch (error) {
        throw describe(file, error);
      }
    },
    closed: false,
  };
}

/** True when `-o` names a folder: it ends with a path separator, or is an existing directory. */
export async function isDirectoryOutput(output: string): Promise<boolean> {
  if (output.endsWith('/') || output.endsWith(path.sep)) return true;
  return (await stat(output).catch(() => undefined))?.isDirectory() ?? false;
}

/**
 * `-o DIR/`: write the pages of an HTML site into `dir` (created if need be), each through a
 * temporary file renamed into place, so that no page is ever left half-written.
 */
export async function writeSite(dir: string, pages: AsyncIterable<{ path: string; html: string }>): Promise<void> {
  for await (const page of pages) {
    const file = path.join(dir, ...page.path.split('/'));
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, page.html);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw describe(file, error);
    }
  }
}
