import type { ErrorObject } from 'ajv';
import { LexiconError } from '../errors.js';
import type { LexiconData } from '../types.js';
import { lazyValidator } from './schema.js';
import schema from '../../lexicons/schema.json' with { type: 'json' };

const lexiconSchema = lazyValidator<LexiconData>(schema);

/** The entry id and field an Ajv error points at (`/entries/3/weight`; `entries`, `lang` outside an entry). */
function locate(data: unknown, error: ErrorObject): { entryId?: string; field?: string } {
  const [, top, index, ...rest] = error.instancePath.split('/');
  const key =
    error.keyword === 'additionalProperties'
      ? String((error.params as { additionalProperty: string }).additionalProperty)
      : error.keyword === 'required'
        ? String((error.params as { missingProperty: string }).missingProperty)
        : undefined;
  const dotted = (parts: Array<string | undefined>): string | undefined => {
    const present = parts.filter((part): part is string => part !== undefined && part !== '');
    return present.length > 0 ? present.join('.') : undefined;
  };
  if (top !== 'entries' || index === undefined) {
    const field = dotted([top, index, ...rest, key]);
    return field ? { field } : {};
  }
  const entry = (data as { entries: Array<{ id?: unknown }> }).entries[Number(index)];
  const entryId = typeof entry?.id === 'string' ? entry.id : `#${index}`;
  const field = dotted([...rest, key]);
  return field ? { entryId, field } : { entryId };
}

function explain(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `unknown key "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
  }
  if (error.keyword === 'enum') {
    return `${error.message ?? 'not an allowed value'}: ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return error.message ?? 'invalid';
}

/** Check `data` against `lexicons/schema.json`, then for duplicate ids. Throws `LexiconError`. */
export function validateLexiconData(data: unknown, file: string): LexiconData {
  if (!lexiconSchema.validate(data)) {
    const error = lexiconSchema.errors![0]!;
    throw new LexiconError(file, explain(error), locate(data, error));
  }
  const seen = new Set<string>();
  for (const entry of data.entries) {
    if (seen.has(entry.id)) throw new LexiconError(file, 'duplicate id', { entryId: entry.id, field: 'id' });
    seen.add(entry.id);
  }
  return data;
}
