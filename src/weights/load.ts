/**
 * Score weights as data: the JSON of a weights file (`novlangue calibrate` writes it,
 * `--weights FILE` reads it) checked against `lexicons/weights.schema.json`. Unknown keys,
 * categories and languages, and multipliers that are not numbers from 0 to 100, are errors
 * that name the file and the key. Nothing here reads files: the caller gives the parsed JSON.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../lexicons/weights.schema.json' with { type: 'json' };
import { describeValue } from '../errors.js';
import type { ScoreWeights } from '../score/score.js';
import { CATEGORIES } from '../types.js';
import { WeightsError } from './errors.js';

/** A weights file: the multipliers, and how they were fitted (informative, never read). */
export interface WeightsFile {
  $schema?: string;
  weights: ScoreWeights;
  fitted?: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
let ajv: AjvClass | undefined;
const compiled = new Map<'file' | 'weights', ValidateFunction>();

/** The validator of a whole file or of its `weights` object, compiled on first use (runs without weights never load Ajv). */
function validator(which: 'file' | 'weights'): ValidateFunction {
  let validate = compiled.get(which);
  if (!validate) {
    if (!ajv) {
      const { Ajv } = require('ajv') as typeof import('ajv');
      ajv = new Ajv({ allErrors: false, strict: true });
    }
    validate = ajv.compile(which === 'file' ? schema : { definitions: schema.definitions, allOf: [{ $ref: '#/definitions/scoreWeights' }] });
    compiled.set(which, validate);
  }
  return validate;
}

const quoted = (values: readonly string[]): string => values.map((value) => JSON.stringify(value)).join(', ');
/** `describeValue`, with the text of a short string: `a string ("2")`. */
const found = (value: unknown): string => (typeof value === 'string' && value.length <= 40 ? `a string (${JSON.stringify(value)})` : describeValue(value));

/** An Ajv error in words, with the dotted key it is about (`weights.fr.intelligence`). */
function explain(error: ErrorObject, value: unknown, prefix: readonly string[]): { key: string | undefined; reason: string } {
  const parts = error.instancePath.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  // Depth below the `weights` object: 0 the object itself, 1 a language, 2 a category.
  const depth = parts.length - prefix.length;
  const keyOf = (all: readonly string[]): string | undefined => (all.length === 0 ? undefined : all.join('.'));
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = params.additionalProperty!;
      const key = keyOf([...parts, extra]);
      if (depth < 0) return { key, reason: `unknown key ${JSON.stringify(extra)}: expected one of ${quoted(Object.keys(schema.properties))}` };
      if (depth === 0) return { key, reason: `unknown language ${JSON.stringify(extra)}: expected "fr" or "en"` };
      return { key, reason: `unknown category ${JSON.stringify(extra)}: expected one of ${quoted(CATEGORIES)}` };
    }
    case 'required':
      return { key: keyOf([...parts, params.missingProperty!]), reason: 'missing: the multipliers per language and category, e.g. { "weights": { "fr": { "intelligence": 1.5 } } }' };
    case 'type':
      if (depth === 2) return { key: keyOf(parts), reason: `a multiplier must be a number from 0 to 100, instead found ${found(value)}` };
      if (depth === 1) return { key: keyOf(parts), reason: `must be an object of category multipliers, instead found ${found(value)}` };
      if (depth === 0) return { key: keyOf(parts), reason: `must be an object with a "fr" and/or an "en" object of multipliers, instead found ${found(value)}` };
      return { key: keyOf(parts), reason: `must be an object, instead found ${found(value)}` };
    case 'minimum':
    case 'maximum':
      return { key: keyOf(parts), reason: `a multiplier must be a number from 0 to 100, instead found ${found(value)}` };
    default:
      return { key: keyOf(parts), reason: error.message ?? 'invalid' };
  }
}

/** The value at an Ajv instance path. */
function at(data: unknown, instancePath: string): unknown {
  let value = data;
  for (const part of instancePath.split('/').slice(1)) value = (value as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  return value;
}

/** Multipliers that JSON cannot hold but an object can (NaN, Infinity): Ajv's `number` lets them through. */
function checkFinite(weights: ScoreWeights, file: string, prefix: readonly string[]): void {
  for (const [lang, categories] of Object.entries(weights)) {
    for (const [category, multiplier] of Object.entries(categories ?? {})) {
      if (!Number.isFinite(multiplier)) throw new WeightsError(file, `a multiplier must be a number from 0 to 100, instead found ${describeValue(multiplier)}`, [...prefix, lang, category].join('.'));
    }
  }
}

function check(which: 'file' | 'weights', data: unknown, file: string): void {
  const validate = validator(which);
  const prefix = which === 'file' ? ['weights'] : [];
  if (!validate(data)) {
    const error = validate.errors![0]!;
    if (error.instancePath === '' && error.keyword === 'type') throw new WeightsError(file, `must be a JSON object like { "weights": { "fr": { "intelligence": 1.5 } } }, instead found ${describeValue(data)}`);
    const { key, reason } = explain(error, at(data, error.instancePath), prefix);
    throw new WeightsError(file, reason, key);
  }
}

/**
 * Check the parsed JSON of a weights file (`file` names it in errors).
 * @throws {WeightsError} naming the file and the key, when it does not validate
 */
export function loadWeights(data: unknown, file: string): WeightsFile {
  const bare = typeof data === 'object' && data !== null && !Array.isArray(data) && !('weights' in data) && ('fr' in data || 'en' in data);
  if (bare) throw new WeightsError(file, 'missing: the multipliers per language go under a "weights" key, e.g. { "weights": { "fr": { "intelligence": 1.5 } } }', 'weights');
  check('file', data, file);
  const weightsFile = data as WeightsFile;
  checkFinite(weightsFile.weights, file, ['weights']);
  return weightsFile;
}

/**
 * Check a `weights` object given to the API (`where` names it in errors, e.g.
 * `analyzeCorpus() option "weights"`).
 * @throws {WeightsError} naming the key, when it is not `{ fr?: { category: multiplier } , en?: … }`
 */
export function checkWeights(data: unknown, where: string): ScoreWeights {
  check('weights', data, where);
  checkFinite(data as ScoreWeights, where, []);
  return data as ScoreWeights;
}
