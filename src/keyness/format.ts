/**
 * Frequency lists and comparisons as text, CSV, JSON or Markdown. Pure: figures in, a string
 * out; everything from the input is escaped for its format (`report/escape.ts`).
 */
import { csvField, markdownText, terminalText } from '../report/escape.js';
import type { Comparison, KeynessRow } from './compare.js';
import type { TermFrequencies, TermGroup, TermRow } from './counts.js';
import type { Candidate } from './candidates.js';
import { ratePerThousand } from './stats.js';

/** The formats of `formatTerms()` and `formatComparison()`. */
export const TABLE_FORMATS = ['text', 'csv', 'json', 'md'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** Options of the formatters. */
export interface TableOptions {
  /** text, md: rows shown per table (0: all). Default 20. csv and json hold every row. */
  top?: number;
}

type Cell = string | number | boolean | null;
const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
const fixed = (value: number, digits: number): string => value.toFixed(digits);
const limited = <T>(rows: readonly T[], top: number): readonly T[] => (top === 0 ? rows : rows.slice(0, top));

/** A p-value as a table shows it: four significant digits, tiny ones in scientific notation. */
export function formatP(p: number): string {
  return p === 0 ? '0' : p < 0.0001 ? p.toExponential(1) : p.toPrecision(2);
}

/** Significance marks of a p-value, as keyness tables print them: `***` < 0.001, `**` < 0.01, `*` < 0.05. */
export const stars = (p: number): string => (p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : '');

/** An aligned text table: numeric columns right-aligned, the last column free. */
function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: readonly boolean[]): string {
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((cell, c) => (c === cells.length - 1 ? cell : numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)].map((text) => `${text}\n`).join('');
}

function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: readonly boolean[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |\n`;
  return line(header) + line(numeric.map((isNumber) => (isNumber ? '---:' : '---'))) + rows.map(line).join('');
}

// ---- terms

const TERM_TITLES = { rule: 'Rules', form: 'Surface forms (lexicon terms)', category: 'Categories' } as const;
const TERM_HEADER = ['count', 'use', 'docs', 'per 1,000', 'key', 'category'];
const TERM_NUMERIC = [true, true, true, true, false, false];

function termCells(row: TermRow, escape: (text: string) => string): string[] {
  return [String(row.count), String(row.use), String(row.documents), fixed(row.rate, 2), escape(row.key), row.kind === 'category' ? '' : row.category];
}

function groupTitle(frequencies: TermFrequencies, group: TermGroup | null): string {
  if (group === null) return 'All documents';
  return `${frequencies.by} = ${group.key === null ? '(none)' : group.key}`;
}

function termSections(frequencies: TermFrequencies, top: number, markdown: boolean): string {
  const escape = markdown ? (text: string): string => markdownText(text) : terminalText;
  const groups: Array<[TermGroup, string]> = [[frequencies.total, groupTitle(frequencies, null)], ...frequencies.groups.map((group): [TermGroup, string] => [group, groupTitle(frequencies, group)])];
  return groups
    .map(([group, title]) => {
      const head = markdown ? `## ${escape(title)}\n\n${plural(group.documents, 'document')}, ${plural(group.words, 'word')}.\n` : `${terminalText(title)}: ${plural(group.documents, 'document')}, ${plural(group.words, 'word')}\n`;
      const tables = (['rule', 'form', 'category'] as const).map((kind) => {
        const rows = kind === 'rule' ? group.rules : kind === 'form' ? group.forms : group.categories;
        // Nine categories at most: always all of them.
        const shown = (kind === 'category' ? rows : limited(rows, top)).map((row) => termCells(row, escape));
        const more = rows.length > shown.length ? ` (top ${shown.length} of ${rows.length})` : '';
        if (shown.length === 0) return markdown ? `### ${TERM_TITLES[kind]}\n\nNone.\n` : `${TERM_TITLES[kind]}: none\n`;
        return markdown
          ? `### ${TERM_TITLES[kind]}${more}\n\n${markdownTable(TERM_HEADER, shown, TERM_NUMERIC)}`
          : `${TERM_TITLES[kind]}${more}\n${textTable(TERM_HEADER, shown, TERM_NUMERIC)}`;
      });
      return `${head}\n${tables.join('\n')}`;
    })
    .join('\n');
}

/** CSV columns of `terms --format csv`: one row per item and scope (`all`, or a group). */
export const TERMS_CSV_COLUMNS: readonly string[] = ['scope', 'group', 'kind', 'key', 'category', 'rule_ids', 'count', 'use', 'documents', 'rate_per_1000', 'scope_documents', 'scope_words'];

function termsCsv(frequencies: TermFrequencies): string {
  const rows = (scope: string, group: TermGroup): string[] =>
    [...group.rules, ...group.forms, ...group.categories].map((row) =>
      csvLine([scope, group.key, row.kind, row.key, row.category, row.ruleIds.join(' '), row.count, row.use, row.documents, row.rate, group.documents, group.words]),
    );
  return [csvLine(TERMS_CSV_COLUMNS), ...rows('all', frequencies.total), ...frequencies.groups.flatMap((group) => rows(`${frequencies.by}`, group))].join('');
}

