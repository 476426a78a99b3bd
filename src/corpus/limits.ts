/**
 * The corpus run's default limits, in a module of their own: the command line prints them in
 * its help, and `novlangue --help` or `--version` must not load the analyser to do so. The
 * size limit of a file, `DEFAULT_MAX_BYTES`, is the documents' (`documents/bytes.ts`).
 */
import { availableParallelism } from 'node:os';

/** Most worker threads a run starts, whatever `jobs` says. */
export const MAX_JOBS = Math.max(64, availableParallelism());

/**
 * Each worker thread loads the analyser, compiles the lexicons and rules and warms up before
 * its first file: about a second, the time one thread needs to analyse this much text.
 */
export const DEFAULT_MIN_POOL_BYTES = 2 * 1024 * 1024;
