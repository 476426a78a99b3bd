import { quotePairs } from '../languages/index.js';
import { hasBlankLine } from '../tokenize/02-sentences.js';
import type { TokenTable } from '../tokenize/index.js';
import { grown } from '../tokenize/grow.js';

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

/**
 * Quotation families, by number: the pairs of every registered language that share a closing
 * mark (« », “ ” opened by „ ‟ too, ‹ ›, ‘ ’, straight " "). A French text quotes “ ” too.
 */
const FAMILIES: readonly string[] = [...new Set(quotePairs().map((pair) => pair.close))];
const FAMILY_COUNT = FAMILIES.length;
const familyOf = (close: string): number => FAMILIES.indexOf(close);
/** Straight quotes open and close alike: whether `"` opens or closes is read from its context. */
const STRAIGHT = new Map(quotePairs().filter((pair) => pair.open === pair.close).map((pair) => [pair.open, familyOf(pair.close)]));
const OPENERS = new Map(quotePairs().filter((pair) => pair.open !== pair.close).map((pair) => [pair.open, familyOf(pair.close)]));
// ’ closes a ‘ quotation only when the tokenizer made it a quote token (English single
// quotes); as an apostrophe it is part of a word or an elision and never reaches here.
const CLOSERS = new Map(quotePairs().filter((pair) => pair.open !== pair.close).map((pair) => [pair.close, familyOf(pair.close)]));
const OPENING_CONTEXT = /[\s([{«“„—–-]/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Is this straight quote `"` at `start` more likely to open than to close? */
function opensHere(text: string, start: number): boolean {
  return start === 0 || OPENING_CONTEXT.test(text.charAt(start - 1));
}

/**
 * A growable list of integer triples, in three typed arrays: the open quotations (a stack) and
 * the closed pairs. Nested «««…»»» has as many of each as it has marks, and objects would
 * burden the garbage collector.
 */
class Triples {
  length = 0;
  private firsts = new Int32Array(64);
  private seconds = new Int32Array(64);
  private thirds = new Int32Array(64);

  push(first: number, second: number, third: number): void {
    if (this.length === this.firsts.length) {
      const size = this.length * 2;
      this.firsts = grown(this.firsts, size);
      this.seconds = grown(this.seconds, size);
      this.thirds = grown(this.thirds, size);
    }
    this.firsts[this.length] = first;
    this.seconds[this.length] = second;
    this.thirds[this.length] = third;
    this.length++;
  }

  first(row: number): number {
    return this.firsts[row]!;
  }

  second(row: number): number {
    return this.seconds[row]!;
  }

  third(row: number): number {
    return this.thirds[row]!;
  }
}

export function scanQuotations(text: string, tokens: TokenTable): Quotations {
  // Open quotations: token, family, words seen before it.
  const stack = new Triples();
  const openCount = new Int32Array(FAMILY_COUNT);
  // Closed quotations: opening token, closing token, words inside.
  const pairs = new Triples();
  let words = 0; // words seen so far: a quotation's size is a difference of two counts
  for (let t = 0; t < tokens.length; t++) {
    const form = tokens.forms[t]!;
    const start = tokens.starts[t]!;
    if (t > 0 && stack.length > 0 && hasBlankLine(text, tokens.ends[t - 1]!, start)) {
      stack.length = 0;
      openCount.fill(0);
    }
    if (form.kind === 'word') words++;
    if (form.kind !== 'quote') continue;
    const mark = form.text;
    let family = CLOSERS.get(mark) ?? -1;
    const straight = STRAIGHT.get(mark);
    if (straight !== undefined) {
      const next = text.charAt(tokens.ends[t]!);
      const closingLooks = next === '' || !WORDLIKE.test(next);
      if (openCount[straight]! > 0 && (closingLooks || !opensHere(text, start))) family = straight;
      else if (opensHere(text, start)) family = -1;
      else continue;
      if (family < 0) {
        stack.push(t, straight, words);
        openCount[straight]!++;
        continue;
      }
    } else if (family < 0) {
      const opener = OPENERS.get(mark);
      if (opener !== undefined) {
        stack.push(t, opener, words);
        openCount[opener]!++;
      }
      continue;
    }
    if (openCount[family] === 0) continue; // a stray closer
    // Openers above the matching one were never closed: drop them (amortised O(1)).
    for (;;) {
      const top = --stack.length;
      const topFamily = stack.second(top);
      openCount[topFamily]!--;
      if (topFamily === family) {
        pairs.push(stack.first(top), t, words - stack.third(top));
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
function nest(pairs: Triples, tokenCount: number): Quotations {
  const openAt = new Int32Array(tokenCount).fill(-1);
  const closeAt = new Int32Array(tokenCount).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    openAt[pairs.first(i)] = i;
    closeAt[pairs.second(i)] = i;
  }
  const spans: QuoteSpan[] = [];
  const enclosing = new Int32Array(tokenCount).fill(-1);
  const active: number[] = [];
  for (let t = 0; t < tokenCount; t++) {
    if (closeAt[t]! >= 0) active.pop();
    const parent = active.length > 0 ? active[active.length - 1]! : -1;
    enclosing[t] = parent;
    const opened = openAt[t]!;
    if (opened >= 0) {
      active.push(spans.length);
      spans.push({ open: pairs.first(opened), close: pairs.second(opened), words: pairs.third(opened), parent });
    }
  }
  return { spans, enclosing };
}
