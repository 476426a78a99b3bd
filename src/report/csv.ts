/**
 * CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed). The columns are
 * fixed and documented, so a spreadsheet or a script built on them keeps working; a run whose
 * custom lexicons declare categories has their columns too, after every fixed column but the
 * error's, so that each fixed column keeps its position.
 */
import { isCorpusFailure, type MetaValue, type ReportResult } from '../records.js';
import { CATEGORIES, type CategoryStats } from '../types.js';
import { declaredCategoryIds, isBundledCategory } from '../lexicon/categories.js';
import { csvField } from './escape.js';
import { contextOf, titleOf } from './facts.js';
import { groupOf, yearOf } from '../records.js';
import type { ReportInput, ReportOptions } from './types.js';

/** Metadata fields that get their own column (the ones the docs describe). */
export const CSV_META_FIELDS = ['city', 'kind', 'date', 'source'] as const;

/** Columns of `--per document` (the default), in order, for a run without declared categories. */
export const CSV_DOCUMENT_COLUMNS: readonly string[] = [
  'file',
  'folder',
  'format',
  'encoding',
  'bytes',
  'lang',
  'words',
  'score',
  'reading',
  'findings',
  'use_share',
  'reported_share',
  'distanced_share',
  ...CATEGORIES.flatMap((category) => [`${category}_count`, `${category}_rate`]),
  ...CSV_META_FIELDS,
  // Added columns go here, before the error's: a script that reads columns by position keeps working.
  'title',
  'year',
  'group',
  'error_code',
  'error_message',
];

/** Characters of context each side of a finding in `--per finding`'s `left` and `right`. */
export const CSV_CONTEXT_CHARS = 40;

/** Columns of `--per finding`, in order. */
export const CSV_FINDING_COLUMNS: readonly string[] = [
  'file',
  'folder',
  'rule_id',
  'kind',
  'category',
  'stance',
  'weight',
  'role',
  'start',
  'end',
  'line',
  'column',
  'end_line',
  'end_column',
  'actual',
  'message',
  'section',
  'note',
  // Added columns go here, before the error's: a script that reads columns by position keeps working.
  'left',
  'right',
  'lang',
  'title',
  // Prefixed: a finding has a `kind` of its own.
  ...CSV_META_FIELDS.map((field) => `meta_${field}`),
  'error_code',
  'error_message',
];

/** CSV options: the report options, and the categories declared by the run's custom lexicons. */
export type CsvOptions = ReportOptions & {
  /**
   * `--per document`: the declared categories that get `<id>_count, <id>_rate` columns, in
   * order, after `group`. Default: those of the custom lexicons compiled in this thread
   * (`formatCsv`: those of its records), sorted by id.
   */
  categories?: readonly string[];
};

/** The declared categories of the options, without the bundled ones. */
function declaredOf(options: CsvOptions): readonly string[] {
  return (options.categories ?? declaredCategoryIds()).filter((category) => !isBundledCategory(category));
}

/** `CSV_DOCUMENT_COLUMNS` with the columns of the declared categories before the error's. */
function documentColumns(declared: readonly string[]): readonly string[] {
  if (declared.length === 0) return CSV_DOCUMENT_COLUMNS;
  const errorAt = CSV_DOCUMENT_COLUMNS.indexOf('error_code');
  return [...CSV_DOCUMENT_COLUMNS.slice(0, errorAt), ...declared.flatMap((category) => [`${category}_count`, `${category}_rate`]), ...CSV_DOCUMENT_COLUMNS.slice(errorAt)];
}

type Cell = string | number | boolean | null;

const metaCell = (value: MetaValue | undefined): Cell =>
  value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : value;

const line = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** The header line (with a BOM first when `excel`). */
export function csvHeader(options: CsvOptions = {}): string {
  const columns = options.per === 'finding' ? CSV_FINDING_COLUMNS : documentColumns(declaredOf(options));
  return `${options.excel ? '\uFEFF' : ''}${line(columns)}`;
}

