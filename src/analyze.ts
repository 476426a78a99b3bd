import { describeValue } from './errors.js';
import { bundledLexicon } from './lexicon/bundled.js';
import type { CompiledEntry, Lexicon } from './lexicon/compile.js';
import { matchTerms, type TermMatch } from './match/terms.js';
import { categoryStats, scoreOf } from './score/score.js';
import { assignStance } from './stance/index.js';
import { tokenize, type PositionMap } from './tokenize/index.js';
import type { Analysis, Finding, Lang, Token } from './types.js';
import categoryLabels from '../lexicons/categories.json' with { type: 'json' };

/** Options of `analyze()`. */
export interface AnalyzeOptions {
  /** Language of the text. Default `'fr'`. */
  lang?: Lang;
  /** Lexicon to use instead of the bundled one (see `loadLexicon`, `extendLexicon`). Its language wins over `lang`. */
  lexicon?: Lexicon;
}

function termFinding(match: TermMatch, text: string, tokens: Token[], positions: PositionMap, lang: Lang): Finding {
  const entry: CompiledEntry = match.entry;
  const start = tokens[match.first]!.range[0];
  const end = tokens[match.end - 1]!.range[1];
  const actual = text.slice(start, end);
  const indices: number[] = [];
  for (let t = match.first; t < match.end; t++) indices.push(t);
  return {
    ruleId: entry.ruleId,
    kind: 'term',
    category: entry.category,
    range: [start, end],
    place: positions.place(start, end),
    actual,
    stance: 'use',
    weight: entry.weight,
    message: `${categoryLabels[entry.category][lang]} : « ${actual} »`,
    note: entry.note,
    section: entry.section,
    tokens: indices,
  };
}

/** Total order on findings: start, end, ruleId. Output is byte-identical run after run. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Analyse a text: tokens, sentences, lexicon findings with their stance, per-category
 * figures and a 0-100 score of novlangue in the author's own voice.
 * @param text the text to analyse (plain text; see the corpus API for files)
 * @throws {TypeError} when `text` is not a string
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (typeof text !== 'string') {
    throw new TypeError(`novlangue: analyze() expects the text as a string, instead received ${describeValue(text)}.`);
  }
  const lexicon = options.lexicon ?? bundledLexicon(options.lang ?? 'fr');
  const lang = lexicon.lang;
  const { tokens, sentences, words, positions } = tokenize(text, lang);
  const findings = matchTerms(tokens, sentences, lexicon).map((match) => termFinding(match, text, tokens, positions, lang));
  const stance = assignStance(findings, { text, tokens, sentences, lang });
  findings.sort(compareFindings);
  return {
    lang,
    tokens,
    sentences,
    words,
    score: scoreOf(findings, words),
    categories: categoryStats(findings, words),
    findings,
    stance,
  };
}
