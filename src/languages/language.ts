import type { Lang } from '../types.js';

/** A quotation mark pair: `open` starts a quotation that `close` ends; the same mark for straight quotes. */
export interface QuotePair {
  readonly open: string;
  readonly close: string;
}

/**
 * What novlangue knows of one language. The tokenizer, the language detector and the
 * quotation scanner read it through the registry (`./index.ts`), never per language code.
 */
export interface Language {
  readonly code: Lang;
  /** The language's name in itself, and in English. */
  readonly name: string;
  readonly englishName: string;
  /** ISO 639-3 code, as franc names the language. */
  readonly iso6393: string;
  /**
   * The steps that cut its texts (`src/tokenize/`): `latin`, the shared scanner and the
   * rule-based sentence splitter; `wink`, wink-nlp's English model, with the scanner for what
   * wink leaves over.
   */
  readonly pipeline: 'latin' | 'wink';
  /** The Porter stemmer, as a module of `natural` required on first use. */
  readonly stemmer: string;
  /** The compromise package that tags parts of speech for the pattern rules. */
  readonly tagger: string;
  /** Grammatical words (nearly) absent from the other languages: the detector's evidence. Lower-case. */
  readonly functionWords: readonly string[];
  /** Elided words the scanner splits off the word after the apostrophe (`l'`, `jusqu'`): lower-case ASCII letters, without the apostrophe. */
  readonly elisions: readonly string[];
  /** Clitics after an apostrophe (`don't`, `we're`): evidence for the detector, without the apostrophe. */
  readonly clitics: readonly string[];
  /**
   * Words written with an apostrophe that is no elision, kept whole in any language: ASCII
   * letters, `'` (for `'` and `’`), letters, and a final `*` for any letters after; the first
   * letter may be a capital.
   */
  readonly apostropheWords: readonly string[];
  /** Abbreviations whose full stop does not end a sentence, lower-case, without the final full stop. */
  readonly abbreviations: readonly string[];
  /** Those of `abbreviations` that do end one before a capital (`etc. Les`). */
  readonly sentenceFinalAbbreviations: readonly string[];
  /** Quotation marks that pair, and marks that are quote tokens but pair with nothing. */
  readonly quotes: { readonly pairs: readonly QuotePair[]; readonly unpaired: readonly string[] };
  /** Words of the reports in this language. */
  readonly labels: {
    /** How a report quotes a phrase: the marks around it, spaces included. */
    readonly quotation: QuotePair;
    /** What scare quotes are called in a stance summary. */
    readonly scareQuotes: string;
    /** The headers of the generated rules table. */
    readonly rulesTable: readonly string[];
  };
}
