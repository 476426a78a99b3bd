/**
 * quanteda's YAML dictionaries: each key a category, its value a list of glob patterns, or a
 * mapping of sub-categories (named `parent.child`, as quanteda flattens them).
 *
 * ```yaml
 * intelligence:
 *   - smart city
 *   - intelligen*
 * economy:
 *   positive: [growth, prosper*]
 * ```
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';
import { throwProblems, type LexiconProblem } from '../lexicon/problems.js';
import { DictionaryBuilder, normalizeTerm } from './build.js';
import type { Dictionary, DictionaryRead } from './types.js';

/** quanteda's separator between the levels of a nested key. */
const LEVEL_SEPARATOR = '.';

/**
 * Read a quanteda YAML dictionary; every error of the file is reported at once.
 * @throws {LexiconError} naming the file, the line and the column
 */
export function readYamlDictionary(text: string, file: string): DictionaryRead {
  const document = parseDocument(text.replace(/^\uFEFF/u, ''), { prettyErrors: true });
  const problems: LexiconProblem[] = document.errors.map((error) => {
    const at = error.linePos?.[0];
    return { reason: `${at ? `line ${at.line}, column ${at.col}: ` : ''}${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '')}` };
  });
  throwProblems(file, problems);
  const lineOf = (node: Node | null | undefined): string => {
    const offset = node?.range?.[0];
    if (offset === undefined) return '';
    return `line ${text.slice(0, offset).split(/\r\n|\r|\n/u).length}: `;
  };
  const builder = new DictionaryBuilder();
  const walk = (node: unknown, prefix: string): void => {
    if (!isMap(node)) {
      problems.push({ reason: `${lineOf(node as Node)}expected a mapping of categories to lists of terms` });
      return;
    }
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === '') {
        problems.push({ reason: `${lineOf(pair.key as Node)}a category needs a name` });
        continue;
      }
      const name = `${prefix}${key}`;
      const value = pair.value;
      if (isMap(value)) walk(value, `${name}${LEVEL_SEPARATOR}`);
      else if (isSeq(value)) {
        builder.category(name);
        for (const item of value.items) {
          const term = isScalar(item) && item.value !== null && typeof item.value !== 'object' ? normalizeTerm(String(item.value)) : '';
          if (term === '') problems.push({ reason: `${lineOf(item as Node)}category ${JSON.stringify(name)}: expected a term, instead found ${isScalar(item) ? 'nothing' : 'a list or a mapping'}` });
          else builder.add(term, name, 1);
        }
      } else if (isScalar(value) && value.value !== null) {
        const term = normalizeTerm(String(value.value));
        if (term !== '') builder.add(term, name, 1);
      } else builder.category(name);
    }
  };
  if (document.contents !== null) walk(document.contents, '');
  throwProblems(file, problems);
  return { dictionary: builder.build(), warnings: [] };
}

/**
 * Write a dictionary as a quanteda YAML dictionary, one flat key per category (quanteda reads
 * `a.b` back as the same name). Every string is quoted, so that YAML 1.1 readers (R's yaml)
 * never take a term such as `yes` or `off` for a boolean. Weights are not part of the format.
 */
export function writeYamlDictionary(dictionary: Dictionary): string {
  const lists = new Map<string, string[]>(dictionary.categories.map((name) => [name, []]));
  for (const { term, categories } of dictionary.terms) for (const { name } of categories) lists.get(name)?.push(term);
  return stringify(Object.fromEntries(lists), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'QUOTE_DOUBLE', lineWidth: 0 });
}
