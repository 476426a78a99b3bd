import type { PositionMap, TokenTable } from './tokenize/index.js';
import type { Finding } from './types.js';

/** What a finding says whoever found it (a lexicon entry, a pattern rule): its rule and the argument behind it. */
export type FindingSource = Pick<Finding, 'ruleId' | 'kind' | 'category' | 'weight' | 'role' | 'note' | 'section'>;

/** The text a finding is made on. */
export interface FindingText {
  text: string;
  tokens: TokenTable;
  positions: PositionMap;
}

/**
 * The finding of `source` on tokens `[first, end)`, triggered by `triggers`: the one place a
 * finding is made, so that its range, place and `actual` always agree. Its stance is `use`
 * until the stance pass looks at its tokens.
 */
export function findingAt(source: FindingSource, message: (actual: string) => string, on: FindingText, first: number, end: number, triggers: number[]): Finding {
  const start = on.tokens.starts[first]!;
  const stop = on.tokens.ends[end - 1]!;
  const actual = on.text.slice(start, stop);
  const { ruleId, kind, category, weight, role, note, section } = source;
  return {
    ruleId,
    kind,
    category,
    range: [start, stop],
    place: on.positions.place(start, stop),
    actual,
    stance: 'use',
    weight,
    role,
    message: message(actual),
    note,
    section,
    tokens: triggers,
  };
}

/** Total order on findings: start, end, ruleId. Output is byte-identical run after run. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
