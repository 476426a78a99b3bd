/**
 * What the text and Markdown reports of a validation show, as sections of lines and tables of
 * plain strings; each format renders and escapes them its own way.
 */
import { LANGS } from '../languages/index.js';
import type { Lang } from '../types.js';
import type { Comparisons, ValidationReport } from './types.js';

export interface Column {
  title: string;
  align: 'left' | 'right';
}

export interface Section {
  title: string;
  /** Paragraph lines before the table. */
  lines: string[];
  table?: { columns: Column[]; rows: string[][] };
  /** Lines after the table. */
  notes: string[];
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
const listed = (files: readonly string[], shown = 5): string => (files.length > shown ? `${files.slice(0, shown).join(', ')} and ${files.length - shown} more` : files.join(', '));

/** An AUC with its interval: `0.812 (0.741–0.873)`; `n/a` without pairs; `–` when the comparison does not apply. */
function aucCell(comparisons: Comparisons, key: string): string {
  if (!(key in comparisons.auc)) return '–';
  const value = comparisons.auc[key];
  if (value === null || value === undefined) return 'n/a';
  const interval = comparisons.interval[key];
  return interval ? `${value.toFixed(3)} (${interval[0].toFixed(3)}–${interval[1].toFixed(3)})` : value.toFixed(3);
}

function summary(report: ValidationReport, langs: readonly Lang[]): Section {
  const counts = Object.entries(report.labels).map(([label, count]) => `${label} ${count}`).join(', ');
  const lines = [`${plural(report.documents, 'document')} compared: ${counts}.`];
  if (langs.length > 1) lines.push(`Languages: ${langs.map((lang) => `${lang} ${report.byLang[lang]!.documents}`).join(', ')}.`);
  for (const [label, files] of Object.entries(report.leftOut.excluded)) lines.push(`${plural(files.length, 'document')} labelled ${JSON.stringify(label)} left out (excluded label).`);
  const { unlabelled } = report.leftOut;
  if (unlabelled.length > 0) lines.push(`${plural(unlabelled.length, 'document')} without a label left out: ${listed(unlabelled)}.`);
  if (report.failures.length > 0) {
    lines.push(`${plural(report.failures.length, 'file')} could not be analysed, left out: ${listed(report.failures.map((failure) => `${failure.file} (${failure.error.code})`))}.`);
  }
  return { title: `Validation: ${JSON.stringify(report.positive)} against the other labels`, lines, notes: [] };
}

function aucSection(report: ValidationReport, langs: readonly Lang[]): Section {
  const scopes: Array<{ title: string; comparisons: Comparisons; labels: Record<string, number>; documents: number }> = [
    { title: langs.length > 1 ? 'all' : (langs[0] ?? 'all'), comparisons: report, labels: report.labels, documents: report.documents },
  ];
  if (langs.length > 1) for (const lang of langs) scopes.push({ title: lang, comparisons: report.byLang[lang]!, labels: report.byLang[lang]!.labels, documents: report.byLang[lang]!.documents });
  const keys = Object.keys(report.auc);
  const rows = keys.map((key) => [key, ...scopes.map((scope) => aucCell(scope.comparisons, key))]);
  const cells = rows.flat();
  rows.push(['documents', ...scopes.map((scope) => `${scope.documents} (${scope.labels[report.positive] ?? 0} ${report.positive})`)]);
  const { resamples, seed, level } = report.bootstrap;
  return {
    title: `ROC AUC of the score, ${report.positive} against`,
    lines: [],
    table: { columns: [{ title: 'against', align: 'left' }, ...scopes.map((scope): Column => ({ title: scope.title, align: 'left' }))], rows },
    notes: [
      `The probability that a ${report.positive} document scores above one of the other label (ties count half): 0.5 is chance, 1 a perfect ranking.`,
      resamples > 0 ? `In parentheses, the ${Math.round(level * 100)} % interval: percentile bootstrap, ${resamples} resamples within each label, seed ${seed}.` : 'No intervals (--bootstrap 0).',
      ...(cells.includes('n/a') ? [`n/a: no ${report.positive} document, or none of the other side, in that language.`] : []),
      ...(cells.includes('–') ? ['–: no document of that label in that language.'] : []),
    ],
  };
}

function rulesSection(report: ValidationReport): Section {
  const title = `Rules in the author's voice: documents where each fires, log-odds ${report.positive} against the rest`;
  if (report.rulesFired === 0) return { title, lines: ['No rule fires in the author’s voice in the compared documents.'], notes: [] };
  const labels = Object.keys(report.labels);
  const columns: Column[] = [
    { title: 'rule', align: 'left' },
    { title: 'category', align: 'left' },
    ...labels.map((label): Column => ({ title: `${label} (${report.labels[label]})`, align: 'right' })),
    { title: 'log-odds', align: 'right' },
    { title: 'se', align: 'right' },
  ];
  const sign = (value: number): string => (value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2));
  const rows = report.rules.map((rule) => [rule.ruleId, rule.category, ...labels.map((label) => String(rule.documents[label] ?? 0)), sign(rule.logOdds), rule.se.toFixed(2)]);
  const helping = report.rules.filter((rule) => rule.logOdds >= 0).length;
  const shown =
    report.rules.length < report.rulesFired
      ? `Of ${report.rulesFired} rules that fire, the ${helping} that help most and the ${report.rules.length - helping} that hurt most (--rules N for more)`
      : `All ${plural(report.rulesFired, 'rule')} that fire`;
  return {
    title,
    lines: [],
    table: { columns, rows },
    notes: [`${shown}, smoothed by adding 0.5 to each count. Above 0, a rule fires more often in ${report.positive} documents (it helps the score); below 0, more often in the others (it hurts).`],
  };
}

function worstSection(report: ValidationReport): Section {
  const title = `Worst inversions: documents of other labels scored above ${report.positive} ones`;
  if (report.worst.length === 0) return { title, lines: [`No document of another label scores above a ${report.positive} one.`], notes: [] };
  const columns: Column[] = [
    { title: '#', align: 'right' },
    { title: 'score', align: 'right' },
    { title: 'label', align: 'left' },
    { title: 'file', align: 'left' },
    { title: 'above', align: 'right' },
    { title: `${report.positive} file`, align: 'left' },
  ];
  const rows = report.worst.map((pair, i) => [String(i + 1), pair.above.score.toFixed(1), pair.above.label, pair.above.file, pair.below.score.toFixed(1), pair.below.file]);
  return {
    title,
    lines: [],
    table: { columns, rows },
    notes: [`The highest-scoring documents of other labels, each beside the lowest-scoring ${report.positive} document it outranks: the texts to read first.`],
  };
}

/** The sections of a report, in order. */
export function reportSections(report: ValidationReport): Section[] {
  const langs = LANGS.filter((lang) => report.byLang[lang] !== undefined);
  return [summary(report, langs), aucSection(report, langs), rulesSection(report), worstSection(report)];
}
