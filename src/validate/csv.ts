/**
 * Labels files as CSV, read by csv-parse: quoted cells with `""`, CRLF or LF, a leading byte
 * order mark, and `,`, `;` (spreadsheets set to French) or tab as the separator, told by the
 * header line.
 */
import { CsvError, parse } from 'csv-parse/sync';

/** Rows of cells; blank lines are skipped. Throws an `Error` saying which line is wrong. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const header = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = header.includes(',') ? ',' : header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
  try {
    const rows = parse(source, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];
    return rows.filter((row) => row.length > 1 || row[0]!.trim() !== '');
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error(`line ${error.lines}: a quoted cell is never closed`, { cause: error });
    if (error instanceof CsvError) throw new Error(`line ${error.lines}: ${error.message}`, { cause: error });
    throw error;
  }
}
