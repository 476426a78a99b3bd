import { NovlangueError } from '../errors.js';

/** A `novlangue.config.json` that cannot be read or does not validate: names the file and the key. */
export class ConfigError extends NovlangueError {
  readonly file: string;
  readonly key: string | undefined;
  constructor(file: string, key: string | undefined, reason: string, options?: { cause?: unknown }) {
    super('ECONFIG', `${file}${key === undefined ? '' : `: "${key}"`}: ${reason}`, options);
    this.name = 'ConfigError';
    this.file = file;
    this.key = key;
  }
}
