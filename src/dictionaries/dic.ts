/**
 * LIWC `.dic` (LIWC2001 to LIWC2015, and LIWC-22's legacy format): a header of numbered
 * categories between two lines holding only `%`, then one term a line followed by the numbers
 * of its categories, separated by tabs (or spaces).
 *
 * ```text
 * %
 * 1	intelligence
 * 2	buzzwords
 * %
 * smart city	1
 * innov*	2
 * ```
 */
import { throwProblems, type LexiconProblem } from '../lexicon/problems.js';
import { DictionaryBuilder, normalizeTerm } from './build.js';
import type { Dictionary, DictionaryRead, DictionaryWarning } from './types.js';

const NUMBER = /^\d+$/u;

/** Split a term line into the term and its category fields: by tabs, else by the trailing numbers. */
function splitLine(line: string): { term: string; fields: string[] } {
  if (line.includes('\t')) {
    const [term = '', ...rest] = line.split('\t');
    return { term: normalizeTerm(term), fields: rest.flatMap((field) => field.trim().split(/\s+/u)).filter((field) => field !== '') };
  }
  const words = line.trim().split(/\s+/u);
  let first = words.length;
  while (first > 1 && NUMBER.test(words[first - 1]!)) first--;
  return { term: words.slice(0, first).join(' '), fields: words.slice(first) };
}

/**
 * Read a LIWC `.dic` file. LIWC 2007's conditional categories (`02 134)152/22`, `<of>`) cannot
 * be expressed and are left out with a warning; every error of the file is reported at once.
 * @throws {LexiconError} naming the file and the lines
 */
export function readDic(text: string, file: string): DictionaryRead {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const problems: LexiconProblem[] = [];
  const warnings: DictionaryWarning[] = [];
  const names = new Map<string, string>();
  const builder = new DictionaryBuilder();
  let part: 'start' | 'categories' | 'terms' = 'start';
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (part === 'start') {
      if (trimmed === '%') part = 'categories';
      else if (problems.length === 0) problems.push({ reason: `line ${line}: a LIWC .dic file starts with a line holding only "%", then its numbered categories, then "%" again` });
      return;
    }
    if (part === 'categories') {
      if (trimmed === '%') {
        part = 'terms';
        return;
      }
      const [number = '', ...rest] = raw.includes('\t') ? trimmed.split('\t').map((field) => field.trim()) : trimmed.split(/\s+/u);
      const name = raw.includes('\t') ? (rest[0] ?? '') : rest.join(' ');
      if (!NUMBER.test(number) || name === '') problems.push({ reason: `line ${line}: expected a category as "number<tab>name", instead found ${JSON.stringify(trimmed)}` });
      else if (names.has(number)) problems.push({ reason: `line ${line}: category number ${number} is declared twice` });
      else if (builder.hasCategory(name)) problems.push({ reason: `line ${line}: category name ${JSON.stringify(name)} is declared twice` });
      else {
        names.set(number, name);
        builder.category(name);
      }
      return;
    }
    const { term, fields } = splitLine(raw);
    const categories: string[] = [];
    for (const field of fields) {
      if (!NUMBER.test(field)) {
        warnings.push({ line, message: `"${term}": the category reference ${JSON.stringify(field)} is not a number (LIWC 2007 conditional categories cannot be expressed in novlangue's patterns); left out` });
        continue;
      }
      const name = names.get(String(Number(field))) ?? names.get(field);
      if (name === undefined) problems.push({ reason: `line ${line}: "${term}" is in category ${field}, which the header does not declare` });
      else categories.push(name);
    }
    if (term === '') problems.push({ reason: `line ${line}: a category number without a term` });
    else if (fields.length === 0) problems.push({ reason: `line ${line}: "${term}" has no category number` });
    for (const name of categories) builder.add(term, name, 1);
  });
  // `part` is set inside the callback above, which TypeScript's narrowing does not see.
  const ended = part as 'start' | 'categories' | 'terms';
  if (ended === 'start' && problems.length === 0) problems.push({ reason: 'the file is empty or has no "%" line: a LIWC .dic file starts with "%", its numbered categories, then "%" again' });
  if (ended === 'categories') problems.push({ reason: 'the category header is not closed: add a line holding only "%" after the last category' });
  throwProblems(file, problems);
  return { dictionary: builder.build(), warnings };
}

/** Write a dictionary as a LIWC `.dic` file (weights are not part of the format: see `writeDicx`). */
export function writeDic(dictionary: Dictionary): string {
  // A category name is one field of the header: no whitespace in it.
  const name = (category: string): string => category.replace(/\s+/gu, '_');
  const numbers = new Map(dictionary.categories.map((category, i) => [category, i + 1]));
  const header = dictionary.categories.map((category, i) => `${i + 1}\t${name(category)}`);
  const terms = dictionary.terms.map(({ term, categories }) => [term, ...categories.map((category) => String(numbers.get(category.name)))].join('\t'));
  return ['%', ...header, '%', ...terms, ''].join('\n');
}