/** A frequency list in `format`. */
export function formatTerms(frequencies: TermFrequencies, format: TableFormat, options: TableOptions = {}): string {
  const top = options.top ?? 20;
  const voice = frequencies.voice === 'use' ? "findings in the author's voice only" : 'every finding (the "use" column: in the author\'s voice)';
  switch (format) {
    case 'json':
      return `${JSON.stringify(frequencies, null, 2)}\n`;
    case 'csv':
      return termsCsv(frequencies);
    case 'md':
      return `# Terms\n\nCounted: ${voice}.\n\n${termSections(frequencies, top, true)}`;
    case 'text':
      return `Terms. Counted: ${voice}.\n\n${termSections(frequencies, top, false)}`;
  }
}

// ---- compare

const COMPARE_HEADER = ['A', 'A/1,000', 'B', 'B/1,000', 'G²', 'p', '', 'log ratio', 'kind', 'key'];
const COMPARE_NUMERIC = [true, true, true, true, true, true, false, true, false, false];

function keynessCells(row: Pick<KeynessRow, 'countA' | 'countB' | 'g2' | 'p' | 'logRatio' | 'key'> & { kind: string }, comparison: Comparison, escape: (text: string) => string): string[] {
  return [
    String(row.countA),
    fixed(ratePerThousand(row.countA, comparison.a.words), 2),
    String(row.countB),
    fixed(ratePerThousand(row.countB, comparison.b.words), 2),
    fixed(row.g2, 2),
    formatP(row.p),
    stars(row.p),
    fixed(row.logRatio, 2),
    row.kind,
    escape(row.key),
  ];
}

function sideLine(name: 'A' | 'B', side: Comparison['a']): string {
  return `${name} = ${side.label}: ${plural(side.documents, 'document')}, ${plural(side.words, 'word')}`;
}

function compareSections(comparison: Comparison, top: number, markdown: boolean): string {
  const escape = markdown ? (text: string): string => markdownText(text) : terminalText;
  const table = (title: string, rows: ReadonlyArray<KeynessRow | (Candidate & { kind: string })>, none: string, columns = COMPARE_HEADER): string => {
    const shown = limited(rows, top).map((row) => keynessCells(row, comparison, escape));
    const more = rows.length > shown.length ? ` (top ${shown.length} of ${rows.length})` : '';
    if (shown.length === 0) return markdown ? `## ${title}\n\n${none}\n` : `${title}: ${none}\n`;
    return markdown ? `## ${title}${more}\n\n${markdownTable(columns, shown, COMPARE_NUMERIC)}` : `${title}${more}\n${textTable(columns, shown, COMPARE_NUMERIC)}`;
  };
  const moreInA = comparison.rows.filter((row) => row.g2 > 0);
  const moreInB = comparison.rows.filter((row) => row.g2 < 0).reverse();
  const sections = [table('More frequent in A', moreInA, 'none.'), table('More frequent in B', moreInB, 'none.')];
  if (comparison.candidates) {
    const rows = comparison.candidates.map((candidate) => ({ ...candidate, kind: `${candidate.n}-gram` }));
    sections.push(table('Candidate entries (n-grams of A that no lexicon entry covers)', rows, 'none passes the thresholds.'));
  }
  return sections.join('\n');
}

/** CSV columns of `compare --format csv`; candidates are rows of kind `candidate`. */
export const COMPARE_CSV_COLUMNS: readonly string[] = ['kind', 'key', 'count_a', 'rate_a', 'count_b', 'rate_b', 'g2', 'p', 'log_ratio'];

function compareCsv(comparison: Comparison): string {
  const rate = (count: number, words: number): number => Math.round(ratePerThousand(count, words) * 1000) / 1000;
  const line = (kind: string, row: Pick<KeynessRow, 'key' | 'countA' | 'countB' | 'g2' | 'p' | 'logRatio'>): string =>
    csvLine([kind, row.key, row.countA, rate(row.countA, comparison.a.words), row.countB, rate(row.countB, comparison.b.words), row.g2, row.p, row.logRatio]);
  return [csvLine(COMPARE_CSV_COLUMNS), ...comparison.rows.map((row) => line(row.kind, row)), ...(comparison.candidates ?? []).map((candidate) => line('candidate', candidate))].join('');
}

/** A comparison in `format`. Text and Markdown open with the sides and the warnings. */
export function formatComparison(comparison: Comparison, format: TableFormat, options: TableOptions = {}): string {
  const top = options.top ?? 20;
  switch (format) {
    case 'json':
      return `${JSON.stringify(comparison, null, 2)}\n`;
    case 'csv':
      return compareCsv(comparison);
    case 'md': {
      const warnings = comparison.warnings.map((warning) => `> **Warning:** ${markdownText(warning)}\n`).join('');
      return `# Comparison\n\n- ${markdownText(sideLine('A', comparison.a))}\n- ${markdownText(sideLine('B', comparison.b))}\n\n${warnings}${warnings ? '\n' : ''}Signed log-likelihood G² (positive: more frequent in A), p from chi-square with 1 degree of freedom, log ratio = log₂ of the ratio of rates.\n\n${compareSections(comparison, top, true)}`;
    }
    case 'text': {
      const warnings = comparison.warnings.map((warning) => `warning: ${terminalText(warning)}\n`).join('');
      return `${terminalText(sideLine('A', comparison.a))}\n${terminalText(sideLine('B', comparison.b))}\n${warnings}G² signed (+: more in A), p: chi-square 1 df (* < 0.05, ** < 0.01, *** < 0.001), log ratio: log₂(rate A / rate B)\n\n${compareSections(comparison, top, false)}`;
    }
  }
}
