import type { CompiledEntry, Lexicon } from './compile.js';
import { fills, type Slot } from '../engine/pattern.js';
import type { Sentence } from '../types.js';
import type { TokenTable } from '../tokenize/index.js';
import { inProperName } from './names.js';
import { matchFrom, plainEnv } from '../engine/match.js';

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

function contextHolds(entry: CompiledEntry, first: number, end: number, tokens: TokenTable, sentence: Sentence): boolean {
  const window = entry.context?.window ?? 0;
  if (entry.near.length > 0 && !isNear(entry.near, window, tokens, first, end, sentence)) return false;
  if (entry.notNear.length > 0 && isNear(entry.notNear, window, tokens, first, end, sentence)) return false;
  return true;
}

/** Candidate matches at one token: entries and ends, in arrays reused from token to token. */
interface Candidates {
  /** How many of the arrays' first items are this token's (the arrays are reused, never shrunk). */
  count: number;
  entries: CompiledEntry[];
  ends: number[];
  /** Indices into `entries`, most preferred first. */
  order: number[];
}

/** Is candidate `a` preferred to `b`: longer, then heavier, then earlier in the lexicon? */
function preferred(found: Candidates, a: number, b: number): boolean {
  const { entries, ends } = found;
  return ends[a]! !== ends[b]! ? ends[a]! > ends[b]! : entries[a]!.weight !== entries[b]!.weight ? entries[a]!.weight > entries[b]!.weight : entries[a]!.order < entries[b]!.order;
}

/** Put `found.order` in order of preference: an insertion sort, as there are a few candidates. */
function rank(found: Candidates): void {
  const { order } = found;
  for (let k = 0; k < found.count; k++) {
    let at = k;
    for (; at > 0 && preferred(found, k, order[at - 1]!); at--) order[at] = order[at - 1]!;
    order[at] = k;
  }
}

/**
 * Match `lexicon` on `tokens`, left to right, in one pass. At each token the longest match
 * wins (then the heavier entry, then the earlier one) among those whose context holds and
 * that are not one word of a proper name (see `inProperName`);
 * matched tokens are consumed, so overlapping entries are never counted twice. Matches never
 * cross a sentence boundary. `[from, to)` limits the pass to one language segment.
 */
export function matchTerms(tokens: TokenTable, sentences: readonly Sentence[], lexicon: Lexicon, from = 0, to = tokens.length): TermMatch[] {
  const matches: TermMatch[] = [];
  const found: Candidates = { count: 0, entries: [], ends: [], order: [] };
  const env = plainEnv(tokens);
  let t = from;
  while (t < to) {
    const candidates = lexicon.index.candidates(tokens.forms[t]!);
    let best: TermMatch | undefined;
    if (candidates.length > 0) {
      const sentence = sentences[tokens.sentenceOf[t]!]!;
      found.count = 0;
      for (let k = 0; k < candidates.length; k++) {
        const end = matchFrom(env, candidates[k]!.slots, 0, t, sentence.tokenEnd);
        if (end > t) {
          found.entries[found.count] = candidates[k]!.value;
          found.ends[found.count++] = end;
        }
      }
      rank(found);
      for (let k = 0; k < found.count && !best; k++) {
        const entry = found.entries[found.order[k]!]!;
        const end = found.ends[found.order[k]!]!;
        if (end === t + 1 && inProperName(tokens, sentence, t)) continue;
        if (contextHolds(entry, t, end, tokens, sentence)) best = { entry, first: t, end };
      }
    }
    if (best) {
      matches.push(best);
      t = best.end;
    } else t++;
  }
  return matches;
}
