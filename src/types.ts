/**
 * The shapes novlangue returns. Positions follow unist: line and column 1-based, offset
 * 0-based, end exclusive, all in UTF-16 code units (what `String.prototype.slice` counts).
 */

/** Languages novlangue has a lexicon for. */
export type Lang = 'fr' | 'en';

/** `[start, end)` in UTF-16 code units: `text.slice(start, end)` is the covered text. */
export type Range = [start: number, end: number];

/** One position in the text. */
export interface Point {
  /** 1-based line; lines end with `\n`, `\r\n` or a lone `\r`. */
  line: number;
  /** 1-based column, in UTF-16 code units from the start of the line. */
  column: number;
  /** 0-based offset from the start of the text, in UTF-16 code units. */
  offset: number;
}

/** Start and end (exclusive) of a span, as points. */
export interface Place {
  start: Point;
  end: Point;
}

/**
 * What a token is. `elision` is a French elided article or pronoun with its apostrophe
 * (`l'`, `qu'`, `jusqu'`); `quote` is a quotation mark (`«`, `»`, `“`, `”`, `"`);
 * `footnote` is a superscript footnote call (`³`, `¹⁰`).
 */
export type TokenKind = 'word' | 'elision' | 'number' | 'punct' | 'quote' | 'symbol' | 'url' | 'footnote';

/** A token with its exact position. */
export interface Token {
  /** The token as written: always `text.slice(range[0], range[1])`. */
  text: string;
  /** Lower-cased, typographic apostrophe `’` folded to `'`. */
  norm: string;
  /** Stem of `norm` (Porter stemmer of the token's language); `norm` for non-words and for words of more than 64 characters. */
  stem: string;
  kind: TokenKind;
  range: Range;
  place: Place;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** Universal part-of-speech tag, where the language's pipeline gives one (English: wink-nlp). */
  pos?: string;
}

/** A sentence: a span and the tokens `[tokenStart, tokenEnd)` it holds. */
export interface Sentence {
  range: Range;
  place: Place;
  tokenStart: number;
  tokenEnd: number;
}

/** The lexical fields of smart-city novlangue, each grounded in the essay. */
export type Category =
  | 'intelligence'
  | 'buzzwords'
  | 'management'
  | 'participation'
  | 'ecology-alibi'
  | 'competition'
  | 'surveillance'
  | 'solutionism'
  | 'anglicisms';

/** Every category, in a stable order (the order of reports). */
export const CATEGORIES: readonly Category[] = [
  'intelligence',
  'buzzwords',
  'management',
  'participation',
  'ecology-alibi',
  'competition',
  'surveillance',
  'solutionism',
  'anglicisms',
];

/**
 * Whose voice a finding is in. `use`: the author's own. `reported`: inside a quotation
 * attributed to someone else. `distanced`: the author holds the term at a distance
 * (scare quotes, "dite", "soi-disant", a sentence that attacks it).
 */
export type Stance = 'use' | 'reported' | 'distanced';

/** One thing novlangue found, with everything needed to explain it. */
export interface Finding {
  /** `<lang>.<entry or rule id>`, e.g. `fr.ville-intelligente`, `fr.accumulation`. */
  ruleId: string;
  /** `term`: a lexicon entry; `pattern`: a rhetorical figure spanning several tokens. */
  kind: 'term' | 'pattern';
  category: Category;
  range: Range;
  place: Place;
  /** The matched text: always `text.slice(range[0], range[1])`. */
  actual: string;
  stance: Stance;
  /** Weight of the entry or rule (before the stance factor is applied by the score). */
  weight: number;
  /**
   * `topic`: a plain name of what the text is about (smart city, capteurs, données), which
   * critics and engineers name as much as promoters: shown, and scored lightly. `rhetoric`:
   * evaluative, euphemistic or promotional language, and every rhetorical figure.
   */
  role: Role;
  /** One-line explanation for reports. */
  message: string;
  /** The gloss: why the essay objects to this, in our own words. */
  note: string;
  /** The section of the essay that makes the point. */
  section: string;
  /** Indices (into `Analysis.tokens`) of the tokens that triggered the finding. */
  tokens: number[];
}

/** What a finding says of the author's voice: the topic named, or the rhetoric used (see `Finding.role`). */
export type Role = 'topic' | 'rhetoric';