/**
 * The lines of one record: one per document, or one per finding (`per: 'finding'`). A failure
 * is one line with its error code and message in both modes; a document without findings has
 * no line in `per: 'finding'`.
 */
export function csvRows(result: ReportResult, options: CsvOptions = {}): string {
  const blanks = (count: number): null[] => new Array<null>(count).fill(null);
  if (options.per === 'finding') {
    if (isCorpusFailure(result)) return line([result.file, ...blanks(CSV_FINDING_COLUMNS.length - 3), result.error.code, result.error.message]);
    const title = titleOf(result);
    const meta = CSV_META_FIELDS.map((field) => metaCell(result.meta[field]));
    return result.findings
      .map((finding) => {
        const { left, right } = contextOf(result.text, finding.range, CSV_CONTEXT_CHARS);
        return line([
          result.file,
          result.folder,
          finding.ruleId,
          finding.kind,
          finding.category,
          finding.stance,
          finding.weight,
          finding.role,
          finding.range[0],
          finding.range[1],
          finding.place.start.line,
          finding.place.start.column,
          finding.place.end.line,
          finding.place.end.column,
          finding.actual,
          finding.message,
          finding.section,
          finding.note,
          left,
          right,
          result.lang,
          title,
          ...meta,
          null,
          null,
        ]);
      })
      .join('');
  }
  const declared = declaredOf(options);
  if (isCorpusFailure(result)) return line([result.file, ...blanks(documentColumns(declared).length - 3), result.error.code, result.error.message]);
  // A record has the figures of every category its lexicons declare; 0 for one it lacks.
  const stats = (category: string): CategoryStats | undefined => (Object.hasOwn(result.categories, category) ? (result.categories as Record<string, CategoryStats>)[category] : undefined);
  return line([
    result.file,
    result.folder,
    result.format,
    result.encoding,
    result.bytes,
    result.lang,
    result.words,
    result.score,
    result.stance.reading,
    result.findings.length,
    result.stance.use,
    result.stance.reported,
    result.stance.distanced,
    ...CATEGORIES.flatMap((category) => [result.categories[category].count, result.categories[category].rate]),
    ...CSV_META_FIELDS.map((field) => metaCell(result.meta[field])),
    titleOf(result),
    yearOf(result),
    groupOf(result, options.groupBy),
    ...declared.flatMap((category) => [stats(category)?.count ?? 0, stats(category)?.rate ?? 0]),
    null,
    null,
  ]);
}

/** The categories beyond the nine that the records have figures of, sorted by id. */
function recordCategories(results: readonly ReportResult[]): string[] {
  const ids = new Set<string>();
  for (const result of results) {
    if (isCorpusFailure(result)) continue;
    for (const category of Object.keys(result.categories)) if (!isBundledCategory(category)) ids.add(category);
  }
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The whole CSV: header, then the records in path order (with a column pair for each declared category they have). */
export function formatCsv(input: Pick<ReportInput, 'results'>, options: CsvOptions = {}): string {
  const settled: CsvOptions = options.categories === undefined ? { ...options, categories: recordCategories(input.results) } : options;
  return csvHeader(settled) + input.results.map((result) => csvRows(result, settled)).join('');
}

/**
 * The cells of one row this module wrote (without its CRLF), unquoted; `undefined` when it is
 * not RFC 4180 (a stray quote or line break). The inverse of `csvRows`' quoting, for `--resume`;
 * `csvText` then takes the formula prefix off a text cell.
 */
export function csvCells(row: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (row[i] === '"') {
      i++;
      for (;;) {
        const quote = row.indexOf('"', i);
        if (quote < 0) return undefined;
        cell += row.slice(i, quote);
        if (row[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        cell += '"';
        i = quote + 2;
      }
      if (i < row.length && row[i] !== ',') return undefined;
    } else {
      const comma = row.indexOf(',', i);
      const end = comma < 0 ? row.length : comma;
      cell = row.slice(i, end);
      if (/["\r\n]/.test(cell)) return undefined;
      i = end;
    }
    cells.push(cell);
    if (i >= row.length) return cells;
    i++; // the comma
  }
}
