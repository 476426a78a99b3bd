/**
 * Streamed runs (jsonl, csv): a record straight to its report line, where it is analysed. A
 * worker then hands the main thread a string instead of a graph of findings, so the main
 * thread neither deserialises nor serialises findings and only writes lines in order.
 */
import { csvRows } from '../report/csv.js';
import { jsonlLine } from '../report/json.js';
import type { ReportOptions } from '../report/types.js';
import { isCorpusFailure, type CorpusErrorCode, type ReportResult } from '../records.js';

/** How records become lines; plain data, so workers receive it once with the run's settings. */
export interface LineFormat {
  format: 'jsonl' | 'csv';
  options: Pick<ReportOptions, 'per' | 'withText' | 'groupBy'>;
}

/** A record as its report line, with what the end of a run needs (failures, `--fail-above`). */
export interface RecordLine {
  file: string;
  /** The error code of a failure. */
  code?: CorpusErrorCode;
  /** The score of a document. */
  score?: number;
  /** The number of findings of a document (for the CLI's closing line). */
  findings?: number;
  /**
   * The record's line(s) in UTF-8, line ends included (csv `--per finding`: none, or several).
   * Bytes rather than a string: from a worker they arrive outside the main thread's JavaScript
   * heap, which then stays small, and they are written without encoding them again.
   */
  line: Uint8Array;
}

const utf8 = new TextEncoder();

/** The line of the report modules, byte for byte, in any thread. */
export function recordLine(result: ReportResult, { format, options }: LineFormat): RecordLine {
  const line = utf8.encode(format === 'jsonl' ? jsonlLine(result, options) : csvRows(result, options));
  return isCorpusFailure(result) ? { file: result.file, code: result.error.code, line } : { file: result.file, score: result.score, findings: result.findings.length, line };
}
