/**
 * LIWC-22 `.dicx`: a CSV table, the terms in the first column (headed `DicTerm`), one column per
 * category, each cell `X` (the term is in the category), a weight, or empty.
 *
 * ```csv
 * DicTerm,intelligence,buzzwords
 * smart city,X,
 * innov*,,2.5
 * ```
 */
import { parse } from 'csv-parse/sync';
import { throwProblems, type LexiconProblem } from '../lexicon/problems.js';
import { DictionaryBuilder, normalizeTerm } from './build.js';
import type { Dictionary, DictionaryRead } from './types.js';

/** The header LIWC-22 gives the term column. */
export const DICX_TERM_COLUMN = 'DicTerm';

/**
 * Read a LIWC-22 `.dicx` (CSV) file; every error of the file is reported at once.
 * @throws {LexiconError} naming the file, the lines and the columns
 */
export function readDicx(text: string, file: string): DictionaryRead {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throwProblems(file, [{ reason: `not a valid CSV table (${error instanceof Error ? error.message : String(error)})` }]);
    throw error;
  }
  const problems: LexiconProblem[] = [];
  const [header = [], ...body] = rows;
  const names = header.slice(1).map((name) => name.trim());
  if (header.length < 2) problems.push({ reason: `line 1: expected a header "${DICX_TERM_COLUMN},category,…" with at least one category column` });
  const builder = new DictionaryBuilder();
  names.forEach((name, i) => {
    if (name === '') problems.push({ reason: `line 1, column ${i + 2}: a category column without a name` });
    else if (builder.hasCategory(name)) problems.push({ reason: `line 1, column ${i + 2}: category ${JSON.stringify(name)} appears twice` });
    else builder.category(name);
  });
  body.forEach((row, r) => {
    const line = r + 2;
    const term = normalizeTerm(row[0] ?? '');
    if (term === '') {
      if (row.some((cell) => cell.trim() !== '')) problems.push({ reason: `line ${line}: a row without a term` });
      return;
    }
    if (row.length > header.length) problems.push({ reason: `line ${line}: ${row.length} cells, but the header has ${header.length} columns` });
    row.slice(1, header.length).forEach((raw, c) => {
      const cell = raw.trim();
      const name = names[c]!;
      if (cell === '') return;
      const weight = /^x$/iu.test(cell) ? 1 : Number(cell);
      if (!Number.isFinite(weight)) problems.push({ reason: `line ${line}, column ${c + 2} (${name}): expected X, a weight or nothing, instead found ${JSON.stringify(cell)}` });
      else if (weight !== 0 && name !== '') builder.add(term, name, weight);
    });
  });
  throwProblems(file, problems);
  return { dictionary: builder.build(), warnings: [] };
}

/** A CSV cell, quoted when it must be. */
function cell(value: string): string {
  return /[",\r\n]|^\s|\s$/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** Write a dictionary as a LIWC-22 `.dicx` table: `X` for weight 1, the weight otherwise. */
export function writeDicx(dictionary: Dictionary): string {
  const header = [DICX_TERM_COLUMN, ...dictionary.categories].map(cell).join(',');
  const rows = dictionary.terms.map(({ term, categories }) => {
    const weights = new Map(categories.map((category) => [category.name, category.weight]));
    const cells = dictionary.categories.map((name) => {
      const weight = weights.get(name);
      return weight === undefined ? '' : weight === 1 ? 'X' : String(weight);
    });
    return [cell(term), ...cells].join(',');
  });
  return [header, ...rows, ''].join('\r\n');
}
