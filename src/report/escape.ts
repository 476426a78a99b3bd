/**
 * Escaping for every output format. Everything a report shows from input (text, file names,
 * metadata, notes of a custom lexicon) goes through one of these: reports never trust input.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe in HTML element content and in quoted attribute values. NUL, which HTML parsers
 * replace or drop, becomes U+FFFD so what is shown is what is counted.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!).replaceAll('\u0000', '\uFFFD');
}

/**
 * Controls, and the bidirectional overrides that can make a terminal show text other than what
 * it is ("Trojan Source"). Terminal output replaces them, so input cannot move the cursor,
 * recolour the screen or reorder a line.
 */
const UNSAFE_IN_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One-line text safe on a terminal: line breaks and tabs become spaces, other controls U+FFFD. */
export function terminalText(value: string): string {
  return value.replace(UNSAFE_IN_TERMINAL, (char) => (char === '\n' || char === '\r' || char === '\t' ? ' ' : '\uFFFD'));
}

/**
 * One-line text safe inside a Markdown line that novlangue starts (a table cell, a list item):
 * the characters that open inline syntax, raw HTML or an entity anywhere in a line are
 * backslash-escaped; the rest stays readable in a chat that shows Markdown as plain text.
 */
export function markdownText(value: string): string {
  return terminalText(value).replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`);
}

/**
 * Spreadsheet formula triggers (OWASP "CSV injection"): a cell starting with one is prefixed
 * with `'`. So is a cell that starts with `'` itself, so the prefix can always be told from the
 * text: `csvText` takes it off exactly.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Text that a spreadsheet would run as a formula is prefixed with `'`. Numbers are
 * written as they are.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The text `csvField` was given, from the (unquoted) cell it wrote: without its `'` prefix. */
export function csvText(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
