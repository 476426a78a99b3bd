import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { LexiconError } from '../errors.js';
import type { LexiconProblem } from './problems.js';

/**
 * JSON Schema validation of the data files (lexicons, stance markers, rules): validators
 * compiled on first use with one shared Ajv instance (`--version`, `--help` and runs that load
 * no data do not pay for Ajv), and errors that name the file, the entry and the field.
 */

const require = createRequire(import.meta.url);
const instances = new Map<boolean, AjvClass>();

/** The shared Ajv instance that stops at the first error, or the one that reports them all. */
function sharedAjv(allErrors: boolean): AjvClass {
  let ajv = instances.get(allErrors);
  if (!ajv) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    // discriminator: rule files pick their schema branch by `kind`.
    ajv = new Ajv({ allErrors, strict: true, discriminator: true });
    instances.set(allErrors, ajv);
  }
  return ajv;
}

/** A validator of `schema`, compiled the first time it is called; `allErrors`: it reports every error, not the first. */
export function lazyValidator<T>(schema: object, options: { allErrors?: boolean } = {}): { validate(data: unknown): data is T; readonly errors: ErrorObject[] | null | undefined } {
  let compiled: ValidateFunction<T> | undefined;
  return {
    validate(data: unknown): data is T {
      compiled ??= sharedAjv(options.allErrors === true).compile<T>(schema);
      return compiled(data);
    },
    get errors() {
      return compiled?.errors;
    },
  };
}

/** Where an Ajv error points: the id of the item of `collection` it is in, and the field (`patterns[1]`, `context.window`). */
function locate(data: unknown, error: ErrorObject, collection: string | undefined): { entryId?: string; field?: string } {
  const params = error.params as { additionalProperty?: string; missingProperty?: string; tag?: string };
  const extra =
    error.keyword === 'additionalProperties' ? params.additionalProperty : error.keyword === 'required' ? params.missingProperty : error.keyword === 'discriminator' ? params.tag : undefined;
  const [top, index, ...rest] = error.instancePath.split('/').slice(1);
  const fieldOf = (parts: string[]): string | undefined => {
    const all = extra === undefined ? parts : [...parts, String(extra)];
    if (all.length === 0) return undefined;
    return all.map((part, i) => (/^\d+$/u.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  };
  if (collection === undefined || top !== collection || index === undefined) {
    const field = fieldOf(top === undefined ? [] : [top, ...(index === undefined ? [] : [index]), ...rest]);
    return field === undefined ? {} : { field };
  }
  const item = (data as Record<string, Array<{ id?: unknown }>>)[collection]?.[Number(index)];
  const entryId = typeof item?.id === 'string' ? item.id : `#${index}`;
  const field = fieldOf(rest);
  return field === undefined ? { entryId } : { entryId, field };
}

/** An Ajv error in words: unknown keys, allowed values, unknown kinds (`kinds`: the allowed ones). */
function explain(error: ErrorObject, kinds: readonly string[]): string {
  const quoted = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
    case 'enum':
      return `${error.message ?? 'not an allowed value'}: ${quoted((error.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'discriminator': {
      const params = error.params as { error: string; tagValue?: unknown };
      if (params.error === 'mapping') return `unknown kind ${JSON.stringify(params.tagValue)}: expected one of ${quoted(kinds)}`;
      return `"kind" must be a string, one of ${quoted(kinds)}`;
    }
    default:
      return error.message ?? 'invalid';
  }
}

/**
 * Every problem of a data file against its schema (the validator should report all errors),
 * each with the item and the field it is in. The `if` errors of conditional schemas only
 * repeat the errors of their branch, and are left out.
 */
export function schemaProblems<T>(validator: ReturnType<typeof lazyValidator<T>>, data: unknown, collection?: string): LexiconProblem[] {
  if (validator.validate(data)) return [];
  return (validator.errors ?? []).filter((error) => error.keyword !== 'if').map((error) => ({ ...locate(data, error, collection), reason: explain(error, []) }));
}

/**
 * Check a data file against its schema and, when it holds a `collection` of items with ids,
 * for duplicate ids. Throws a `LexiconError` naming the file, the item and the field.
 */
export function checkData<T>(
  validator: ReturnType<typeof lazyValidator<T>>,
  data: unknown,
  file: string,
  options: { collection?: string; kinds?: readonly string[] } = {},
): T {
  if (!validator.validate(data)) {
    const error = validator.errors![0]!;
    throw new LexiconError(file, explain(error, options.kinds ?? []), locate(data, error, options.collection));
  }
  if (options.collection !== undefined) {
    const seen = new Set<string>();
    for (const item of (data as Record<string, Array<{ id: string }>>)[options.collection] ?? []) {
      if (seen.has(item.id)) throw new LexiconError(file, 'duplicate id', { entryId: item.id, field: 'id' });
      seen.add(item.id);
    }
  }
  return data;
}
