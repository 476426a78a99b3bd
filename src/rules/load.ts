import { LexiconError } from '../errors.js';
import { checkData, lazyValidator } from '../lexicon/schema.js';
import type { Lang } from '../types.js';
import { CompileEnv, type RuleRunner } from './env.js';
import { StartIndex } from '../engine/sets.js';
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
  /** The named sets the rules refer to, as written. */
  readonly sets: Readonly<Record<string, string>>;
  /** Files (or labels) the rules came from, in order. */
  readonly sources: readonly string[];
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
  const valid = validateRulesData(data, file);
  return compileRules(valid.lang, valid.sets ?? {}, valid.rules.map((rule) => ({ rule, file })), [file]);
}

/**
 * Rules extended by the rules of another file of the same language: a rule whose id is already
 * there replaces it, a new one is added; the file's named sets are added to the base's (a set
 * of the same name replaces it).
 * @throws {LexiconError} as `loadRules`, or when the languages differ
 */
export function extendRules(base: RuleSet, extra: unknown, file = '<inline rules>'): RuleSet {
  const valid = validateRulesData(extra, file);
  if (valid.lang !== base.lang) throw new LexiconError(file, `rules are for "${valid.lang}" but extend "${base.lang}" rules`, { field: 'lang' });
  const replaced = new Map(valid.rules.map((rule) => [rule.id, rule]));
  const merged: Array<{ rule: RuleData; file: string }> = [];
  for (const compiled of base.rules) {
    const replacement = replaced.get(compiled.data.id);
    merged.push(replacement ? { rule: replacement, file } : { rule: compiled.data, file: compiled.source });
    replaced.delete(compiled.data.id);
  }
  for (const rule of replaced.values()) merged.push({ rule, file });
  return compileRules(base.lang, { ...base.sets, ...valid.sets }, merged, [...base.sources, file]);
}

/** Compile rules already known to be valid. */
function compileRules(lang: Lang, sets: Readonly<Record<string, string>>, entries: Array<{ rule: RuleData; file: string }>, sources: string[]): RuleSet {
  const starts = new StartIndex();
  const rules = entries.map(({ rule, file }): CompiledRule => {
    const env = new CompileEnv(lang, sets, file, rule.id, starts);
    const compile = KINDS[rule.kind] as (rule: RuleData, env: CompileEnv) => RuleRunner;
    return { data: rule, ruleId: `${lang}.${rule.id}`, source: file, run: compile(rule, env) };
  });
  return { lang, rules, sets, sources, starts };
}

// Checked against their schema by the tests (tests/patterns.test.ts): a run does not compile
// the schema validator for the bundled files.
const DATA = { fr, en } as unknown as Record<Lang, RulesData>;
const compiled = new Map<Lang, RuleSet>();

/** The pattern rules shipped with novlangue for `lang`, compiled once on first use. */
export function bundledRules(lang: Lang): RuleSet {
  let rules = compiled.get(lang);
  if (!rules) {
    const file = `lexicons/rules.${lang}.json`;
    rules = compileRules(lang, DATA[lang].sets ?? {}, DATA[lang].rules.map((rule) => ({ rule, file })), [file]);
    compiled.set(lang, rules);
  }
  return rules;
}
