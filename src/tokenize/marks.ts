import { acrossLanguages, quotePairs } from '../languages/index.js';
import { isApostrophe } from './chars.js';

/**
 * The quotation marks of every registered language, in the forms the tokenizer reads them.
 * A French text quotes with “ ” too, so a mark is a quote whatever the text's language.
 */

const pairs = quotePairs();
const code = (mark: string): number => mark.charCodeAt(0);

/** Every quotation mark, paired or not: what a lone mark from wink is (`’`, `'` included). */
export const QUOTATION_MARKS: ReadonlySet<string> = new Set([...pairs.flatMap((pair) => [pair.open, pair.close]), ...acrossLanguages((language) => language.quotes.unpaired)]);

/**
 * What the scanner makes a quote token of, by code unit: every mark but the apostrophes (`’`
 * closes ‘ ’ and is read as an apostrophe) and the openers of a pair closed by one, which the
 * scanner could never close.
 */
export const SCANNED_QUOTES: ReadonlySet<number> = new Set(
  [...QUOTATION_MARKS].filter((mark) => !isApostrophe(code(mark)) && !pairs.some((pair) => pair.open === mark && isApostrophe(code(pair.close)))).map(code),
);

/** Straight quotes, which open and close alike (`"`). */
export const STRAIGHT_QUOTES: ReadonlySet<string> = new Set(pairs.filter((pair) => pair.open === pair.close).map((pair) => pair.open));

/** Closing marks that are neither straight quotes nor apostrophes (`»`, `”`, `›`): a sentence keeps them. */
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(
  pairs.filter((pair) => pair.open !== pair.close && !isApostrophe(code(pair.close))).map((pair) => pair.close),
);
