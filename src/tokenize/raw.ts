import type { RawToken } from './01-scan.js';

export type { RawToken } from './01-scan.js';

/**
 * What a language's pipeline hands to the shared token builder: raw tokens with offsets
 * relative to the text it was given, and sentences as token spans `[start, end)` that cover
 * every token in order.
 */
export interface RawTokenization {
  tokens: RawToken[];
  sentences: Array<[number, number]>;
}
