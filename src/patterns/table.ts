import type { Lang } from '../types.js';
import { bundledRules, type RuleSet } from './load.js';

/**
 * The documentation of the pattern rules, generated from the rule files so it is never written
 * twice (retext-equality `script/build-table.js`).
 */

const QUOTES: Record<Lang, [string, string]> = { fr: ['« ', ' »'], en: ['“', '”'] };
const HEADERS: Record<Lang, readonly string[]> = {
  fr: ['Règle', 'Ce qu’elle repère', 'Exemple', 'L’argument de l’essai', 'Section'],
  en: ['Rule', 'What it catches', 'Example', 'The essay’s argument', 'Section'],
};

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
  const headers = HEADERS[lang];
  const [open, close] = QUOTES[lang];
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`];
  for (const { ruleId, data } of rules.rules) {
    const id = `\`${ruleId}\` (${data.kind}, ${data.category})`;
    lines.push(`| ${[id, cell(data.message), `${open}${cell(data.example)}${close}`, cell(data.note), cell(data.section)].join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
