import type { Category, Finding, Lang, Sentence } from '../types.js';
import type { TokenTable } from '../tokenize/index.js';
import type { PositionMap } from '../tokenize/positions.js';

/**
 * The shapes of pattern rules: as written in `lexicons/rules.<lang>.json` (see
 * `lexicons/rules.schema.json`), and what a rule kind returns.
 */

/** What `findPatterns()` reads: the text, its tokens and the term findings already made. */
export interface PatternInput {
  text: string;
  /** Tokens without places: places are computed only for findings. */
  tokens: TokenTable;
  sentences: readonly Sentence[];
  lang: Lang;
  /** The lexicon findings of the text (their `tokens` say where they are). */
  terms: readonly Finding[];
  positions: PositionMap;
  /**
   * The token ranges `[start, end)` written in `lang` (its segments, which never split a
   * sentence); absent: the whole text. The rules look nowhere else.
   */
  ranges?: ReadonlyArray<readonly [number, number]> | undefined;
}

/** What part of the text a finding covers: the matched words, their clause, or their sentence. */
export type SpanKind = 'match' | 'clause' | 'sentence';

/** The fields every rule has, whatever its kind. */
export interface RuleBase {
  /** kebab-case, unique among the rules and the lexicon entries of the language. */
  id: string;
  category: Category;
  /** One short line for reports (French for `fr` rules, English for `en`). */
  message: string;
  /** The essay's argument against the figure, in our own words. */
  note: string;
  /** The section of the essay that makes the point. */
  section: string;
  /** 0.5 to 2: a figure adds to the terms it is made of, which already count. */
  weight: number;
  /** A sentence the rule fires on: shown in the rules table and checked by the tests. */
  example: string;
}

/** Neighbours that must (not) occur within `window` words of a match, same sentence. */
export interface RuleContextData {
  near?: string[];
  notNear?: string[];
  window: number;
}

/** `cue`: any of a list of plain phrases (lexicon pattern syntax). */
export interface CueRule extends RuleBase {
  kind: 'cue';
  cues: string[];
  span: SpanKind;
  context?: RuleContextData;
}

/** `sequence`: token patterns whose slots may also be `@category:x`, `#TAG`, `!word`, `$set` or a `*N` gap. */
export interface SequenceRule extends RuleBase {
  kind: 'sequence';
  patterns: string[];
  span: SpanKind;
  context?: RuleContextData;
}

/** `cooccurrence`: something of set `a` and something of set `b` in one sentence. */
export interface CooccurrenceRule extends RuleBase {
  kind: 'cooccurrence';
  a: string[];
  b: string[];
  /** At most this many words between the two; absent: anywhere in the sentence. */
  maxDistance?: number;
  span: SpanKind;
}

/** `enumeration`: three or more short coordinated items, buzzword terms or adjectives. */
export interface EnumerationRule extends RuleBase {
  kind: 'enumeration';
  /** Words that coordinate items besides the comma: `et|ou`, `and|or`. */
  coordinators: string[];
  /** Categories of the term findings that make an item count as a buzzword. Absent: every category. */
  categories?: Category[];
  /** Default 3. */
  minItems?: number;
  /** Items that must be term findings. Default 2. */
  minTerms?: number;
  /** Words per item at most. Default 4. */
  maxItemWords?: number;
  /** Words skipped when looking for the head of an item (`plus`, `très`, `à`). */
  modifiers?: string[];
  /** Forms taken as adjectives although the tagger says otherwise (`fluide`). */
  adjectives?: string[];
}

/** A rule as written in a rule file. */
export type RuleData = CueRule | SequenceRule | CooccurrenceRule | EnumerationRule;

/** The kinds of rules, a closed set. */
export type RuleKind = RuleData['kind'];

/** The JSON document of a rule file. */
export interface RulesData {
  $schema?: string;
  lang: Lang;
  /** Named alternative lists, used in patterns as `$name` (`"tech": "numérique|données|@category:intelligence"`). */
  sets?: Record<string, string>;
  rules: RuleData[];
}

/**
 * What a rule kind finds: the tokens that triggered it and the token span `[first, end)` the
 * finding covers (before trimming punctuation at its edges).
 */
export interface Figure {
  first: number;
  end: number;
  /** Indices of the triggering tokens, increasing. */
  triggers: number[];
}
