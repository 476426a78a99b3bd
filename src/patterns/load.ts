import { checkData, lazyValidator } from '../lexicon/schema.js';
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

/** Check `data` against `lexicons/rules.schema.json`, then for duplicate ids. Throws `LexiconError`. */
function validateRulesData(data: unknown, file: string): RulesData {
  return checkData(rulesSchema, data, file, { collection: 'rules', kinds: RULE_KINDS });
}

/**
 * Validate and compile pattern rules (the parsed JSON of a rule file).
 * @param data the parsed JSON document (see `lexicons/rules.schema.json`)
 * @param file the file name or label used in error messages
 * @throws {LexiconError} naming the file, the rule id and the field: unknown kind or key,
 *   duplicate id, a pattern that cannot match, an unknown set, category or tag
 */
export function loadRules(data: unknown, file = '<inline rules>'): RuleSet {
  return compileRules(validateRulesData(data, file), file);
}

/** Compile rules already known to be valid (the bundled rules: see `bundledRules`). */
function compileRules(valid: RulesData, file: string): RuleSet {
  const sets = valid.sets ?? {};
  const starts = new StartIndex();
  const rules = valid.rules.map((rule): CompiledRule => {
    const env = new CompileEnv(valid.lang, sets, file, rule.id, starts);
    const compile = KINDS[rule.kind] as (rule: RuleData, env: CompileEnv) => RuleRunner;
    return { data: rule, ruleId: `${valid.lang}.${rule.id}`, source: file, run: compile(rule, env) };
  });
  return { lang: valid.lang, rules, starts };
}

// Checked against their schema by the tests (tests/patterns.test.ts): a run does not compile
// the schema validator for the bundled files.
const DATA = { fr, en } as unknown as Record<Lang, RulesData>;
const compiled = new Map<Lang, RuleSet>();

/** The pattern rules shipped with novlangue for `lang`, compiled once on first use. */
export function bundledRules(lang: Lang): RuleSet {
  let rules = compiled.get(lang);
  if (!rules) {
    rules = compileRules(DATA[lang], `lexicons/rules.${lang}.json`);
    compiled.set(lang, rules);
  }
  return rules;
}