/** Per-category figures of one analysis. */
export interface CategoryStats {
  /** Number of findings. */
  count: number;
  /** Sum of `weight × stance factor` over the findings. */
  weighted: number;
  /** Findings per 1,000 word tokens (comparable across document lengths). */
  rate: number;
}

/** Document-level stance: does the author speak novlangue, or about it? */
export interface DocumentStance {
  /** Share (0-1) of findings that are `distanced`. */
  distanced: number;
  /** Share (0-1) of findings that are `reported`. */
  reported: number;
  /** Share (0-1) of findings in the author's own voice. */
  use: number;
  /** Distancing and critical markers found in the text (`soi-disant`, `novlangue`, scare quotes…), with counts, most frequent first. */
  markers: Array<{ marker: string; count: number }>;
  /** Distancing evidence: markers and scare quotes (cues that also occur in neutral prose count half). */
  evidence: number;
  /** Whether the evidence is dense enough to read the whole text as critical (its unmarked terms are then `distanced`). */
  criticalFrame: boolean;
  /**
   * `promotional` when the score reaches `PROMOTIONAL_SCORE` and the author's own voice carries
   * rhetoric (not only the topic's names); `critical` in a critical frame or when most weight is
   * held at a distance; `neutral` otherwise.
   */
  reading: 'promotional' | 'critical' | 'neutral';
}

/** Result of `analyze()`. Plain JSON: survives `JSON.parse(JSON.stringify(x))`. */
export interface Analysis {
  /** Language used for the analysis (the majority language of a mixed text). */
  lang: Lang;
  /** Stretches of the text and the language each was analysed in (one for a monolingual text). */
  segments: Array<{ lang: Lang; range: Range }>;
  /** Every token with its place; computed on first read (batch code that never reads it does not pay for it). */
  tokens: Token[];
  sentences: Sentence[];
  /** Number of word tokens (the denominator of rates and of the score). */
  words: number;
  /** Fewer than `MIN_WORDS` words: the score counts the text as that long; rank it with care. */
  short: boolean;
  /** 0-100: density of novlangue in the author's own voice (see docs/SCORE.md). */
  score: number;
  categories: Record<Category, CategoryStats>;
  /** Sorted by start offset, then end offset, then ruleId. */
  findings: Finding[];
  stance: DocumentStance;
}

/** Context condition of a lexicon entry: neighbours that must (not) occur nearby. */
export interface EntryContext {
  /** At least one of these slots within `window` words, in the same sentence. */
  near?: string[];
  /** None of these slots within `window` words, in the same sentence. */
  notNear?: string[];
  window: number;
}

/** One lexicon entry, as written in `lexicons/*.json` (see lexicons/FORMAT.md). */
export interface LexiconEntry {
  /** kebab-case, unique in its lexicon. */
  id: string;
  /** A bundled category, or (in a custom lexicon) one declared in the file's `categories`. */
  category: Category;
  /** Token patterns: `ville|villes plus? intelligent`, `=données`, `co-construire`. */
  patterns: string[];
  /** 0.25 to 5. */
  weight: number;
  /** `topic` for a plain name of the subject (scored lightly); `rhetoric` (the default) otherwise. See `Finding.role`. */
  role?: Role;
  /** Why the essay objects to the term, in our own words (required in the bundled lexicons). */
  note?: string;
  /** Section of the essay that makes the point (required in the bundled lexicons). */
  section?: string;
  /** Custom lexicons: where the entry comes from, in free text (a dictionary, an article). */
  source?: string;
  context?: EntryContext;
}

/** A custom lexicon's entry that switches off the entry of the same id of the lexicons it extends. */
export interface SwitchedOffEntry {
  id: string;
  weight: 0;
}

/** A category declared by a custom lexicon, beyond the bundled ones. */
export interface CategoryDeclaration {
  /** What reports call it. */
  label: string;
  description?: string;
}

/** The JSON document of a lexicon file. */
export interface LexiconData {
  $schema?: string;
  lang: Lang;
  /** Custom lexicons: categories of their own, by id. */
  categories?: Record<string, CategoryDeclaration>;
  entries: Array<LexiconEntry | SwitchedOffEntry>;
}
