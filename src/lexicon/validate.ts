import type { LexiconData } from '../types.js';
import { checkData, lazyValidator } from './schema.js';
import schema from '../../lexicons/schema.json' with { type: 'json' };

const lexiconSchema = lazyValidator<LexiconData>(schema);

/** Check `data` against `lexicons/schema.json`, then for duplicate ids. Throws `LexiconError`. */
export function validateLexiconData(data: unknown, file: string): LexiconData {
  return checkData(lexiconSchema, data, file, { collection: 'entries' });
}
