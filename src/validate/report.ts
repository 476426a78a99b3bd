/** A validation report from the selected documents: pure, deterministic, plain JSON. */
import { LANGS } from '../languages/index.js';
import { compare } from './compare.js';
import { ruleTable } from './rules.js';
import type { LabelledDocument, LangValidation, Selection, ValidationReport } from './types.js';
import { worstPairs } from './worst.js';

export interface ReportSettings {
  positive: string;
  /** Bootstrap resamples per interval (0: none). */
  resamples: number;
  seed: number;
  /** Rows of the rule table. */
  rules: number;
  /** Inverted pairs listed. */
  worst: number;
}

/** Languages in report order. */

/** Documents per label: the positive label first, then the others in code unit order. */
function labelCounts(documents: readonly LabelledDocument[], positive: string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const document of documents) counts.set(document.label, (counts.get(document.label) ?? 0) + 1);
  const others = [...counts.keys()].filter((label) => label !== positive).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries([...(counts.has(positive) ? [positive] : []), ...others].map((label) => [label, counts.get(label)!]));
}

/**
 * The report of a selection (see `checkSelection`, which makes sure it has a positive document
 * and another label).
 */
export function validationReport(selection: Selection, settings: ReportSettings): ValidationReport {
  const { positive, resamples, seed } = settings;
  const { documents } = selection;
  const labels = labelCounts(documents, positive);
  const othersIn = (counts: Record<string, number>): string[] => Object.keys(counts).filter((label) => label !== positive);
  const byLang: ValidationReport['byLang'] = {};
  for (const lang of LANGS) {
    const inLang = documents.filter((document) => document.lang === lang);
    if (inLang.length === 0) continue;
    const counts = labelCounts(inLang, positive);
    const comparisons = compare(inLang, { positive, others: othersIn(counts), resamples, seed, scope: lang });
    byLang[lang] = { documents: inLang.length, labels: counts, ...comparisons } satisfies LangValidation;
  }
  const all = compare(documents, { positive, others: othersIn(labels), resamples, seed, scope: 'all' });
  const rules = ruleTable(documents, positive, Object.keys(labels), settings.rules);
  return {
    positive,
    documents: documents.length,
    labels,
    auc: all.auc,
    interval: all.interval,
    byLang,
    rules: rules.rows,
    rulesFired: rules.fired,
    worst: worstPairs(documents, positive, settings.worst),
    leftOut: { unlabelled: selection.unlabelled, excluded: Object.fromEntries(Object.entries(selection.excluded).sort(([a], [b]) => (a < b ? -1 : 1))) },
    failures: selection.failures,
    bootstrap: { resamples, seed, level: 0.95 },
  };
}
