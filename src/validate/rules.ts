/**
 * Which rules help and which hurt on a labelled corpus: for each rule (lexicon entry or pattern
 * rule), the documents of each label where it fires in the author's voice (stance `use`), and
 * the smoothed log-odds ratio of firing, positive label against the rest:
 *
 *   logOdds = ln( ((a + ½) / (P − a + ½)) / ((b + ½) / (R − b + ½)) )
 *
 * with `a` of the `P` positive documents and `b` of the `R` others. Adding ½ to each cell keeps
 * rules that never fire on one side finite, and shrinks those seen in few documents towards 0.
 */
import type { Category } from '../types.js';
import type { LabelledDocument, RuleRow } from './types.js';

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Smoothed log-odds ratio and its standard error (Woolf) for `a` of `p` against `b` of `r`. */
export function logOddsRatio(a: number, p: number, b: number, r: number): { logOdds: number; se: number } {
  const cells = [a + 0.5, p - a + 0.5, b + 0.5, r - b + 0.5] as const;
  return {
    logOdds: Math.log((cells[0] / cells[1]) / (cells[2] / cells[3])),
    se: Math.sqrt(cells.reduce((sum, cell) => sum + 1 / cell, 0)),
  };
}

/**
 * The rules that help most and those that hurt most: up to half of `limit` with the highest
 * log-odds and the rest with the lowest (below 0), the other side filling in when one side has
 * fewer; sorted by log-odds, most helpful first. Ties go to the rule seen in more documents,
 * then by id. Also: how many rules fire at all.
 */
export function ruleTable(documents: readonly LabelledDocument[], positive: string, labels: readonly string[], limit: number): { rows: RuleRow[]; fired: number } {
  const perRule = new Map<string, { category: Category; documents: Map<string, number> }>();
  for (const document of documents) {
    const fired = new Map<string, Category>();
    for (const finding of document.record.findings) if (finding.stance === 'use' && !fired.has(finding.ruleId)) fired.set(finding.ruleId, finding.category);
    for (const [ruleId, category] of fired) {
      let rule = perRule.get(ruleId);
      if (!rule) perRule.set(ruleId, (rule = { category, documents: new Map() }));
      rule.documents.set(document.label, (rule.documents.get(document.label) ?? 0) + 1);
    }
  }
  const p = documents.filter((document) => document.label === positive).length;
  const r = documents.length - p;
  const all = [...perRule].map(([ruleId, rule]) => {
    const a = rule.documents.get(positive) ?? 0;
    let b = 0;
    for (const [label, count] of rule.documents) if (label !== positive) b += count;
    const { logOdds, se } = logOddsRatio(a, p, b, r);
    return { ruleId, category: rule.category, counts: rule.documents, total: a + b, logOdds, se };
  });
  type Rule = (typeof all)[number];
  const byId = (x: Rule, y: Rule): number => (x.ruleId < y.ruleId ? -1 : x.ruleId > y.ruleId ? 1 : 0);
  const helping = all.filter((rule) => rule.logOdds >= 0).sort((x, y) => y.logOdds - x.logOdds || y.total - x.total || byId(x, y));
  const hurting = all.filter((rule) => rule.logOdds < 0).sort((x, y) => x.logOdds - y.logOdds || y.total - x.total || byId(x, y));
  const hurtShown = Math.min(hurting.length, Math.max(Math.floor(limit / 2), limit - helping.length));
  const helpShown = Math.min(helping.length, limit - hurtShown);
  const rows = [...helping.slice(0, helpShown), ...hurting.slice(0, hurtShown).reverse()].map(
    (rule): RuleRow => ({
      ruleId: rule.ruleId,
      category: rule.category,
      documents: Object.fromEntries(labels.map((label) => [label, rule.counts.get(label) ?? 0])),
      logOdds: round3(rule.logOdds),
      se: round3(rule.se),
    }),
  );
  return { rows, fired: all.length };
}
