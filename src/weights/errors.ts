import { NovlangueError } from '../errors.js';

/**
 * A weights file (or `weights` option) that does not validate: names the file, the key
 * (`weights.fr.intelligence`) and what is wrong with it.
 */
export class WeightsError extends NovlangueError {
  readonly file: string;
  readonly key: string | undefined;

  constructor(file: string, reason: string, key?: string) {
    super('EWEIGHTS', `${file}${key === undefined ? '' : ` (key "${key}")`}: ${reason}`);
    this.name = 'WeightsError';
    this.file = file;
    this.key = key;
  }
}
