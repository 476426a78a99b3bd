/** The formats of a validation report: one pure `(report) => string` each. */
import { formatValidationMarkdown } from './markdown.js';
import { formatValidationText } from './text.js';
import type { ValidationReport } from './types.js';

export const VALIDATION_FORMATS = ['text', 'json', 'md'] as const;
export type ValidationFormat = (typeof VALIDATION_FORMATS)[number];

/** The report in `format`; JSON is the report itself, indented, with a final newline. */
export function formatValidation(report: ValidationReport, format: ValidationFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return formatValidationMarkdown(report);
    case 'text':
      return formatValidationText(report);
  }
}
