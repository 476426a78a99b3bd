/** JSON (one document: summary and records) and JSON Lines (one record per line, streamable). */
import type { ReportResult } from '../records.js';
import { jsonRecord, ruleGlosses } from './tally.js';
import type { ReportInput, ReportOptions } from './types.js';

/**
 * The whole run as one JSON document: `{ summary, rules, results }`, indented, ending with a
 * newline. `rules` holds the gloss of each rule found, once; findings name it by `ruleId`.
 */
export function formatJson(input: ReportInput, options: ReportOptions = {}): string {
  return [...jsonChunks(input, options)].join('');
}

/** JSON indented by 2 as if nested `depth` levels down. */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);

/**
 * `formatJson` in parts, a record at a time: the same text, byte for byte, for runs whose report
 * is longer than one string can be (about 500 million characters).
 */
export function* jsonChunks(input: ReportInput, options: ReportOptions = {}): Generator<string> {
  yield `{\n  "summary": ${nested(input.summary, 1)},\n  "rules": ${nested(ruleGlosses(input.results), 1)},\n  "results": [`;
  if (input.results.length === 0) {
    yield ']\n}\n';
    return;
  }
  for (let i = 0; i < input.results.length; i++) yield `${i === 0 ? '' : ','}\n    ${nested(jsonRecord(input.results[i]!, options.withText), 2)}`;
  yield '\n  ]\n}\n';
}

/**
 * One JSON Lines line (with its `\n`): write each as its file finishes. Its findings name their
 * rule by `ruleId`; the glosses are in `novlangue rules --format json` (with the same `--lexicon`).
 */
export function jsonlLine(result: ReportResult, options: ReportOptions = {}): string {
  return `${JSON.stringify(jsonRecord(result, options.withText))}\n`;
}

/** Every record as JSON Lines. */
export function formatJsonl(input: Pick<ReportInput, 'results'>, options: ReportOptions = {}): string {
  return input.results.map((result) => jsonlLine(result, options)).join('');
}
