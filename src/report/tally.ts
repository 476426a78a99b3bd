/** What reports show of a document's findings and what its JSON record holds. */
import { type Category, type Finding, type Place } from '../types.js';
import { isCorpusFailure, type CorpusDocumentLean, type ReportResult } from '../records.js';

/** A rule's findings in one document, for "top findings". */
export interface RuleTally {
  ruleId: string;
  kind: Finding['kind'];
  category: Category;
  weight: number;
  count: number;
  /** How many are in the author's own voice. */
  use: number;
  /** Distinct matched forms, in order of appearance (at most 3). */
  forms: string[];
  /** Where the first one is. */
  first: Place['start'];
  note: string;
  section: string;
}

/**
 * A document's findings grouped by rule, most weight first (weight × count in the author's
 * voice, then weight × count, then first position), at most `limit` of them.
 */
export function topRules(document: Pick<CorpusDocumentLean, 'findings'>, limit = Infinity): RuleTally[] {
  const tallies = new Map<string, RuleTally>();
  for (const finding of document.findings) {
    let tally = tallies.get(finding.ruleId);
    if (!tally) {
      tally = { ruleId: finding.ruleId, kind: finding.kind, category: finding.category, weight: finding.weight, count: 0, use: 0, forms: [], first: finding.place.start, note: finding.note, section: finding.section };
      tallies.set(finding.ruleId, tally);
    }
    tally.count++;
    if (finding.stance === 'use') tally.use++;
    if (tally.forms.length < 3 && !tally.forms.includes(finding.actual)) tally.forms.push(finding.actual);
  }
  return [...tallies.values()]
    .sort((a, b) => b.weight * b.use - a.weight * a.use || b.weight * b.count - a.weight * a.count || a.first.offset - b.first.offset)
    .slice(0, limit);
}

/** A finding as JSON records hold it: without the gloss, which a rule has once (see `RuleGloss`), nor token indices into tokens a record leaves out. */
export type RecordFinding = Omit<Finding, 'note' | 'section' | 'tokens'>;

/** What every finding of a rule shares: told once per JSON report, and by `novlangue rules --format json`. */
export interface RuleGloss {
  kind: Finding['kind'];
  category: Category;
  weight: number;
  role: Finding['role'];
  note: string;
  section: string;
}

function recordFinding({ ruleId, kind, category, range, place, actual, stance, weight, role, message }: Finding): RecordFinding {
  return { ruleId, kind, category, range, place, actual, stance, weight, role, message };
}

/**
 * The JSON record of a result: the analysis without tokens and sentences (they would dwarf
 * the rest), its findings without their glosses, and without the text unless asked. Key order
 * is fixed, so output is stable.
 */
export function jsonRecord(result: ReportResult, withText = false): Record<string, unknown> {
  if (isCorpusFailure(result)) return { file: result.file, error: { code: result.error.code, message: result.error.message } };
  const { file, folder, format, encoding, bytes, meta, lang, words, score, categories, stance, text } = result;
  const findings = result.findings.map(recordFinding);
  const record: Record<string, unknown> = { file, folder, format, encoding, bytes, meta, lang, words, score, categories, stance, findings };
  // Present only when they say something: most records have none of them.
  if (result.empty) record['empty'] = true;
  if (result.warnings?.length) record['warnings'] = result.warnings;
  if (result.suppressed?.length) record['suppressed'] = result.suppressed;
  if (withText) record['text'] = text;
  return record;
}

/** The gloss of every rule that has a finding in `results`, by rule id, in order of first appearance. */
export function ruleGlosses(results: readonly ReportResult[]): Record<string, RuleGloss> {
  const glosses: Record<string, RuleGloss> = {};
  for (const result of results) {
    if (isCorpusFailure(result)) continue;
    for (const { ruleId, kind, category, weight, role, note, section } of result.findings) {
      glosses[ruleId] ??= { kind, category, weight, role, note, section };
    }
  }
  return glosses;
}

/** A matched form for a one-line listing: whitespace collapsed, cut at `max` characters with an ellipsis. */
export function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A term's count in a group: the rule, its most frequent form, how many findings in the author's voice. */
export interface TermCount {
  ruleId: string;
  form: string;
  count: number;
}

/**
 * The terms (lexicon entries, not figures) most found in the author's own voice, per group:
 * `limit` per group, most first, then by rule id. The form shown is the rule's most frequent
 * one, case folded.
 */
export function topTerms<D extends Pick<CorpusDocumentLean, 'findings'>>(documents: Iterable<D>, groupOf: (document: D) => string | null, limit = 5): Map<string | null, TermCount[]> {
  const groups = new Map<string | null, Map<string, { count: number; forms: Map<string, number> }>>();
  for (const document of documents) {
    const key = groupOf(document);
    let rules = groups.get(key);
    if (!rules) groups.set(key, (rules = new Map()));
    for (const finding of document.findings) {
      if (finding.kind !== 'term' || finding.stance !== 'use') continue;
      let rule = rules.get(finding.ruleId);
      if (!rule) rules.set(finding.ruleId, (rule = { count: 0, forms: new Map() }));
      rule.count++;
      const form = excerpt(finding.actual.toLowerCase(), 40);
      rule.forms.set(form, (rule.forms.get(form) ?? 0) + 1);
    }
  }
  const byCount = <T>(a: [string, T], b: [string, T], count: (value: T) => number): number => count(b[1]) - count(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return new Map(
    [...groups].map(([key, rules]) => [
      key,
      [...rules]
        .sort((a, b) => byCount(a, b, (rule) => rule.count))
        .slice(0, limit)
        .map(([ruleId, rule]) => ({ ruleId, count: rule.count, form: [...rule.forms].sort((a, b) => byCount(a, b, (n) => n))[0]![0] })),
    ]),
  );
}
