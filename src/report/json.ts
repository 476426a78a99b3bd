/** JSON (one document: summary and records) and JSON Lines (one record per line, streamable). */
import type { ReportResult } from '../corpus/types.js';
import { jsonRecord } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

/** The whole run as one JSON document: `{ summary, results }`, indented, ending with a newline. */
export function formatJson(input: ReportInput, options: ReportOptions = {}): string {
  const results = input.results.map((result) => jsonRecord(result, options.withText));
  return `${JSON.stringify({ summary: input.summary, results }, null, 2)}\n`;
}

/** One JSON Lines line (with its `\n`): write each as its file finishes. */
export function jsonlLine(result: ReportResult, options: ReportOptions = {}): string {
  return `${JSON.stringify(jsonRecord(result, options.withText))}\n`;
}

/** Every record as JSON Lines. */
export function formatJsonl(input: Pick<ReportInput, 'results'>, options: ReportOptions = {}): string {
  return input.results.map((result) => jsonlLine(result, options)).join('');
}
