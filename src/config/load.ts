/**
 * `novlangue.config.json`: a run's settings kept with the corpus. Found from the working folder
 * upward (the first one wins), or named with `--config FILE`; checked against
 * `lexicons/config.schema.json`, so that an unknown key or a value of the wrong type is an error
 * naming the file and the key, never a setting silently ignored. Paths in the file are relative
 * to its folder and come back absolute. Which of these settings a run applies, and how the
 * command line wins over them, is the CLI's business (`src/cli/run.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../lexicons/config.schema.json' with { type: 'json' };
import type { ReportFormat } from '../report/types.js';
import type { Lang } from '../types.js';
import { ConfigError } from './errors.js';

/** The name looked for in the working folder and each folder above it. */
export const CONFIG_FILE = 'novlangue.config.json';

/** A config file's settings, paths made absolute. */
export interface Config {
  /** The file they were read from. */
  file: string;
  lang?: Lang | 'auto';
  lexicons?: Partial<Record<Lang, string>>;
  rules?: Partial<Record<Lang, string>>;
  disable?: string[];
  exclude?: string[];
  groupBy?: string;
  format?: ReportFormat;
  top?: number;
  weights?: string;
}

const require = createRequire(import.meta.url);
let validate: ValidateFunction | undefined;

/** The first `novlangue.config.json` in `from` or a folder above it, `undefined` when there is none. */
export function findConfig(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** An Ajv error as the key it is about and what is wrong with it. */
function explain(error: ErrorObject): { key: string | undefined; reason: string } {
  const parts = error.instancePath.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  const key = parts.length === 0 ? undefined : parts.join('.');
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[]; type?: string; pattern?: string };
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = parts.length === 0 ? Object.keys(schema.properties) : ['fr', 'en'];
      const extra = params.additionalProperty!;
      return { key: [...parts, extra].join('.'), reason: `unknown key; expected one of ${known.map((name) => JSON.stringify(name)).join(', ')}` };
    }
    case 'enum':
      return { key, reason: `must be one of ${(params.allowedValues ?? []).map((value) => JSON.stringify(value)).join(', ')}` };
    case 'type':
      return { key, reason: `must be ${params.type === 'array' ? 'an array' : params.type === 'object' ? 'an object' : `a${params.type === 'integer' ? 'n' : ''} ${params.type}`}` };
    case 'pattern':
      return { key, reason: 'must be a rule id such as "fr.budget-participatif" (see `novlangue rules`)' };
    default:
      return { key, reason: error.message ?? 'invalid' };
  }
}

/** `value` resolved against the config's folder. */
const resolved = (dir: string, value: string): string => path.resolve(dir, value);

/**
 * Check parsed config JSON and make its paths absolute.
 * @param file the file's path, for messages and to resolve relative paths
 * @throws {ConfigError} on the first unknown key or wrong type, naming the key
 */
export function checkConfig(data: unknown, file: string): Config {
  if (!validate) {
    const { Ajv } = require('ajv') as typeof import('ajv');
    validate = new Ajv({ allErrors: false, strict: true }).compile(schema);
  }
  if (!validate(data)) {
    const { key, reason } = explain(validate.errors![0]!);
    throw new ConfigError(file, key, reason);
  }
  const raw = data as Omit<Config, 'file'>;
  const dir = path.dirname(path.resolve(file));
  const perLang = (table: Partial<Record<Lang, string>>): Partial<Record<Lang, string>> =>
    Object.fromEntries(Object.entries(table).map(([lang, value]) => [lang, resolved(dir, value)]));
  const config: Config = { ...raw, file };
  delete (config as { $schema?: string }).$schema;
  if (raw.lexicons) config.lexicons = perLang(raw.lexicons);
  if (raw.rules) config.rules = perLang(raw.rules);
  if (raw.weights !== undefined) config.weights = resolved(dir, raw.weights);
  return config;
}

/**
 * Read and check a config file.
 * @throws {ConfigError} when it cannot be read, is not JSON, or does not validate
 */
export function readConfig(file: string): Config {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, undefined, `cannot read the config file (${(error as { code?: string }).code ?? String(error)})`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    throw new ConfigError(file, undefined, `not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return checkConfig(data, file);
}
