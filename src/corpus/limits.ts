/**
 * The corpus run's default limits, in a module of their own: the command line prints them in
 * its help, and `novlangue --help` or `--version` must not load the analyser to do so.
 */
import { availableParallelism } from 'node:os';

/** Most worker threads a run starts, whatever `jobs` says. */
export const MAX_JOBS = Math.max(64, availableParallelism());

/** Default limit of `maxBytes`: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Each worker thread loads the analyser, compiles the lexicons and rules and warms up before
 * its first file: about a second, the time one thread needs to analyse this much text.
 */
export const DEFAULT_MIN_POOL_BYTES = 2 * 1024 * 1024;
