import { languageOf } from '../languages/index.js';
import type { Lang } from '../types.js';
import { bundledRules, type RuleSet } from './load.js';

/**
 * The documentation of the pattern rules, generated from the rule files so it is never written
 * twice (retext-equality `script/build-table.js`).
 */

/** A Markdown table cell: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|').replace(/\s*[\r\n]+\s*/gu, ' ').trim();
}

/**
 * A Markdown table of every rule of `lang`: id (as its `ruleId`), kind and category, what it
 * catches, its example, the essay's argument (the rule's note) and the section that makes it.
 * @param lang the language of the rules (headers are in that language)
 * @param rules the rules to document; default the bundled ones
 */
export function rulesTable(lang: Lang, rules: RuleSet = bundledRules(lang)): string {
  const { rulesTable: headers, quotation } = languageOf(lang).labels;
  const { open, close } = quotation;
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const { ruleId, data } of rules.rules) {
    const id = `\`${ruleId}\` (${data.kind}, ${data.category})`;
    lines.push(`| ${[id, cell(data.message), `${open}${cell(data.example)}${close}`, cell(data.note), cell(data.section)].join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
