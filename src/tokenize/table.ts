import type { TokenForm } from './forms.js';

/**
 * The tokens of a text, column by column: token `t` is `forms[t]` (its text, norm, stem and
 * kind, shared with every token written the same way), at `[starts[t], ends[t])`, in sentence
 * `sentenceOf[t]`. A million tokens are then a few typed arrays instead of a million objects
 * for the garbage collector to copy, and a pass over them reads memory in order.
 */
export class TokenTable {
  readonly forms: TokenForm[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly sentenceOf: Int32Array;
  /** Universal part of speech of each token, where the language's pipeline gives one (English). */
  readonly tags: Array<string | undefined>;

  constructor(readonly length: number) {
    this.forms = new Array<TokenForm>(length);
    this.starts = new Int32Array(length);
    this.ends = new Int32Array(length);
    this.sentenceOf = new Int32Array(length);
    this.tags = [];
  }
}
