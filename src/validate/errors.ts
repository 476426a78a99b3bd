import { NovlangueError } from '../errors.js';

/**
 * Labels that cannot be validated against: none at all, a labels file that does not parse or
 * names files that are not in the corpus, a single label, no positive document. The message
 * names the file (the labels file or the document) and says what to change; `file` holds it.
 */
export class ValidationError extends NovlangueError {
  readonly file: string | undefined;

  constructor(message: string, file?: string, options?: { cause?: unknown }) {
    super('EVALIDATE', message, options);
    this.name = 'ValidationError';
    this.file = file;
  }
}
