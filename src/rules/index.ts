import { compareFindings, findingAt } from '../findings.js';
import type { Finding } from '../types.js';
import { buildContext, trimSpan } from './context.js';
import { bundledRules, type RuleSet } from './load.js';
import type { PatternInput } from './types.js';

export type { PatternInput } from './types.js';

/**
 * Find the rhetorical figures of `input`: every rule of `rules` (by default the bundled rules
 * of the input's language) runs over one shared context, built in linear passes. A finding
 * spans the whole figure (its clause, its enumeration) and lists in `tokens` the tokens that
 * triggered it; its stance is `use` until the stance pass looks at those tokens.
 * Findings come sorted by start, end and rule id; overlapping figures of one rule are merged.
 */
export function findPatterns(input: PatternInput, rules: RuleSet = bundledRules(input.lang)): Finding[] {
  const findings: Finding[] = [];
  if (input.tokens.length === 0) return findings;
  const ctx = buildContext(input);
  ctx.matches = { index: rules.starts, found: rules.starts.matchAll(ctx) };
  const { text, tokens, positions } = input;
  for (const rule of rules.rules) {
    const { data } = rule;
    const spans: Array<{ first: number; end: number; triggers: number[] }> = [];
    for (const figure of rule.run(ctx)) {
      if (figure.triggers.length === 0) continue;
      const keepFirst = figure.triggers[0]!;
      const keepEnd = figure.triggers[figure.triggers.length - 1]! + 1;
      const [first, end] = trimSpan(ctx, Math.min(figure.first, keepFirst), Math.max(figure.end, keepEnd), keepFirst, keepEnd);
      spans.push({ first, end, triggers: figure.triggers });
    }
    // Figures of one rule that overlap make one finding: a rule never reports a stretch twice.
    spans.sort((a, b) => a.first - b.first || a.end - b.end);
    let k = 0;
    while (k < spans.length) {
      const { first } = spans[k]!;
      let { end } = spans[k]!;
      const parts = [spans[k]!.triggers];
      for (k++; k < spans.length && spans[k]!.first < end; k++) {
        end = Math.max(end, spans[k]!.end);
        parts.push(spans[k]!.triggers);
      }
      const triggers = parts.length === 1 ? parts[0]! : [...new Set(parts.flat())].sort((a, b) => a - b);
      const source = { ruleId: rule.ruleId, kind: 'pattern' as const, category: data.category, weight: data.weight, role: 'rhetoric' as const, note: data.note, section: data.section };
      findings.push(findingAt(source, () => data.message, { text, tokens, positions }, first, end, triggers));
    }
  }
  return findings.sort(compareFindings);
}
