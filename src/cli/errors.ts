import { NovlangueError } from '../errors.js';

/** A command line that cannot run as given: exit status 2, with a message saying what to change. */
export class UsageError extends NovlangueError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('EUSAGE', message, options);
    this.name = 'UsageError';
  }
}

/** Exit statuses, as documented in `--help` and docs/CLI.md. */
export const EXIT = {
  ok: 0,
  /** `--fail-above`: a document scored above the threshold; `explain`: no entry matches. */
  threshold: 1,
  /** Bad arguments or options, an unreadable or invalid `--lexicon`, an unwritable `--output`. */
  usage: 2,
  /** A bug in novlangue: please report it. */
  internal: 3,
  /** Interrupted by SIGINT (Ctrl-C) / SIGTERM: the conventional 128 + signal number. */
  sigint: 130,
  sigterm: 143,
} as const;
