/**
 * The public API of pattern rules (re-exported by `src/index.ts`). `findPatterns` stays
 * internal: `analyze()` runs it, on tokens and a position map users never build themselves.
 */
export { bundledRules, loadRules, RULE_KINDS, type CompiledRule, type RuleSet } from './load.js';
export { rulesTable } from './table.js';
export type {
  CooccurrenceRule,
  CueRule,
  EnumerationRule,
  RuleBase,
  RuleContextData,
  RuleData,
  RuleKind,
  RulesData,
  SequenceRule,
  SpanKind,
} from './types.js';
