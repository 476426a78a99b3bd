/**
 * One pure function per format: `(input, options) => string` (html: a promise of one, its charts
 * are rendered by Vega, which is asynchronous). Streaming helpers for jsonl and csv; json and
 * html also in parts; `htmlSite` for a folder of pages.
 */
import { formatCsv } from './csv.js';
import { formatHtml, htmlChunks } from './html.js';
import { formatJson, formatJsonl, jsonChunks } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import type { ReportFormat, ReportInput, ReportOptions } from './types.js';

export { csvHeader, csvRows, formatCsv, CSV_DOCUMENT_COLUMNS, CSV_FINDING_COLUMNS, CSV_META_FIELDS } from './csv.js';
export { DEFAULT_TOP_DOCS, documentPagePath, formatHtml, htmlChunks, htmlSite, type HtmlPage } from './html.js';
export { REPORT_LOCALES, resolveLocale, type ReportLocale } from './locale.js';
export { SMALL_GROUP, isSmallGroup, titleOf } from './facts.js';
export { formatJson, formatJsonl, jsonChunks, jsonlLine } from './json.js';
export { formatMarkdown } from './markdown.js';
export { formatText } from './text.js';
export { jsonRecord, ruleGlosses, topRules, type RecordFinding, type RuleGloss, type RuleTally } from './tally.js';
export { REPORT_FORMATS, type ReportFormat, type ReportInput, type ReportOptions } from './types.js';

const FORMATTERS: Record<ReportFormat, (input: ReportInput, options: ReportOptions) => string | Promise<string>> = {
  text: formatText,
  json: formatJson,
  jsonl: formatJsonl,
  csv: formatCsv,
  md: formatMarkdown,
  html: formatHtml,
};

function formatterOf(format: ReportFormat): (input: ReportInput, options: ReportOptions) => string | Promise<string> {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new TypeError(`novlangue: unknown report format ${JSON.stringify(format)}; expected one of ${Object.keys(FORMATTERS).join(', ')}.`);
  return formatter;
}

/** The report of a run in `format` (asynchronous, because the html report's charts are). */
export async function formatReport(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): Promise<string> {
  return formatterOf(format)(input, options);
}

/**
 * The report of a run in `format`, in parts whose concatenation is `formatReport`'s text: json
 * and html a record at a time, the others whole. A JavaScript string holds about 500 million
 * characters, fewer than the json or html report of ten thousand documents may need; write the
 * parts one after the other instead.
 */
export async function* reportChunks(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): AsyncGenerator<string> {
  if (format === 'json') yield* jsonChunks(input, options);
  else if (format === 'html') yield* htmlChunks(input, options);
  else yield await formatterOf(format)(input, options);
}
