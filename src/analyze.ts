import { describeValue } from './errors.js';
import { compareFindings, findingAt, type FindingText } from './findings.js';
import { segmentByLanguage } from './detect/detect.js';
import { isLang, langList, LANGS } from './languages/index.js';
import { bundledLexicon } from './lexicon/bundled.js';
import { declaredCategoriesOf, isCompiledLexicon, lexiconList, lexiconOf, repeatedLang, type LexiconOption } from './lexicon/per-lang.js';
import { matchTerms, type TermMatch } from './lexicon/match.js';
import { findPatterns } from './rules/index.js';
import { bundledRules, type RuleSet } from './rules/load.js';
import { readingOf } from './score/reading.js';
import { categoryStats, MIN_WORDS, scoreOf, type ScoreWeights } from './score/score.js';
import { assignStance } from './stance/index.js';
import { bundledStance, type StanceMarkers } from './stance/markers.js';
import { tokenizeSegments, withPlaces, type Segment, type TokenizedSegment, type TokenTable } from './tokenize/index.js';
import type { Analysis, Finding, Lang, Token } from './types.js';
import { labelOfCategory } from './lexicon/categories.js';

/** Options of `analyze()`. */
export interface AnalyzeOptions {
  /**
   * Language of the text. `'auto'` (the default) detects it with franc, per document and per
   * paragraph, so that an English paragraph of a French page gets the English lexicon.
   * With one `lexicon` and no `lang`, the lexicon's language is used (with one per language,
   * `'auto'`).
   */
  lang?: Lang | 'auto';
  /** What `'auto'` answers for a text too short to tell. Default `'fr'`. */
  fallback?: Lang;
  /**
   * Lexicon to use instead of the bundled one for its language (see `loadLexicon`,
   * `extendLexicon`), or a list of them, at most one per language: each serves the paragraphs
   * in its language, the bundled lexicon the others.
   */
  lexicon?: LexiconOption;
  /** Pattern rules to use instead of the bundled ones for their language (see `loadRules`, `extendRules`). */
  rules?: RuleSet;
  /** Stance markers to use instead of the bundled ones for their language (see `loadStance`, `extendStance`). */
  stance?: StanceMarkers;
  /** Per-category multipliers of the score's points (see `novlangue calibrate`); 1 where absent. */
  weights?: ScoreWeights;
}

const LANG_OPTIONS: readonly string[] = [...LANGS, 'auto'];
const OPTIONS: readonly string[] = ['lang', 'fallback', 'lexicon', 'rules', 'stance', 'weights'];

function checkOptions(options: AnalyzeOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`novlangue: analyze() expects options as an object, instead received ${describeValue(options)}.`);
  }
  const unknown = Object.keys(options).filter((key) => !OPTIONS.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(`novlangue: analyze() has no option ${unknown.map((key) => JSON.stringify(key)).join(', ')}; its options are ${OPTIONS.join(', ')}.`);
  }
  if (options.lang !== undefined && !LANG_OPTIONS.includes(options.lang)) {
    throw new TypeError(`novlangue: analyze() expects lang ${langList(['auto'])}, instead received ${JSON.stringify(options.lang)}.`);
  }
  if (options.fallback !== undefined && !isLang(options.fallback)) {
    throw new TypeError(`novlangue: analyze() expects fallback ${langList()}, instead received ${JSON.stringify(options.fallback)}.`);
  }
  checkLexicons(options.lexicon);
}

/** The `lexicon` option: compiled lexicons (`loadLexicon`, `extendLexicon`), at most one per language. */
function checkLexicons(option: AnalyzeOptions['lexicon']): void {
  if (option === undefined) return;
  const invalid = lexiconList(option).find((lexicon) => !isCompiledLexicon(lexicon));
  if (invalid !== undefined || (Array.isArray(option) && option.length === 0)) {
    throw new TypeError(`novlangue: analyze() expects lexicon as a compiled lexicon (loadLexicon, extendLexicon) or a non-empty list of them, instead received ${describeValue(invalid ?? option)}.`);
  }
  const repeated = repeatedLang(option);
  if (repeated) {
    throw new TypeError(`novlangue: analyze() takes one lexicon per language, but two are for "${repeated.lang}" (${repeated.sources[0]} and ${repeated.sources[1]}): extend one with the other (extendLexicon).`);
  }
}

/** The language segments to analyse: one for a fixed language, per-paragraph ones for `auto`. */
function segmentsOf(text: string, options: AnalyzeOptions): Segment[] {
  const lexicons = lexiconList(options.lexicon);
  const lang = options.lang ?? (lexicons.length === 1 ? lexicons[0]!.lang : 'auto');
  if (lang !== 'auto') return [{ start: 0, end: text.length, lang }];
  return segmentByLanguage(text, options.fallback ?? 'fr');
}

