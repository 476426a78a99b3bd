/** Character classes by UTF-16 code unit, for the loops that read text without an expression. */

export const isAsciiLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

export const isAsciiDigit = (code: number): boolean => code >= 48 && code <= 57;

/** The straight and the typographic apostrophe. */
export const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

/** Latin-1 and Latin Extended letters, U+00C0 to U+024F: all letters but × and ÷. */
export const isLatinLetter = (code: number): boolean => code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
