/**
 * Pieces of the HTML report: the highlighted text of a document and the inline SVG charts.
 * Every string from input goes through `escapeHtml`; class names come from fixed lists only.
 */
import { CATEGORIES, type Category, type Finding, type Stance } from '../types.js';
import type { CategoryTotal } from '../records.js';
import { escapeHtml as esc } from './escape.js';
import { CATEGORY_COLORS, categoryIndex, categoryLabel } from './labels.js';

const STANCE_CLASS: Record<Stance, string> = { use: 's-use', reported: 's-reported', distanced: 's-distanced' };
const STANCE_TEXT: Record<Stance, string> = {
  use: 'in the author’s own voice',
  reported: 'reported: quoted from someone else',
  distanced: 'distanced: held at a distance by the author',
};

/** Class of a category: `c0`…`c8` from its position, never the category string itself. */
export const categoryClass = (category: Category): string => `c${Math.max(0, categoryIndex(category))}`;

/** The tooltip of a finding: category, stance, weight, message, gloss and essay section. */
function tip(finding: Finding): string {
  return [
    `${categoryLabel(finding.category)} · ${STANCE_TEXT[finding.stance] ?? finding.stance} · weight ${finding.weight}`,
    finding.message,
    finding.note,
    `Essay: ${finding.section}`,
  ].join('\n');
}

/**
 * The text with its findings in `<mark>`s that show their tooltip on hover and on keyboard
 * focus (CSS only). Overlapping findings split the text at every boundary; a piece covered by
 * several findings shows all their tooltips. Findings whose range is not inside the text are
 * left out of the highlighting (they are still in the findings table).
 */
export function highlightedText(text: string, findings: readonly Finding[]): string {
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
    const tips = active.map(tip).join('\n\n');
    html += `<mark class="${categoryClass(first.category)} ${STANCE_CLASS[first.stance] ?? ''}" tabindex="0" data-tip="${esc(tips)}">${piece}</mark>`;
  }
  return html;
}

/** Horizontal bar chart of a value per category, as inline SVG (no script, no external resource). */
export function categoryChart(
  totals: Record<Category, CategoryTotal>,
  options: { title: string; value: (total: CategoryTotal) => number; max: number; digits: number; compact?: boolean },
): string {
  const compact = options.compact ?? false;
  const labelWidth = compact ? 110 : 310;
  const barWidth = compact ? 150 : 380;
  const rowHeight = compact ? 18 : 26;
  const width = labelWidth + barWidth + 70;
  const height = CATEGORIES.length * rowHeight + 8;
  const bars = CATEGORIES.map((category, i) => {
    const value = options.value(totals[category]);
    const length = options.max > 0 ? Math.round((value / options.max) * barWidth * 10) / 10 : 0;
    const y = 4 + i * rowHeight;
    const label = compact ? category : `${categoryLabel(category)}`;
    return (
      `<g><text x="${labelWidth - 8}" y="${y + rowHeight * 0.65}" text-anchor="end">${esc(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${length}" height="${rowHeight - 8}" fill="${CATEGORY_COLORS[i]}"><title>${esc(`${categoryLabel(category)}: ${value.toFixed(options.digits)}`)}</title></rect>` +
      `<text x="${labelWidth + length + 6}" y="${y + rowHeight * 0.65}">${value.toFixed(options.digits)}</text></g>`
    );
  }).join('');
  return `<svg class="chart${compact ? ' compact' : ''}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${bars}</svg>`;
}