/** The language with the most words: the `lang` of a mixed text. */
function majorityLang(segments: readonly TokenizedSegment[], tokens: TokenTable, fallback: Lang): Lang {
  if (segments.length === 1) return segments[0]!.lang;
  const words: Record<Lang, number> = { fr: 0, en: 0 };
  for (const segment of segments) {
    for (let t = segment.tokenStart; t < segment.tokenEnd; t++) if (tokens.forms[t]!.kind === 'word') words[segment.lang]++;
  }
  if (words.fr === words.en) return segments[0]?.lang ?? fallback;
  return words.fr > words.en ? 'fr' : 'en';
}

function termFinding(match: TermMatch, on: FindingText, lang: Lang): Finding {
  const { entry } = match;
  const triggers: number[] = [];
  for (let t = match.first; t < match.end; t++) triggers.push(t);
  const source = { ruleId: entry.ruleId, kind: 'term' as const, category: entry.category, weight: entry.weight, role: entry.role ?? 'rhetoric', note: entry.note, section: entry.section };
  return findingAt(source, (actual) => `${labelOfCategory(entry.category, lang)} : « ${actual} »`, on, match.first, match.end, triggers);
}

/**
 * Analyse a text: tokens, sentences, lexicon terms and rhetorical patterns with their stance,
 * per-category figures, and a 0-100 score of novlangue in the author's own voice.
 * @param text the text to analyse (plain text; see `analyzeCorpus` for files)
 * @param options language, fallback language, lexicons (one per language), rules, stance markers, weights
 * @throws {TypeError} when `text` is not a string or an option is invalid (two lexicons for one language)
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (typeof text !== 'string') {
    throw new TypeError(`novlangue: analyze() expects the text as a string, instead received ${describeValue(text)}.`);
  }
  checkOptions(options);
  const { tokens, sentences, words, positions, segments } = tokenizeSegments(text, segmentsOf(text, options));
  const lang = majorityLang(segments, tokens, options.fallback ?? 'fr');

  const findings: Finding[] = [];
  for (const segmentLang of new Set(segments.map((segment) => segment.lang))) {
    const lexicon = lexiconOf(options.lexicon, segmentLang) ?? bundledLexicon(segmentLang);
    const own = segments.filter((segment) => segment.lang === segmentLang);
    for (const segment of own) {
      for (const match of matchTerms(tokens, sentences, lexicon, segment.tokenStart, segment.tokenEnd)) {
        findings.push(termFinding(match, { text, tokens, positions }, segmentLang));
      }
    }
    const prefix = `${segmentLang}.`;
    const terms = findings.filter((finding) => finding.ruleId.startsWith(prefix));
    const rules = options.rules?.lang === segmentLang ? options.rules : bundledRules(segmentLang);
    const ranges = own.length === segments.length ? undefined : own.map((segment) => [segment.tokenStart, segment.tokenEnd] as const);
    findings.push(...findPatterns({ text, tokens, sentences, lang: segmentLang, terms, positions, ranges }, rules));
  }
  const markers = (of: Lang): StanceMarkers => (options.stance?.lang === of ? options.stance : bundledStance(of));
  const stance = assignStance(findings, { text, tokens, sentences, lang, segments, words, markers });
  findings.sort(compareFindings);
  const score = scoreOf(findings, words, { weights: options.weights, evidence: stance.evidence });
  stance.reading = readingOf(score, findings, stance.criticalFrame);

  const analysis: Analysis = {
    lang,
    segments: segments.map((segment) => ({ lang: segment.lang, range: [segment.start, segment.end] })),
    tokens: [],
    sentences,
    words,
    short: words < MIN_WORDS,
    score,
    categories: categoryStats(findings, words, options.weights, declaredCategoriesOf(options.lexicon)),
    findings,
    stance,
  };
  return withLazyTokens(analysis, () => withPlaces(tokens, positions));
}

/**
 * Define `analysis.tokens` as an enumerable property computed on first read: placing every
 * token costs more than the rest of the analysis, and batch runs and reports never read them.
 * JSON.stringify and structuredClone read it like any property, so the result stays plain data.
 */
function withLazyTokens(analysis: Analysis, placeTokens: () => Token[]): Analysis {
  const settle = (target: Analysis, value: Token[]): void => {
    Object.defineProperty(target, 'tokens', { value, enumerable: true, writable: true, configurable: true });
  };
  Object.defineProperty(analysis, 'tokens', {
    enumerable: true,
    configurable: true,
    get(this: Analysis): Token[] {
      const tokens = placeTokens();
      settle(this, tokens);
      return tokens;
    },
    set(this: Analysis, value: Token[]) {
      settle(this, value);
    },
  });
  return analysis;
}
