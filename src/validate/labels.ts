/**
 * Labels files: a JSON array of objects, or a CSV with a header, each naming a `file` and its
 * `label`; other fields (`lang`, `source`, `title`…) are ignored. Parsing only: the caller reads
 * the file and gives its path for the messages.
 */
import path from 'node:path';
import { describeValue } from '../errors.js';
import { parseCsv } from './csv.js';
import { ValidationError } from './errors.js';
import type { LabelRow } from './types.js';

/** A label as written: strings trimmed, numbers and booleans as text, `null` and absence as `''` (no label). */
function labelText(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function fromJson(data: unknown, file: string): LabelRow[] {
  if (!Array.isArray(data)) throw new ValidationError(`the labels file ${file} must hold a JSON array of objects with "file" and "label", instead found ${describeValue(data)}.`, file);
  return data.map((item: unknown, index): LabelRow => {
    const where = `the labels file ${file}, item ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new ValidationError(`${where}: expected an object with "file" and "label", instead found ${describeValue(item)}.`, file);
    const { file: name, label } = item as { file?: unknown; label?: unknown };
    if (typeof name !== 'string' || name.trim() === '') throw new ValidationError(`${where}: "file" must be a file name, instead found ${describeValue(name)}.`, file);
    const text = labelText(label);
    if (text === undefined) throw new ValidationError(`${where} (${name}): "label" must be a string, instead found ${describeValue(label)}.`, file);
    return { file: name.trim(), label: text };
  });
}

function fromCsv(source: string, file: string): LabelRow[] {
  let rows: string[][];
  try {
    rows = parseCsv(source);
  } catch (error) {
    throw new ValidationError(`the labels file ${file} is not valid CSV (${error instanceof Error ? error.message : String(error)}).`, file, { cause: error });
  }
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const fileColumn = header.indexOf('file');
  const labelColumn = header.indexOf('label');
  if (fileColumn === -1 || labelColumn === -1) {
    throw new ValidationError(`the labels file ${file} needs a header line with a "file" and a "label" column, instead found ${rows.length === 0 ? 'nothing' : JSON.stringify(rows[0]!.join(','))}.`, file);
  }
  return rows.slice(1).map((cells, index): LabelRow => {
    const name = (cells[fileColumn] ?? '').trim();
    if (name === '') throw new ValidationError(`the labels file ${file}, row ${index + 2}: the "file" cell is empty.`, file);
    return { file: name, label: (cells[labelColumn] ?? '').trim() };
  });
}

/**
 * The rows of a labels file. JSON when the name ends in `.json` or the text starts with `[`,
 * CSV otherwise. A file named twice with two different labels is an error.
 * @throws {ValidationError} naming the file and the item or row that is wrong
 */
export function parseLabels(source: string, file: string): LabelRow[] {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const json = path.extname(file).toLowerCase() === '.json' || text.trimStart().startsWith('[');
  let rows: LabelRow[];
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new ValidationError(`the labels file ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, file, { cause: error });
    }
    rows = fromJson(data, file);
  } else rows = fromCsv(text, file);
  if (rows.length === 0) throw new ValidationError(`the labels file ${file} holds no labels: expected rows of "file" and "label".`, file);
  const seen = new Map<string, string>();
  for (const row of rows) {
    const before = seen.get(row.file);
    if (before !== undefined && before !== row.label) throw new ValidationError(`the labels file ${file} gives ${row.file} two labels, ${JSON.stringify(before)} and ${JSON.stringify(row.label)}.`, file);
    seen.set(row.file, row.label);
  }
  return rows;
}
