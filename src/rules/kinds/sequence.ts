import type { CompileEnv, RuleRunner } from '../env.js';
import { compilePhrases } from '../phrases.js';
import type { SequenceRule } from '../types.js';

/**
 * `sequence`: token patterns whose slots may also name a lexicon category
 * (`@category:solutionism` consumes a whole term finding), a part of speech (`#PROPN`), a
 * negation (`!pied`), a named set (`$tech`) or a bounded gap (`*4`). See `slots.ts`.
 */
export function compileSequence(rule: SequenceRule, env: CompileEnv): RuleRunner {
  return compilePhrases(rule.patterns, 'patterns', true, rule.span, rule.context, env);
}
