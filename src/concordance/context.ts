/**
 * The context of a span: up to `width` words on each side, as the text reads with its
 * whitespace folded. `left + match + right` reads as the text from the first word of the left
 * context to the last word of the right one, `match` being the span's exact text.
 */
import type { TokenTable } from '../tokenize/index.js';

/** Tokens that count as words of context: words, numbers and addresses, not punctuation. */
const COUNTED: ReadonlySet<string> = new Set(['word', 'number', 'url']);

/** Every run of whitespace as one space. */
export const foldWhitespace = (text: string): string => text.replace(/\s+/gu, ' ');

/** Index of the first token that ends after `offset` (tokens sorted, not overlapping). */
function firstEndingAfter(tokens: TokenTable, offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens.ends[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Left and right context of `[start, end)` in `text`, `width` words each, whitespace folded.
 * The context ends on a word: punctuation beyond the farthest word is left out, except when
 * there is no word at all on that side (a quotation mark that opens the text stays).
 */
export function contextOf(text: string, tokens: TokenTable, start: number, end: number, width: number): { left: string; right: string } {
  let leftStart = start;
  let words = 0;
  for (let t = firstEndingAfter(tokens, start) - 1; t >= 0 && words < width; t--) {
    const counted = COUNTED.has(tokens.forms[t]!.kind);
    if (counted) words++;
    if (counted || words === 0) leftStart = tokens.starts[t]!;
  }
  let rightEnd = end;
  words = 0;
  for (let t = firstEndingAfter(tokens, end); t < tokens.length && words < width; t++) {
    // A token that straddles `end` (the span ends inside it) belongs to neither side.
    if (tokens.starts[t]! < end) continue;
    const counted = COUNTED.has(tokens.forms[t]!.kind);
    if (counted) words++;
    if (counted || words === 0) rightEnd = tokens.ends[t]!;
  }
  return { left: foldWhitespace(text.slice(leftStart, start)), right: foldWhitespace(text.slice(end, rightEnd)) };
}
