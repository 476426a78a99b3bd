import type { ErrorObject } from 'ajv';
import { lazyValidator } from '../lexicon/schema.js';
import { LexiconError } from '../errors.js';
import type { Lang } from '../types.js';
import { CompileEnv, type RuleRunner } from './env.js';
import { StartIndex } from './slots.js';
import { compileCooccurrence } from './kinds/cooccurrence.js';
import { compileCue } from './kinds/cue.js';
import { compileEnumeration } from './kinds/enumeration.js';
import { compileSequence } from './kinds/sequence.js';
import type { RuleData, RuleKind, RulesData } from './types.js';
import schema from '../../lexicons/rules.schema.json' with { type: 'json' };
import fr from '../../lexicons/rules.fr.json' with { type: 'json' };
import en from '../../lexicons/rules.en.json' with { type: 'json' };

/**
 * The closed registry of rule kinds, one file each under `kinds/` (like Vale's checks): a
 * rule's `kind` picks the compiler, which turns the rule's data into a pure function of the
 * analysis context. Adding a kind means adding a file, a line here and a branch to the schema.
 */
const KINDS: { [K in RuleKind]: (rule: Extract<RuleData, { kind: K }>, env: CompileEnv) => RuleRunner } = {
  cue: compileCue,
  sequence: compileSequence,
  cooccurrence: compileCooccurrence,
  enumeration: compileEnumeration,
};

/** Every rule kind, in the order of the registry. */
export const RULE_KINDS = Object.keys(KINDS) as RuleKind[];

/** A validated, compiled rule. */
export interface CompiledRule {
  /** The rule as written in its file. */
  readonly data: RuleData;
  /** `<lang>.<id>`: the `ruleId` of its findings. */
  readonly ruleId: string;
  /** File (or label) the rule was loaded from. */
  readonly source: string;
  readonly run: RuleRunner;
}

/** The validated, compiled rules of one language. */
export interface RuleSet {
  readonly lang: Lang;
  readonly rules: readonly CompiledRule[];
  /** Where each of the rules' pattern sets may start, computed in one pass per text. */
  readonly starts: StartIndex;
}

const rulesSchema = lazyValidator<RulesData>(schema);

/** The rule id and the field (`cues[2]`, `context.window`) an Ajv error points at. */
function locate(data: unknown, error: ErrorObject): { entryId?: string; field?: string } {
  const path = error.instancePath.split('/').slice(1);
  const extra =
    error.keyword === 'additionalProperties'
      ? String((error.params as { additionalProperty: string }).additionalProperty)
      : error.keyword === 'required'
        ? String((error.params as { missingProperty: string }).missingProperty)
        : error.keyword === 'discriminator'
          ? String((error.params as { tag: string }).tag)
          : undefined;
  const [top, index, ...rest] = path;
  const fieldOf = (parts: string[]): string | undefined => {
    const all = extra === undefined ? parts : [...parts, extra];
    if (all.length === 0) return undefined;
    return all.map((part, i) => (/^\d+$/u.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
  };
  if (top !== 'rules' || index === undefined) {
    const field = fieldOf(top === undefined ? [] : [top, ...(index === undefined ? [] : [index]), ...rest]);
    return field === undefined ? {} : { field };
  }
  const rule = (data as { rules: Array<{ id?: unknown }> }).rules[Number(index)];
  const entryId = typeof rule?.id === 'string' ? rule.id : `#${index}`;
  const field = fieldOf(rest);
  return field === undefined ? { entryId } : { entryId, field };
}

function explain(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String((error.params as { additionalProperty: string }).additionalProperty)}"`;
    case 'enum':
      return `${error.message ?? 'not an allowed value'}: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'discriminator': {
      const params = error.params as { error: string; tagValue?: unknown };
      if (params.error === 'mapping') {
        return `unknown kind ${JSON.stringify(params.tagValue)}: expected one of ${RULE_KINDS.map((k) => `"${k}"`).join(', ')}`;
      }
      return `"kind" must be a string, one of ${RULE_KINDS.map((k) => `"${k}"`).join(', ')}`;
    }
    default:
      return error.message ?? 'invalid';
  }
}

/** Check `data` against `lexicons/rules.schema.json`, then for duplicate ids. Throws `LexiconError`. */
function validateRulesData(data: unknown, file: string): RulesData {
  if (!rulesSchema.validate(data)) {
    const error = rulesSchema.errors![0]!;
    throw new LexiconError(file, explain(error), locate(data, error));
  }
  const seen = new Set<string>();
  for (const rule of data.rules) {
    if (seen.has(rule.id)) throw new LexiconError(file, 'duplicate id', { entryId: rule.id, field: 'id' });
    seen.add(rule.id);
  }
  return data;
}

/**
 * Validate and compile pattern rules (the parsed JSON of a rule file).
 * @param data the parsed JSON document (see `lexicons/rules.schema.json`)
 * @param file the file name or label used in error messages
 * @throws {LexiconError} naming the file, the rule id and the field: unknown kind or key,
 *   duplicate id, a pattern that cannot match, an unknown set, category or tag
 */
export function loadRules(data: unknown, file = '<inline rules>'): RuleSet {
  const valid = validateRulesData(data, file);
  const sets = valid.sets ?? {};
  const starts = new StartIndex();
  const rules = valid.rules.map((rule): CompiledRule => {
    const env = new CompileEnv(valid.lang, sets, file, rule.id, starts);
    const compile = KINDS[rule.kind] as (rule: RuleData, env: CompileEnv) => RuleRunner;
    return { data: rule, ruleId: `${valid.lang}.${rule.id}`, source: file, run: compile(rule, env) };
  });
  return { lang: valid.lang, rules, starts };
}

const DATA: Record<Lang, unknown> = { fr, en };
const compiled = new Map<Lang, RuleSet>();

/** The pattern rules shipped with novlangue for `lang`, compiled once on first use. */
export function bundledRules(lang: Lang): RuleSet {
  let rules = compiled.get(lang);
  if (!rules) {
    rules = loadRules(DATA[lang], `lexicons/rules.${lang}.json`);
    compiled.set(lang, rules);
  }
  return rules;
}
