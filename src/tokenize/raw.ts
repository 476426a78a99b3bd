import type { TokenKind } from '../types.js';
import { grown } from './grow.js';

/** Token kinds by number, as `RawTokens` stores them. */
export const KINDS: readonly TokenKind[] = ['word', 'elision', 'number', 'punct', 'quote', 'symbol', 'url', 'footnote'];
export const KIND_CODES: Readonly<Record<TokenKind, number>> = Object.fromEntries(KINDS.map((kind, code) => [kind, code])) as Record<TokenKind, number>;

/** A raw token as an object: what the English pipeline reworks before it fills `RawTokens`. */
export interface RawToken {
  kind: TokenKind;
  start: number;
  end: number;
  pos?: string;
}

/**
 * Raw tokens, column by column: kinds, starts and ends in typed arrays that grow by doubling.
 * A text of a million tokens would otherwise make a million short-lived objects that live
 * just long enough to be copied by the garbage collector.
 */
export class RawTokens {
  count = 0;
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  /** Parts of speech, for pipelines that give them (English); `undefined` elsewhere. */
  private tags: Array<string | undefined> | undefined;

  /** `capacity`: tokens expected. Compiling a lexicon tokenises thousands of short patterns. */
  constructor(capacity = 16) {
    const size = Math.max(4, Math.ceil(capacity));
    this.kinds = new Uint8Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  push(kind: TokenKind, start: number, end: number, pos?: string): void {
    if (this.count === this.starts.length) this.grow();
    const i = this.count++;
    this.kinds[i] = KIND_CODES[kind];
    this.starts[i] = start;
    this.ends[i] = end;
    if (pos !== undefined) {
      this.tags ??= [];
      this.tags[i] = pos;
    }
  }

  /** Kind of token `i`, as its number in `KINDS`. */
  kindCode(i: number): number {
    return this.kinds[i]!;
  }

  kind(i: number): TokenKind {
    return KINDS[this.kinds[i]!]!;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  pos(i: number): string | undefined {
    return this.tags?.[i];
  }

  private grow(): void {
    const size = this.starts.length * 2;
    this.kinds = grown(this.kinds, size);
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
  }
}

/**
 * What a language's pipeline hands to the shared token builder: raw tokens with offsets
 * relative to the text it was given, and sentences as token spans `[start, end)` that cover
 * every token in order.
 */
export interface RawTokenization {
  tokens: RawTokens;
  sentences: Array<[number, number]>;
}
