import type { CompiledEntry, Lexicon } from '../lexicon/compile.js';
import { fills, type Slot } from '../lexicon/pattern.js';
import type { Sentence } from '../types.js';
import type { TokenTable } from '../tokenize/index.js';
import { matchFrom } from './slots.js';

/** A lexicon entry matched on tokens `[first, end)`. */
export interface TermMatch {
  entry: CompiledEntry;
  first: number;
  end: number;
}

/** Is one of `slots` filled by a word within `window` words of `[first, end)`, same sentence? */
function isNear(slots: readonly Slot[], window: number, tokens: TokenTable, first: number, end: number, sentence: Sentence): boolean {
  const scan = (from: number, step: 1 | -1, stop: number): boolean => {
    let words = 0;
    for (let t = from; t !== stop && words < window; t += step) {
      const form = tokens.forms[t]!;
      if (form.kind !== 'word') continue;
      words++;
      for (const slot of slots) if (fills(slot, form)) return true;
    }
    return false;
  };
  return scan(first - 1, -1, sentence.tokenStart - 1) || scan(end, 1, sentence.tokenEnd);
}

function contextHolds(match: TermMatch, tokens: TokenTable, sentence: Sentence): boolean {
  const { entry, first, end } = match;
  const window = entry.context?.window ?? 0;
  if (entry.near.length > 0 && !isNear(entry.near, window, tokens, first, end, sentence)) return false;
  if (entry.notNear.length > 0 && isNear(entry.notNear, window, tokens, first, end, sentence)) return false;
  return true;
}

function byPreference(a: TermMatch, b: TermMatch): number {
  return b.end - a.end || b.entry.weight - a.entry.weight || a.entry.order - b.entry.order;
}

/**
 * Match `lexicon` on `tokens`, left to right, in one pass. At each token the longest match
 * wins (then the heavier entry, then the earlier one) among those whose context holds;
 * matched tokens are consumed, so overlapping entries are never counted twice. Matches never
 * cross a sentence boundary. `[from, to)` limits the pass to one language segment.
 */
export function matchTerms(tokens: TokenTable, sentences: readonly Sentence[], lexicon: Lexicon, from = 0, to = tokens.length): TermMatch[] {
  const matches: TermMatch[] = [];
  // Matches at one token, reused from token to token: most tokens start none or one.
  const found: TermMatch[] = [];
  let t = from;
  while (t < to) {
    const candidates = lexicon.index.candidates(tokens.forms[t]!);
    let best: TermMatch | undefined;
    if (candidates.length > 0) {
      const sentence = sentences[tokens.sentenceOf[t]!]!;
      found.length = 0;
      for (const { slots, value } of candidates) {
        const end = matchFrom(slots, 0, tokens, t, sentence.tokenEnd);
        if (end > t) found.push({ entry: value, first: t, end });
      }
      if (found.length > 1) found.sort(byPreference);
      for (const match of found) {
        if (contextHolds(match, tokens, sentence)) {
          best = match;
          break;
        }
      }
    }
    if (best) {
      matches.push(best);
      t = best.end;
    } else t++;
  }
  return matches;
}
