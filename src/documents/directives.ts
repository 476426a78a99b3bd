/**
 * Inline suppression in HTML and Markdown, as linters have it:
 *
 *   <!-- novlangue-disable fr.budget-participatif -->  …  <!-- novlangue-enable -->
 *   <!-- novlangue-disable-next-line fr.smart-city, fr.hyperviseur -->
 *
 * Without rule ids a comment covers every rule. The comments are in the source; the findings'
 * offsets are in the extracted text. So each comment is first replaced by a marker that the
 * extraction carries through as text (`markDirectives`), and the markers are then found in the
 * extracted text, taken out, and turned into the stretches they cover (`placeDirectives`).
 * `disable-next-line` covers the next line with text after it (in extracted text, a paragraph
 * is one line; a comment that opens a Markdown paragraph covers that paragraph); `disable` runs
 * to the matching `enable` (without ids: every one open), or to the end of the text.
 */
import type { Suppression } from './types.js';

/** One comment found in the source. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids named, `null` for every rule. */
  rules: string[] | null;
}

const COMMENT = /^\s*novlangue-(disable-next-line|disable|enable)(?:\s+([\s\S]*?))?\s*$/;
// Private-use characters: they pass through every extraction as text and no document uses them.
const OPEN = '\ue000';
const CLOSE = '\ue001';

/**
 * Replace each `<!-- novlangue-… -->` comment of `source` by a marker. Scans with `indexOf`:
 * an unclosed `<!--` ends the scan instead of making it quadratic.
 */
export function markDirectives(source: string): { source: string; directives: Directive[] } {
  const directives: Directive[] = [];
  if (!source.includes('novlangue-')) return { source, directives };
  let out = '';
  let from = 0;
  for (;;) {
    const open = source.indexOf('<!--', from);
    if (open === -1) break;
    const close = source.indexOf('-->', open + 4);
    if (close === -1) break;
    const match = COMMENT.exec(source.slice(open + 4, close));
    if (match) {
      const ids = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
      out += `${source.slice(from, open)}${OPEN}${directives.length}${CLOSE}`;
      directives.push({ kind: match[1] as Directive['kind'], rules: ids.length > 0 ? ids : null });
    } else {
      out += source.slice(from, close + 3);
    }
    from = close + 3;
  }
  return { source: out + source.slice(from), directives };
}

/**
 * Where a `disable-next-line` stretch starting at `offset` ends: the end of the line it starts,
 * when text follows it there (a Markdown comment joins the paragraph under it); else the end of
 * the next line with text.
 */
function nextLineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  if (end === -1) return text.length;
  if (text.slice(offset, end).trim() === '') {
    let start = end + 1;
    while (start < text.length) {
      const lineEnd = text.indexOf('\n', start);
      const stop = lineEnd === -1 ? text.length : lineEnd;
      if (text.slice(start, stop).trim() !== '') return stop;
      start = stop + 1;
    }
    return text.length;
  }
  return end;
}

/**
 * Take the markers out of extracted `text` and return the stretches their comments cover,
 * offsets in the text returned. A marker alone on its line is removed with its line.
 */
export function placeDirectives(extracted: string, directives: readonly Directive[]): { text: string; suppressions: Suppression[] } {
  if (directives.length === 0) return { text: extracted, suppressions: [] };
  const marker = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
  const found: Array<{ directive: Directive; offset: number }> = [];
  let text = '';
  let from = 0;
  for (const match of extracted.matchAll(marker)) {
    const directive = directives[Number(match[1])];
    if (directive === undefined) continue;
    let start = match.index;
    let end = start + match[0].length;
    const lineStart = extracted.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = extracted.indexOf('\n', end);
    const blank = (a: number, b: number): boolean => extracted.slice(a, b).trim() === '';
    const stop = lineEnd === -1 ? extracted.length : lineEnd;
    if (lineStart >= from && blank(lineStart, start) && blank(end, stop)) {
      start = lineStart;
      end = lineEnd === -1 ? extracted.length : lineEnd + 1;
    } else if (lineStart >= from && blank(lineStart, start)) {
      // At the start of a line of text (a Markdown comment joins the paragraph under it).
      while (end < stop && extracted[end] === ' ') end++;
    } else if (blank(end, stop)) {
      while (start > from && extracted[start - 1] === ' ') start--;
    }
    text += extracted.slice(from, start);
    found.push({ directive, offset: text.length });
    from = end;
  }
  text += extracted.slice(from);
  return { text, suppressions: suppressionsOf(text, found) };
}

/** The stretches covered, in the order their comments come. */
function suppressionsOf(text: string, found: ReadonlyArray<{ directive: Directive; offset: number }>): Suppression[] {
  const suppressions: Suppression[] = [];
  // Open `disable` comments: rule id (or '*' for every rule) → where it started.
  const open = new Map<string, number>();
  const close = (key: string, at: number): void => {
    const start = open.get(key);
    if (start === undefined) return;
    open.delete(key);
    if (at > start) suppressions.push({ range: [start, at], rules: key === '*' ? null : [key] });
  };
  for (const { directive, offset } of found) {
    if (directive.kind === 'disable-next-line') {
      const end = nextLineEnd(text, offset);
      if (end > offset) suppressions.push({ range: [offset, end], rules: directive.rules });
    } else if (directive.kind === 'disable') {
      for (const key of directive.rules ?? ['*']) if (!open.has(key)) open.set(key, offset);
    } else {
      for (const key of directive.rules ?? [...open.keys()]) close(key, offset);
    }
  }
  for (const key of [...open.keys()]) close(key, text.length);
  return suppressions.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}
