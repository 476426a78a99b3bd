/** The Markdown report of a validation: a heading per section, tables, every string from input escaped. */
import { markdownText as md } from '../report/escape.js';
import type { Section } from './sections.js';
import { reportSections } from './sections.js';
import type { ValidationReport } from './types.js';

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

function render(section: Section, level: string): string[] {
  const out = [`${level} ${md(section.title)}`, ''];
  if (section.lines.length > 0) out.push(...section.lines.map(md), '');
  if (section.table) {
    const { columns, rows } = section.table;
    out.push(row(columns.map((column) => md(column.title))), row(columns.map((column) => (column.align === 'right' ? '--:' : '---'))));
    for (const cells of rows) out.push(row(cells.map(md)));
    out.push('');
  }
  if (section.notes.length > 0) out.push(...section.notes.map(md), '');
  return out;
}

/** The Markdown report: the first section as the title, the others under it. */
export function formatValidationMarkdown(report: ValidationReport): string {
  const [first, ...rest] = reportSections(report);
  const lines = [...render(first!, '#'), ...rest.flatMap((section) => render(section, '##'))];
  return `${lines.join('\n').trimEnd()}\n`;
}
