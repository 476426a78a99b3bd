/**
 * `novlangue rules`: the table of everything novlangue flags, generated from the data (never
 * written twice). `listRules` is the single place that says what a rule is: the lexicon's
 * entries and the rhetorical pattern rules of the same language.
 */
import type { Lexicon } from '../lexicon/compile.js';
import type { RuleSet } from '../rules/load.js';
import { markdownText, terminalText } from '../report/escape.js';
import { categoryLabel } from '../report/labels.js';
import { CATEGORIES, type Category } from '../types.js';

/** One row of the rule table. */
export interface RuleRow {
  ruleId: string;
  kind: 'term' | 'pattern';
  category: Category;
  weight: number;
  /** Token patterns of a term; a description of what a pattern rule looks for. */
  patterns: string[];
  section: string;
  note: string;
}

/** Every entry of a lexicon and every pattern rule, in category order, then in file order. */
export function listRules(lexicon: Lexicon, rules: RuleSet): RuleRow[] {
  const terms: RuleRow[] = lexicon.entries.map((entry) => ({
    ruleId: entry.ruleId,
    kind: 'term',
    category: entry.category,
    weight: entry.weight,
    patterns: [...entry.patterns],
    section: entry.section,
    note: entry.note,
  }));
  const patterns: RuleRow[] = rules.rules.map(({ ruleId, data }) => ({
    ruleId,
    kind: 'pattern',
    category: data.category,
    weight: data.weight,
    patterns: [`${data.kind}: ${data.message}`, `e.g. « ${data.example} »`],
    section: data.section,
    note: data.note,
  }));
  const rows = [...terms, ...patterns];
  return CATEGORIES.flatMap((category) => rows.filter((row) => row.category === category));
}

/** The rule table as text, Markdown (as in docs/RULES.md) or JSON. */
export function formatRules(rows: readonly RuleRow[], format: 'text' | 'md' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const out: string[] = [];
  for (const category of CATEGORIES) {
    const members = rows.filter((row) => row.category === category);
    if (members.length === 0) continue;
    if (format === 'md') {
      out.push(`### ${category}: ${markdownText(categoryLabel(category))}`, '', '| Rule | Kind | Weight | Patterns | Essay section |', '|---|---|--:|---|---|');
      for (const row of members) {
        out.push(`| ${markdownText(row.ruleId)} | ${row.kind} | ${row.weight} | ${row.patterns.map(markdownText).join('<br>')} | ${markdownText(row.section)} |`);
      }
      out.push('');
    } else {
      out.push(`${category}: ${categoryLabel(category)} (${members.length})`);
      const width = Math.max(...members.map((row) => terminalText(row.ruleId).length));
      for (const row of members) out.push(`  ${terminalText(row.ruleId).padEnd(width)}  w${String(row.weight).padEnd(4)}  ${row.patterns.map(terminalText).join(' ; ')}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
