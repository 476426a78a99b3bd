/** The terminal report of a validation: aligned tables, every string from input made terminal-safe. */
import { terminalText } from '../report/escape.js';
import type { Column, Section } from './sections.js';
import { reportSections } from './sections.js';
import type { ValidationReport } from './types.js';

const width = (text: string): number => [...text].length;

function table(columns: readonly Column[], rows: readonly string[][]): string[] {
  const all = [columns.map((column) => column.title), ...rows].map((row) => row.map(terminalText));
  const widths = columns.map((_, i) => Math.max(...all.map((row) => width(row[i] ?? ''))));
  const last = columns.length - 1;
  return all.map(
    (row) =>
      '  ' +
      row
        .map((cell, i) => {
          const fill = ' '.repeat(widths[i]! - width(cell));
          if (columns[i]!.align === 'right') return fill + cell;
          return i === last ? cell : cell + fill; // no trailing spaces
        })
        .join('  '),
  );
}

function render(section: Section): string[] {
  const out = [terminalText(section.title), ...section.lines.map((line) => `  ${terminalText(line)}`)];
  if (section.table) out.push(...table(section.table.columns, section.table.rows));
  out.push(...section.notes.map((note) => `  ${terminalText(note)}`));
  return out;
}

/** The text report: sections separated by a blank line. */
export function formatValidationText(report: ValidationReport): string {
  return `${reportSections(report).map((section) => render(section).join('\n')).join('\n\n')}\n`;
}
