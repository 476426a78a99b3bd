import { scan } from './01-scan.js';
import { splitSentences } from './02-sentences.js';
import type { RawTokenization } from './raw.js';

/** French: the scanner (elisions split) and the rule-based sentence splitter. */
export function tokenizeFrench(text: string): RawTokenization {
  const tokens = scan(text, 'fr');
  return { tokens, sentences: splitSentences(text, tokens) };
}
