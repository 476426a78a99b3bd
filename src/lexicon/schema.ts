import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';

/**
 * JSON Schema validators for the data files (lexicons, stance markers, rules), compiled on
 * first use with one shared Ajv instance: `--version`, `--help` and runs that load no data do
 * not pay for Ajv's start-up and schema compilation.
 */

const require = createRequire(import.meta.url);
let ajv: AjvClass | undefined;

function sharedAjv(): AjvClass {
  if (!ajv) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    // discriminator: rule files pick their schema branch by `kind`.
    ajv = new Ajv({ allErrors: false, strict: true, discriminator: true });
  }
  return ajv;
}

/** A validator of `schema`, compiled the first time it is called. */
export function lazyValidator<T>(schema: object): { validate(data: unknown): data is T; readonly errors: ErrorObject[] | null | undefined } {
  let compiled: ValidateFunction<T> | undefined;
  return {
    validate(data: unknown): data is T {
      compiled ??= sharedAjv().compile<T>(schema);
      return compiled(data);
    },
    get errors() {
      return compiled?.errors;
    },
  };
}
