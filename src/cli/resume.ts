/**
 * `--resume`: read what an interrupted run left in its `--output` file. A record is a complete
 * line (jsonl) or row (csv) that parses; a last one cut short (the run was killed in the middle
 * of a write) is no record, and is cut off the file before the run appends the other records.
 * Anything else that is not a record of the same format and options stops the run with a
 * usage error and leaves the file as it is: resuming never destroys a file it did not write.
 */
import { createReadStream } from 'node:fs';
import { systemCode } from '../errors.js';
import { CSV_DOCUMENT_COLUMNS, csvCells, csvHeader } from '../report/csv.js';
import { csvText, terminalText } from '../report/escape.js';
import type { ReportOptions } from '../report/types.js';
import { UsageError } from './errors.js';

/** A record already in the output file: its file, and what the end-of-run checks need. */
export interface Recorded {
  file: string;
  /** The error code of a failure. */
  code?: string;
  /** The score of a document. */
  score?: number;
}

/** The records of an output file, and how many of its bytes hold them. */
export interface Resumed {
  records: Recorded[];
  /** Bytes of the complete records (and of the csv header): the file is cut to this length. */
  bytes: number;
  /** csv: the file starts with the header, which is not written again. */
  header: boolean;
}

/**
 * The complete lines of a file, without their line end, and the offset after each. A jsonl line
 * ends at LF (JSON escapes every LF inside a record); a csv row at CRLF outside quotes. Quotes,
 * CR and LF are never part of a multi-byte UTF-8 character, so the bytes are split as they come,
 * without decoding the whole file or holding it in memory.
 */
async function* completeLines(file: string, csv: boolean): AsyncGenerator<{ line: Buffer; end: number }> {
  let parts: Buffer[] = [];
  let offset = 0;
  let quoted = false;
  let previous = -1;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (csv && byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted && (!csv || (i > 0 ? chunk[i - 1] : previous) === 0x0d)) {
        parts.push(chunk.subarray(start, i + 1));
        const line = Buffer.concat(parts);
        parts = [];
        start = i + 1;
        yield { line: line.subarray(0, line.length - (csv ? 2 : 1)), end: offset + i + 1 };
      }
    }
    parts.push(chunk.subarray(start));
    if (chunk.length > 0) previous = chunk[chunk.length - 1]!;
    offset += chunk.length;
  }
}

const notOurs = (file: string, what: string): UsageError =>
  new UsageError(`cannot resume ${terminalText(file)}: ${what}, so it is not the report of an interrupted novlangue run. Give another --output, or delete the file to start again.`);

const otherOptions = (file: string, option: string, had: boolean): UsageError =>
  new UsageError(`cannot resume ${terminalText(file)}: it was written ${had ? 'with' : 'without'} ${option}; resume with the options of the interrupted run.`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonlRecord(text: string, n: number, file: string, withText: boolean): Recorded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notOurs(file, `line ${n} is not JSON`);
  }
  if (!isObject(value) || typeof value['file'] !== 'string') throw notOurs(file, `line ${n} is not a record (no "file")`);
  const error = value['error'];
  if (isObject(error) && typeof error['code'] === 'string') return { file: value['file'], code: error['code'] };
  const score = value['score'];
  if (typeof score !== 'number') throw notOurs(file, `line ${n} is neither a document (no "score") nor a failure`);
  if (('text' in value) !== withText) throw otherOptions(file, '--with-text', !withText);
  return { file: value['file'], score };
}

/**
 * A row of the `--per document` CSV whose columns are `columns` (the run's header: the fixed
 * columns, plus those of the categories a custom lexicon declares).
 */
function csvRecord(text: string, n: number, file: string, columns: readonly string[]): Recorded {
  const cells = csvCells(text);
  if (!cells || cells.length !== columns.length) throw notOurs(file, `row ${n} does not have the ${columns.length} columns of --per document`);
  const name = csvText(cells[columns.indexOf('file')]!);
  const code = cells[columns.indexOf('error_code')]!;
  if (code !== '') return { file: name, code };
  const score = cells[columns.indexOf('score')]!;
  if (score === '' || !Number.isFinite(Number(score))) throw notOurs(file, `row ${n} has neither a score nor an error code`);
  return { file: name, score: Number(score) };
}

/**
 * The records already in `file`, an output of `format` written with `options`; `undefined`
 * when there is no such file (nothing to resume: the run starts from the beginning).
 * @throws {UsageError} when the file cannot be read, or holds something other than records
 *   of that format and those options
 */
export async function readResume(file: string, format: 'jsonl' | 'csv', options: ReportOptions): Promise<Resumed | undefined> {
  const csv = format === 'csv';
  const header = csvHeader(options).slice(0, -2);
  const columns = csvCells(header.replace(/^\uFEFF/u, '')) ?? CSV_DOCUMENT_COLUMNS;
  const resumed: Resumed = { records: [], bytes: 0, header: false };
  let n = 0;
  try {
    for await (const { line, end } of completeLines(file, csv)) {
      n++;
      const text = line.toString('utf8');
      if (csv && n === 1) {
        if (text !== header) {
          if (text === csvHeader({ ...options, excel: !options.excel }).slice(0, -2)) throw otherOptions(file, '--excel', !options.excel);
          throw notOurs(file, 'its first line is not the header of --format csv --per document');
        }
        resumed.header = true;
      } else {
        resumed.records.push(csv ? csvRecord(text, n, file, columns) : jsonlRecord(text, n, file, options.withText ?? false));
      }
      resumed.bytes = end;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (systemCode(error) === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${terminalText(file)} to resume it (${systemCode(error) ?? String(error)}).`, { cause: error });
  }
  return resumed;
}
