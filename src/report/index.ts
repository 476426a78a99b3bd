/** One pure function per format: `(input, options) => string`. Streaming helpers for jsonl and csv. */
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson, formatJsonl } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import type { ReportFormat, ReportInput, ReportOptions } from './types.js';

export { csvHeader, csvRows, formatCsv, CSV_DOCUMENT_COLUMNS, CSV_FINDING_COLUMNS, CSV_META_FIELDS } from './csv.js';
export { formatHtml } from './html.js';
export { formatJson, formatJsonl, jsonlLine } from './json.js';
export { formatMarkdown } from './markdown.js';
export { formatText } from './text.js';
export { jsonRecord, topRules, type RuleTally } from './tally.js';
export { REPORT_FORMATS, type ReportFormat, type ReportInput, type ReportOptions } from './types.js';

const FORMATTERS: Record<ReportFormat, (input: ReportInput, options: ReportOptions) => string> = {
  text: formatText,
  json: formatJson,
  jsonl: formatJsonl,
  csv: formatCsv,
  md: formatMarkdown,
  html: formatHtml,
};

/** The report of a run in `format`. */
export function formatReport(format: ReportFormat, input: ReportInput, options: ReportOptions = {}): string {
  const formatter = FORMATTERS[format];
  if (!formatter) throw new TypeError(`novlangue: unknown report format ${JSON.stringify(format)}; expected one of ${Object.keys(FORMATTERS).join(', ')}.`);
  return formatter(input, options);
}
