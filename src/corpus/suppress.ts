/**
 * Findings left out of a document: those of a rule the run disables, and those a
 * `novlangue-disable` comment covers (its stretches are found by the reader: see
 * `src/documents/directives.ts`). They leave `findings` and the score, and are counted per rule
 * in the record's `suppressed`, so that nothing is lost silently. The figures that follow from
 * the findings (score, categories, stance shares, reading) are computed again from those kept,
 * with the same functions `analyze()` uses.
 */
import type { Suppression } from '../documents/index.js';
import type { SuppressedCount } from '../records.js';
import { readingOf } from '../score/reading.js';
import { categoryStats, scoreOf, type ScoreWeights } from '../score/score.js';
import type { Analysis, Finding, Stance } from '../types.js';

/** Is `finding` left out by a disabled rule or a stretch that covers its start? */
function isSuppressed(finding: Finding, suppressions: readonly Suppression[], disabled: ReadonlySet<string>): boolean {
  if (disabled.has(finding.ruleId)) return true;
  const at = finding.range[0];
  return suppressions.some(({ range, rules }) => at >= range[0] && at < range[1] && (rules === null || rules.includes(finding.ruleId)));
}

/**
 * Take the suppressed findings out of `analysis`, in place, and count them per rule.
 * @returns the counts, rule ids in code unit order; empty when nothing was left out
 */
export function suppressFindings(analysis: Analysis, suppressions: readonly Suppression[], disabled: ReadonlySet<string>, weights?: ScoreWeights): SuppressedCount[] {
  if (suppressions.length === 0 && disabled.size === 0) return [];
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of analysis.findings) {
    if (isSuppressed(finding, suppressions, disabled)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
    else kept.push(finding);
  }
  if (counts.size === 0) return [];
  analysis.findings = kept;
  analysis.score = scoreOf(kept, analysis.words, { weights, evidence: analysis.stance.evidence });
  // The same categories as before, declared ones included, even those left without a finding.
  analysis.categories = categoryStats(kept, analysis.words, weights, Object.keys(analysis.categories));
  const share = (stance: Stance): number => (kept.length === 0 ? 0 : Math.round((1000 * kept.filter((f) => f.stance === stance).length) / kept.length) / 1000);
  analysis.stance = { ...analysis.stance, use: share('use'), reported: share('reported'), distanced: share('distanced') };
  analysis.stance.reading = readingOf(analysis.score, kept, analysis.stance.criticalFrame);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ruleId, count]) => ({ ruleId, count }));
}
