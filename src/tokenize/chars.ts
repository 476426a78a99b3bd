/** Character classes by UTF-16 code unit, for the loops that read text without an expression. */

export const isAsciiLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

export const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The straight and the typographic apostrophe, and the modifier letter apostrophe ʼ that some editors write for it. */
export const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019 || code === 0x2bc;

/** Latin-1 and Latin Extended letters, U+00C0 to U+024F: all letters but × and ÷. */
export const isLatinLetter = (code: number): boolean => code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;

export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
export const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
export const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

/** Classes of a code unit of the Basic Multilingual Plane (bits of `bmpClasses`). */
export const LETTER = 1; // \p{L}
export const MARK = 2; // \p{M}
export const DIGIT = 4; // \p{Nd}
export const SKIPPED = 8; // whitespace, control and format characters: never in a token

const LEARNT = 128;
const BMP_CLASSES = new Uint8Array(0x10000);
const CLASS_TESTS: ReadonlyArray<readonly [number, RegExp]> = [
  [LETTER, /\p{L}/u],
  [MARK, /\p{M}/u],
  [DIGIT, /\p{Nd}/u],
  [SKIPPED, /[\s\p{Cc}\p{Cf}]/u],
];

/**
 * The classes of a BMP code unit that is not a surrogate, learnt on its first sight. The
 * scanner and the language check read every character of a text, and French prose is full of
 * characters beyond ASCII (é, ’, «, non-breaking spaces): an expression per character cost more
 * than all the rest of their work.
 */
export function bmpClasses(code: number): number {
  let classes = BMP_CLASSES[code]!;
  if (classes === 0) {
    const char = String.fromCharCode(code);
    classes = LEARNT;
    for (const [bit, test] of CLASS_TESTS) if (test.test(char)) classes |= bit;
    BMP_CLASSES[code] = classes;
  }
  return classes;
}
