import { hasBlankLine } from '../tokenize/02-sentences.js';
import type { TokenTable } from '../tokenize/index.js';

/**
 * A stack-based quotation scanner. Quotations nest (« … «Dijon métropole…» … »), come in
 * several styles (« », “ ”, „ “, ‹ ›, ‘ ’, " ") and are often unbalanced in real text: an opener
 * that never closes is dropped at the end of its paragraph, so it cannot swallow the rest of
 * the document. Linear in the number of tokens, whatever the nesting.
 */

/** A closed quotation: token indices of its marks and the number of words inside. */
export interface QuoteSpan {
  open: number;
  close: number;
  words: number;
  /** Index of the enclosing quotation in the span list, or -1. */
  parent: number;
}

/** The quotations of a text and, for each token, the innermost quotation around it (-1: none). */
export interface Quotations {
  spans: QuoteSpan[];
  enclosing: Int32Array;
}

type Family = '«' | '“' | '‹' | '‘' | '"';
const OPENERS: Record<string, Family> = { '«': '«', '“': '“', '„': '“', '‟': '“', '‹': '‹', '‘': '‘' };
// ’ closes a ‘ quotation only when the tokenizer made it a quote token (English single
// quotes); as an apostrophe it is part of a word or an elision and never reaches here.
const CLOSERS: Record<string, Family> = { '»': '«', '”': '“', '›': '‹', '’': '‘' };
const OPENING_CONTEXT = /[\s([{«“„—–-]/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Is this straight quote `"` at `start` more likely to open than to close? */
function opensHere(text: string, start: number): boolean {
  return start === 0 || OPENING_CONTEXT.test(text.charAt(start - 1));
}

export function scanQuotations(text: string, tokens: TokenTable): Quotations {
  const stack: Array<{ token: number; family: Family; words: number }> = [];
  const openCount: Record<Family, number> = { '«': 0, '“': 0, '‹': 0, '‘': 0, '"': 0 };
  const pairs: Array<{ open: number; close: number; words: number }> = [];
  let words = 0; // words seen so far: a quotation's size is a difference of two counts
  for (let t = 0; t < tokens.length; t++) {
    const form = tokens.forms[t]!;
    const start = tokens.starts[t]!;
    if (t > 0 && stack.length > 0 && hasBlankLine(text, tokens.ends[t - 1]!, start)) {
      stack.length = 0;
      openCount['«'] = openCount['“'] = openCount['‹'] = openCount['‘'] = openCount['"'] = 0;
    }
    if (form.kind === 'word') words++;
    if (form.kind !== 'quote') continue;
    const mark = form.text;
    let family: Family | undefined = CLOSERS[mark];
    if (mark === '"') {
      const next = text.charAt(tokens.ends[t]!);
      const closingLooks = next === '' || !WORDLIKE.test(next);
      if (openCount['"'] > 0 && (closingLooks || !opensHere(text, start))) family = '"';
      else if (opensHere(text, start)) family = undefined;
      else continue;
      if (family === undefined) {
        stack.push({ token: t, family: '"', words });
        openCount['"']++;
        continue;
      }
    } else if (family === undefined) {
      const opener = OPENERS[mark];
      if (opener) {
        stack.push({ token: t, family: opener, words });
        openCount[opener]++;
      }
      continue;
    }
    if (openCount[family] === 0) continue; // a stray closer
    // Openers above the matching one were never closed: drop them (amortised O(1)).
    for (;;) {
      const top = stack.pop()!;
      openCount[top.family]--;
      if (top.family === family) {
        pairs.push({ open: top.token, close: t, words: words - top.words });
        break;
      }
    }
  }
  return nest(pairs, tokens.length);
}

/**
 * One sweep over the tokens: spans get their ids in opening order (outermost first) and each
 * token its innermost quotation. Pairs nest properly, so a stack suffices and nothing is sorted.
 */
function nest(pairs: ReadonlyArray<{ open: number; close: number; words: number }>, tokenCount: number): Quotations {
  const openAt = new Int32Array(tokenCount).fill(-1);
  const closeAt = new Int32Array(tokenCount).fill(-1);
  pairs.forEach((pair, i) => {
    openAt[pair.open] = i;
    closeAt[pair.close] = i;
  });
  const spans: QuoteSpan[] = [];
  const enclosing = new Int32Array(tokenCount).fill(-1);
  const active: number[] = [];
  for (let t = 0; t < tokenCount; t++) {
    if (closeAt[t]! >= 0) active.pop();
    const parent = active.length > 0 ? active[active.length - 1]! : -1;
    enclosing[t] = parent;
    const opened = openAt[t]!;
    if (opened >= 0) {
      const { open, close, words } = pairs[opened]!;
      active.push(spans.length);
      spans.push({ open, close, words, parent });
    }
  }
  return { spans, enclosing };
}
