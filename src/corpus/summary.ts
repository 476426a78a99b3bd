/**
 * `summarizeCorpus()`: pure figures over records. A ranking, per-category totals and rates, and
 * the same figures per group (a folder or a metadata field) and per year, which is what
 * comparisons between cities and over time need.
 */
import { MIN_WORDS } from '../score/score.js';
import { CATEGORIES, type Category } from '../types.js';
import { groupOf, isCorpusFailure, yearOf, type CategoryTotal, type CorpusDocumentLean, type CorpusErrorCode, type CorpusSummary, type GroupSummary, type RankedDocument, type ReportResult, type ScoreStats, type SummaryOptions } from '../records.js';

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** Code unit order with `null` last: the same in every locale. */
const compareKeys = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

function scoreStats(scores: number[]): ScoreStats {
  if (scores.length === 0) return { mean: 0, median: 0, max: 0 };
  const sorted = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { mean: round(scores.reduce((sum, score) => sum + score, 0) / scores.length, 1), median: round(median, 1), max: sorted[sorted.length - 1]! };
}

/** Figures of a set of documents. Rates are per 1,000 words of the set's whole text. */
export function summarizeGroup(key: string | null, documents: readonly CorpusDocumentLean[]): GroupSummary {
  // The nine, then the categories custom lexicons declared (those the documents have figures of), by id.
  const declared = [...new Set(documents.flatMap((document) => Object.keys(document.categories)))].filter((category) => !(CATEGORIES as readonly string[]).includes(category)).sort();
  const all = [...CATEGORIES, ...declared] as Category[];
  const categories = Object.fromEntries(all.map((category) => [category, { count: 0, weighted: 0, rate: 0, documents: 0 }])) as Record<Category, CategoryTotal>;
  const readings = { promotional: 0, critical: 0, neutral: 0 };
  let words = 0;
  let findings = 0;
  for (const document of documents) {
    words += document.words;
    findings += document.findings.length;
    readings[document.stance.reading]++;
    for (const category of all) {
      if (!Object.hasOwn(document.categories, category)) continue;
      const stats = document.categories[category];
      const total = categories[category];
      total.count += stats.count;
      total.weighted += stats.weighted;
      if (stats.count > 0) total.documents++;
    }
  }
  for (const category of all) {
    const total = categories[category];
    total.weighted = round(total.weighted, 2);
    total.rate = words === 0 ? 0 : round((1000 * total.count) / words, 3);
  }
  return { key, documents: documents.length, words, findings, score: scoreStats(documents.map((d) => d.score)), categories, readings };
}

/** Up to three categories of a document with the most weighted points (ties: report order). */
function topCategories(document: CorpusDocumentLean): Category[] {
  // The record's own categories: the nine, then those its lexicons declared.
  return (Object.keys(document.categories) as Category[]).filter((category) => document.categories[category].count > 0)
    .map((category, order) => ({ category, weighted: document.categories[category].weighted, order }))
    .sort((a, b) => b.weighted - a.weighted || a.order - b.order)
    .slice(0, 3)
    .map(({ category }) => category);
}

function groupsBy(documents: readonly CorpusDocumentLean[], keyOfDocument: (document: CorpusDocumentLean) => string | null): GroupSummary[] {
  const groups = new Map<string | null, CorpusDocumentLean[]>();
  for (const document of documents) {
    const key = keyOfDocument(document);
    const members = groups.get(key);
    if (members) members.push(document);
    else groups.set(key, [document]);
  }
  return [...groups.keys()].sort(compareKeys).map((key) => summarizeGroup(key, groups.get(key)!));
}

/**
 * Summarise the records of a corpus run (in any order: the summary sorts what it needs).
 * @param results records from `analyzeCorpus()`, full or without tokens
 */
export function summarizeCorpus(results: Iterable<ReportResult>, options: SummaryOptions = {}): CorpusSummary {
  const groupBy = options.groupBy ?? 'folder';
  const documents: CorpusDocumentLean[] = [];
  const errors = new Map<CorpusErrorCode, number>();
  let files = 0;
  for (const result of results) {
    files++;
    if (isCorpusFailure(result)) errors.set(result.error.code, (errors.get(result.error.code) ?? 0) + 1);
    else documents.push(result);
  }
  const sorted = [...documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // A text shorter than the score's floor is counted as that long: it is ranked after the others.
  const isShort = (document: CorpusDocumentLean): boolean => document.words < MIN_WORDS;
  // Empty files have nothing to measure: a 0.0 among the group figures would only pull them down.
  const measured = sorted.filter((document) => document.empty !== true);
  // Nor do a few words measure a group: eleven words with six findings would be its loudest voice.
  const byFile = options.includeShort === true ? measured : measured.filter((document) => !isShort(document));
  const rankOf = (document: CorpusDocumentLean): number => (document.empty === true ? 2 : isShort(document) ? 1 : 0);
  const ranking: RankedDocument[] = [...sorted]
    .sort((a, b) => rankOf(a) - rankOf(b) || b.score - a.score)
    .map((document, index) => ({
      rank: index + 1,
      file: document.file,
      score: document.score,
      words: document.words,
      short: isShort(document),
      ...(document.empty === true ? { empty: true as const } : {}),
      findings: document.findings.length,
      reading: document.stance.reading,
      group: groupOf(document, groupBy),
      year: yearOf(document),
      top: topCategories(document),
    }));
  return {
    files,
    documents: documents.length,
    failures: files - documents.length,
    errors: Object.fromEntries([...errors.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    // The corpus's own totals count every word it has; only the groups' figures leave short texts out.
    total: summarizeGroup(null, measured),
    ranking,
    groupBy,
    groups: groupsBy(byFile, (document) => groupOf(document, groupBy)),
    years: groupsBy(byFile, (document) => {
      const year = yearOf(document);
      return year === null ? null : String(year);
    }),
    empty: sorted.length - measured.length,
    short: measured.length - byFile.length,
  };
}
