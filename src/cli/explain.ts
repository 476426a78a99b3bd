/** `novlangue explain <term>`: what novlangue says about a term, and why. */
import { analyze } from '../analyze.js';
import type { CompiledEntry, Lexicon } from '../lexicon/compile.js';
import { terminalText } from '../report/escape.js';
import { categoryLabel } from '../report/labels.js';
import { questionsFor } from '../questions/index.js';

/**
 * The entries a term refers to: the entry whose id (or rule id) it is, the entries its text
 * triggers when analysed, and, when neither, the entries whose id contains it.
 */
export function findEntries(term: string, lexicon: Lexicon): CompiledEntry[] {
  const wanted = term.trim().toLowerCase();
  const slug = wanted.normalize('NFC').replace(/[\s_’']+/g, '-');
  const byRule = new Map(lexicon.entries.map((entry) => [entry.ruleId, entry]));
  const exact = lexicon.entries.filter((entry) => entry.id === slug || entry.ruleId === wanted);
  const triggered = analyze(term, { lexicon }).findings.flatMap((finding) => byRule.get(finding.ruleId) ?? []);
  const found = [...new Set([...exact, ...triggered])];
  if (found.length > 0 || slug.length < 3) return found;
  return lexicon.entries.filter((entry) => entry.id.includes(slug));
}

/** The explanation of entries, for a terminal. */
export function formatEntries(entries: readonly CompiledEntry[]): string {
  const field = (name: string, value: string): string => `  ${name.padEnd(9)} ${terminalText(value)}`;
  return `${entries
    .map((entry) => {
      const lines = [
        terminalText(entry.ruleId),
        field('category', `${entry.category}: ${categoryLabel(entry.category)}`),
        field('weight', String(entry.weight)),
        field('section', entry.section),
        field('patterns', entry.patterns.join(' ; ')),
      ];
      if (entry.context) {
        const { near, notNear, window } = entry.context;
        const parts = [near?.length ? `near ${near.join(' ; ')}` : '', notNear?.length ? `not near ${notNear.join(' ; ')}` : '', `within ${window} words`].filter(Boolean);
        lines.push(field('context', parts.join(', ')));
      }
      lines.push(field('gloss', entry.note));
      // What to ask the city about a text that uses the entry, in the entry's language.
      const lang = entry.ruleId.startsWith('en.') ? 'en' : 'fr';
      questionsFor(entry.category, lang).forEach((question, i) => lines.push(field(i === 0 ? 'questions' : '', question.text)));
      lines.push(field('source', entry.source));
      return lines.join('\n');
    })
    .join('\n\n')}\n`;
}
