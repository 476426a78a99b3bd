/** One pure function per format: `(input, options) => string`. Streaming helpers for jsonl and csv; json and html also in parts. */
import { formatCsv } from './csv.js';
import { formatHtml, htmlChunks } from './html.js';
import { formatJson, formatJsonl, jsonChunks } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import type { ReportFormat, ReportInput, ReportOptions } from './types.js';

export { csvHeader, csvRows, formatCsv, CSV_DOCUMENT_COLUMNS, CSV_FINDING_COLUMNS, CSV_META_FIELDS } from './csv.js';
export { formatHtml, htmlChunks } from './html.js';
export { formatJson, formatJsonl, jsonChunks, jsonlLine } from './json.js';
export { formatMarkdown } from './markdown.js';
export { formatText } from './text.js';
export { jsonRecord, ruleGlosses, topRules, type RecordFinding, type RuleGloss, type RuleTally } from './tally.js';
export { REPORT_FORMATS, type ReportFormat, type ReportInput, type ReportOptions } from './types.js';

const FORMATTERS: Record<ReportFormat, (input: ReportInput, options: ReportOptions) => string> = {
  text: formatText,
  json: formatJson,
  jsonl: formatJsonl,
  csv: formatCsv,
  md: formatMarkdown,
  html: formatHtml,
};

function formatterOf(format: ReportFormat): (input: ReportInput, options: ReportOptions) => string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new TypeError(`novlangue: unknown report format ${JSON.stringify(format)}; expected one of ${Object.keys(FORMATTERS).join(', ')}.`);
  return formatter;
}

/** The report of a run in `format`. */
export function formatReport(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): string {
  return formatterOf(format)(input, options);
}

/**
 * The report of a run in `format`, in parts whose concatenation is `formatReport`'s text: json
 * and html a record at a time, the others whole. A JavaScript string holds about 500 million
 * characters, fewer than the json or html report of ten thousand documents may need; write the
 * parts one after the other instead.
 */
export function reportChunks(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): Iterable<string> {
  if (format === 'json') return jsonChunks(input, options);
  if (format === 'html') return htmlChunks(input, options);
  return [formatterOf(format)(input, options)];
}
