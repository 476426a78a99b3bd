/**
 * Pieces of the HTML report: the highlighted text of a document, the glossary of the rules
 * that fired, and their anchors. Every string from input goes through `escapeHtml`; class names
 * come from fixed lists only.
 */
import { CATEGORIES, type Category, type Finding, type Stance } from '../types.js';
import type { CorpusDocumentLean } from '../records.js';
import { escapeHtml as esc } from './escape.js';
import { categoryIndex, categoryLabel } from './labels.js';
import type { Wording } from './locale.js';

const STANCE_CLASS: Record<Stance, string> = { use: 's-use', reported: 's-reported', distanced: 's-distanced' };

/** Class of a category: `c0`…`c8` from its position, never the category string itself. */
export const categoryClass = (category: Category): string => `c${Math.max(0, categoryIndex(category))}`;

/** A colour chip and the category's name in words. */
export const categoryChip = (category: Category, w: Wording): string => `<span class="chip ${categoryClass(category)}"></span>${esc(categoryLabel(category, w.locale))}`;

/**
 * The tooltip of a finding: category, stance, weight and its one-line message. The gloss is
 * not repeated here: the glossary gives it once per rule.
 */
function tip(finding: Finding, w: Wording): string {
  return `${categoryLabel(finding.category, w.locale)} · ${w.m.stance[finding.stance] ?? finding.stance} · ${w.m.weight} ${w.number(finding.weight)}\n${finding.message}`;
}

/**
 * The text with its findings in `<mark>`s that show their tooltip on hover and on keyboard
 * focus (CSS only). Overlapping findings split the text at every boundary; a piece covered by
 * several findings shows all their tooltips. Findings whose range is not inside the text are
 * left out of the highlighting (they are still in the findings table).
 */
export function highlightedText(text: string, findings: readonly Finding[], w: Wording): string {
  const inside = findings
    .filter(({ range: [start, end] }) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length)
    .slice()
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const cuts = [...new Set([0, text.length, ...inside.flatMap((finding) => finding.range)])].sort((a, b) => a - b);
  let active: Finding[] = [];
  let next = 0;
  let html = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    while (next < inside.length && inside[next]!.range[0] <= start) active.push(inside[next++]!);
    active = active.filter((finding) => finding.range[1] > start);
    const piece = esc(text.slice(start, end));
    const first = active[0];
    if (!first) {
      html += piece;
      continue;
    }
    const tips = active.map((finding) => tip(finding, w)).join('\n\n');
    html += `<mark class="${categoryClass(first.category)} ${STANCE_CLASS[first.stance] ?? ''}" tabindex="0" data-tip="${esc(tips)}">${piece}</mark>`;
  }
  return html;
}

/** A rule of the glossary: what every finding of it shares, and how often it fired. */
export interface GlossaryEntry {
  ruleId: string;
  /** The fragment id of its entry in the glossary. */
  anchor: string;
  kind: Finding['kind'];
  category: Category;
  weight: number;
  note: string;
  section: string;
  findings: number;
  documents: number;
}

/**
 * The rules that fired in `documents`, once each, in category order then by id, with an anchor
 * made of the id's safe characters (and a number when two ids would give the same one).
 */
export function glossaryOf(documents: Iterable<Pick<CorpusDocumentLean, 'findings'>>): Map<string, GlossaryEntry> {
  const entries = new Map<string, GlossaryEntry>();
  for (const document of documents) {
    const seen = new Set<string>();
    for (const finding of document.findings) {
      let entry = entries.get(finding.ruleId);
      if (!entry) {
        entry = { ruleId: finding.ruleId, anchor: '', kind: finding.kind, category: finding.category, weight: finding.weight, note: finding.note, section: finding.section, findings: 0, documents: 0 };
        entries.set(finding.ruleId, entry);
      }
      entry.findings++;
      if (!seen.has(finding.ruleId)) {
        seen.add(finding.ruleId);
        entry.documents++;
      }
    }
  }
  const sorted = [...entries.values()].sort((a, b) => categoryIndex(a.category) - categoryIndex(b.category) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const used = new Set<string>();
  for (const entry of sorted) {
    const base = `rule-${entry.ruleId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    entry.anchor = anchor;
  }
  return new Map(sorted.map((entry) => [entry.ruleId, entry]));
}

/** The glossary: each rule's gloss and essay section, once. */
export function glossarySection(glossary: ReadonlyMap<string, GlossaryEntry>, w: Wording): string {
  if (glossary.size === 0) return '';
  const byCategory = CATEGORIES.map((category) => [...glossary.values()].filter((entry) => entry.category === category)).filter((entries) => entries.length > 0);
  const blocks = byCategory
    .map((entries) => {
      const items = entries
        .map(
          (entry) =>
            `<dt id="${esc(entry.anchor)}"><code>${esc(entry.ruleId)}</code> <span class="muted">${esc(w.m.weight)} ${w.number(entry.weight)} · ${esc(w.count('findings', entry.findings))}, ${esc(w.count('documents', entry.documents))}</span></dt>` +
            `<dd>${esc(entry.note)} <span class="muted">(${esc(w.fill(w.m.sectionOf, { section: entry.section }))})</span></dd>`,
        )
        .join('');
      return `<h3>${categoryChip(entries[0]!.category, w)}</h3><dl class="glossary">${items}</dl>`;
    })
    .join('');
  return `<section id="glossary"><h2>${esc(w.m.nav.glossary)}</h2><p class="muted">${esc(w.m.glossaryIntro)}</p>${blocks}</section>`;
}
