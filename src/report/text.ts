/**
 * The terminal report: a ranked table, the failures, categories, groups and years, then the
 * top findings of each document. Colours (ANSI) only when asked; every string from input is
 * made terminal-safe first.
 */
import type { GroupSummary } from '../records.js';
import { isCorpusFailure } from '../records.js';
import { CATEGORIES, type Category } from '../types.js';
import { terminalText } from './escape.js';
import { CATEGORY_ANSI, categoryIndex, categoryLabel } from './labels.js';
import { excerpt, topRules } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

type Paint = (text: string, code: number) => string;

interface Column {
  title: string;
  align: 'left' | 'right';
}

const width = (text: string): number => [...text].length;

/** A table with aligned columns; `paint` colours cells after padding, so alignment holds. */
function table(columns: Column[], rows: string[][], colours: Array<Array<number | undefined>>, paint: Paint, indent = '  '): string[] {
  const widths = columns.map((column, i) => Math.max(width(column.title), ...rows.map((row) => width(row[i] ?? ''))));
  const pad = (text: string, i: number): string => {
    const fill = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.align === 'right' ? fill + text : text + fill;
  };
  const last = columns.length - 1;
  const render = (cells: string[], codes: Array<number | undefined>): string =>
    indent +
    cells
      .map((cell, i) => {
        // The last column is not padded: no trailing spaces.
        const padded = i === last && columns[i]!.align === 'left' ? cell : pad(cell, i);
        const code = codes[i];
        return code === undefined ? padded : paint(padded, code);
      })
      .join('  ');
  return [render(columns.map((c) => c.title), columns.map(() => 1)), ...rows.map((row, r) => render(row, colours[r] ?? []))];
}

const scoreColour = (score: number): number => (score >= 50 ? 31 : score >= 20 ? 33 : 32);
const fixed = (value: number, digits: number): string => value.toFixed(digits);
const keyText = (key: string | null, none: string): string => (key === null ? none : terminalText(key));

function groupTable(title: string, groups: readonly GroupSummary[], none: string, paint: Paint): string[] {
  if (groups.length === 0) return [];
  const columns: Column[] = [
    { title, align: 'left' },
    { title: 'docs', align: 'right' },
    { title: 'words', align: 'right' },
    { title: 'findings', align: 'right' },
    { title: 'mean', align: 'right' },
    { title: 'median', align: 'right' },
    { title: 'max', align: 'right' },
    { title: 'top categories (per 1,000 words)', align: 'left' },
  ];
  const rows = groups.map((group) => [
    keyText(group.key, none),
    String(group.documents),
    String(group.words),
    String(group.findings),
    fixed(group.score.mean, 1),
    fixed(group.score.median, 1),
    fixed(group.score.max, 1),
    CATEGORIES.filter((category) => group.categories[category].count > 0)
      .sort((a, b) => group.categories[b].rate - group.categories[a].rate)
      .slice(0, 3)
      .map((category) => `${category} ${fixed(group.categories[category].rate, 2)}`)
      .join(', ') || '-',
  ]);
  return table(columns, rows, groups.map((group) => [undefined, undefined, undefined, undefined, scoreColour(group.score.mean)]), paint);
}

/** The text report. */
export function formatText(input: ReportInput, options: ReportOptions = {}): string {
  const paint: Paint = options.color ? (text, code) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
  const heading = (text: string): string => paint(text, 1);
  const category = (name: Category): string => paint(name, CATEGORY_ANSI[categoryIndex(name)] ?? 39);
  const { summary } = input;
  const out: string[] = [];

  out.push(
    `${heading('novlangue')}: ${summary.files} file${summary.files === 1 ? '' : 's'}, ${summary.documents} analysed, ${summary.failures} failed; ${summary.total.words} words, ${summary.total.findings} findings`,
    '',
  );

  if (summary.ranking.length > 0) {
    out.push(heading('Ranking'));
    const columns: Column[] = [
      { title: '#', align: 'right' },
      { title: 'score', align: 'right' },
      { title: 'reading', align: 'left' },
      { title: 'words', align: 'right' },
      { title: 'findings', align: 'right' },
      { title: 'top categories', align: 'left' },
      { title: 'file', align: 'left' },
    ];
    const rows = summary.ranking.map((entry) => [
      String(entry.rank),
      fixed(entry.score, 1),
      entry.short ? `${entry.reading} (short)` : entry.reading,
      String(entry.words),
      String(entry.findings),
      entry.top.join(', ') || '-',
      terminalText(entry.file),
    ]);
    out.push(...table(columns, rows, summary.ranking.map((entry) => [undefined, scoreColour(entry.score)]), paint), '');
  }

  const failures = input.results.filter(isCorpusFailure);
  if (failures.length > 0) {
    out.push(heading('Failures'));
    const rows = failures.map((failure) => [failure.error.code, terminalText(failure.error.message)]);
    out.push(...table([{ title: 'code', align: 'left' }, { title: 'message', align: 'left' }], rows, failures.map(() => [31]), paint), '');
  }

  if (summary.documents > 0) {
    out.push(heading('Categories'));
    const rows = CATEGORIES.map((name) => {
      const total = summary.total.categories[name];
      return [name, categoryLabel(name), String(total.count), String(total.documents), fixed(total.rate, 2)];
    });
    const columns: Column[] = [
      { title: 'category', align: 'left' },
      { title: 'label', align: 'left' },
      { title: 'findings', align: 'right' },
      { title: 'docs', align: 'right' },
      { title: 'per 1,000 words', align: 'right' },
    ];
    out.push(...table(columns, rows, CATEGORIES.map((name) => [CATEGORY_ANSI[categoryIndex(name)]]), paint), '');

    out.push(heading(summary.groupBy === 'folder' ? 'By folder' : `By ${terminalText(summary.groupBy)}`));
    out.push(...groupTable(summary.groupBy === 'folder' ? 'folder' : terminalText(summary.groupBy), summary.groups, '(none)', paint), '');
    if (summary.years.some((year) => year.key !== null)) {
      out.push(heading('By year'));
      out.push(...groupTable('year', summary.years, '(no date)', paint), '');
    }
  }

  const top = options.top ?? 5;
  if (top > 0 && summary.ranking.length > 0) {
    out.push(heading('Top findings'));
    const byFile = new Map(input.results.filter((result) => !isCorpusFailure(result)).map((result) => [result.file, result]));
    for (const entry of summary.ranking) {
      const document = byFile.get(entry.file);
      if (!document || isCorpusFailure(document)) continue;
      out.push(`  ${entry.rank}. ${terminalText(entry.file)}  ${paint(fixed(entry.score, 1), scoreColour(entry.score))}  ${entry.reading}`);
      const rules = topRules(document, top);
      if (rules.length === 0) out.push('     (no findings)');
      for (const rule of rules) {
        const forms = rule.forms.map((form) => `« ${terminalText(excerpt(form))} »`).join(' ');
        const voice = rule.use === rule.count ? '' : ` (${rule.use} in the author’s voice)`;
        out.push(`     ${`×${rule.count}`.padStart(4)}  ${category(rule.category)}  ${forms}  ${rule.first.line}:${rule.first.column}  ${terminalText(rule.ruleId)} w${rule.weight}${voice}`);
      }
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
