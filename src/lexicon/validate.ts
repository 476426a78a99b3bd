import type { ErrorObject } from 'ajv';
import { LexiconError } from '../errors.js';
import type { LexiconData } from '../types.js';
import { lazyValidator } from './schema.js';
import schema from '../../lexicons/schema.json' with { type: 'json' };

const lexiconSchema = lazyValidator<LexiconData>(schema);

/** The entry id and field an Ajv error points at (`/entries/3/weight`). */
function locate(data: unknown, error: ErrorObject): { entryId?: string; field?: string } {
  const [, top, index, ...rest] = error.instancePath.split('/');
  let field = rest.length > 0 ? rest.join('.') : undefined;
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    field = field ? `${field}.${extra}` : extra;
  } else if (error.keyword === 'required') {
    field = String((error.params as { missingProperty: string }).missingProperty);
  }
  if (top !== 'entries' || index === undefined) return field ? { field: top ? `${top}${field ? '.' + field : ''}` : field } : {};
  const entry = (data as { entries: Array<{ id?: unknown }> }).entries[Number(index)];
  const entryId = typeof entry?.id === 'string' ? entry.id : `#${index}`;
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
