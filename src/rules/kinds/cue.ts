import type { CompileEnv, RuleRunner } from '../env.js';
import { compilePhrases } from '../phrases.js';
import type { CueRule } from '../types.js';

/**
 * `cue`: any of a list of plain phrases, in the lexicon's pattern syntax ("il n'y a pas
 * d'alternative", "à la traîne"). The finding covers the phrase, its clause or its sentence
 * (`span`). The simplest and cheapest kind, like Vale's `existence` check.
 */
export function compileCue(rule: CueRule, env: CompileEnv): RuleRunner {
  return compilePhrases(rule.cues, 'cues', false, rule.span, rule.context, env);
}
