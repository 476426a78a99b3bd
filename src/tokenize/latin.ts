import type { Lang } from '../types.js';
import { scan } from './01-scan.js';
import { splitSentences } from './02-sentences.js';
import type { RawTokenization } from './raw.js';

/** The shared Latin-script pipeline (French): the scanner, with `lang`'s elisions split, and the rule-based sentence splitter. */
export function tokenizeLatin(text: string, lang: Lang): RawTokenization {
  const tokens = scan(text, lang);
  return { tokens, sentences: splitSentences(text, tokens) };
}
