import { languageOf } from '../languages/index.js';
import type { DocumentStance, Finding, Lang, Sentence, Stance } from '../types.js';
import { isCapitalised, type TokenizedSegment, type TokenTable } from '../tokenize/index.js';
import { findMarkers, type MarkerKind, type MarkerMatch, type StanceMarkers } from './markers.js';
import { scanQuotations, type Quotations, type QuoteSpan } from './quotes.js';

/**
 * Use or mention? Each finding is `reported` when it sits inside a quotation longer than a
 * few words (someone else's voice) or in a sentence opened by "selon X"; `distanced` when the
 * author holds it at arm's length: a distancing marker in its clause (dite, soi-disant, se
 * veut…), a refusal or a negation before it in its clause (nous refusons, ne … pas), scare
 * quotes around it in a text that shows critique elsewhere, or a sentence that attacks what it
 * names; `use` otherwise. A document written in a critical frame (see `CRITICAL_FRAME`)
 * mentions what it criticises: its unmarked terms are `distanced` too.
 */

/** What stance detection reads. */
export interface StanceContext {
  text: string;
  tokens: TokenTable;
  sentences: readonly Sentence[];
  /** The language of the text (its majority language when mixed). */
  lang: Lang;
  /** Language segments; markers of each language are looked for in its own segments. */
  segments: readonly TokenizedSegment[];
  /** Number of word tokens. */
  words: number;
  /** The stance markers of each language of the text. */
  markers: (lang: Lang) => StanceMarkers;
}

/** Quotations of at most this many words are scare quotes or names, not someone's speech. */
export const SHORT_QUOTE_WORDS = 6;
/** A distancing marker acts on a term at most this many words before it in its clause… */
const MARKER_WINDOW_BEFORE = 6;
/** …or this many words after it. */
const MARKER_WINDOW_AFTER = 3;
/**
 * A negation governs the words right after it (« pas de capteurs », "not a smart city"), not
 * the rest of its clause: « lutter contre le réchauffement climatique grâce à la ville
 * intelligente » negates nothing the city says.
 */
const NEGATION_WINDOW = 2;
/**
 * A document whose distancing evidence (markers, scare quotes) reaches both numbers below is
 * written in a critical frame: the terms it does not mark are the object of its critique,
 * not its own vocabulary, so they count as mentions too. Institutional texts carry almost
 * none of this evidence; critical prose carries two to five pieces per hundred words.
 */
export const CRITICAL_FRAME = { evidence: 2, per100Words: 1 } as const;
/** Weight of a cue that also occurs in neutral prose (surveillance, promesse…) in that evidence. */
const WEAK_CUE_EVIDENCE = 0.5;
/** Evidence each marker kind adds: negations and attributions occur in any prose and add none. */
const EVIDENCE: Readonly<Record<MarkerKind, number>> = {
  distancing: 1, refusal: 1, critical: 1, criticalWeak: WEAK_CUE_EVIDENCE, negation: 0, notNegation: 0, attribution: 0,
};
/**
 * Promoters quote too: metaphors, anglicisms and brand names. Quotation marks count as distance
 * only in a text with at least this much lexical evidence of critique (markers, not quotes).
 */
const SCARE_QUOTE_NEEDS_EVIDENCE = 1;

const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '[', ']', '–', '—', '-', '.', '!', '?', '…']);

const isCapitalisedAt = (tokens: TokenTable, t: number): boolean => t < tokens.length && isCapitalised(tokens.forms[t]!);

/** Tokens covered by markers that hold a term at a distance: on either side of it (distancing), before it (refusals), or just before it (negations). */
interface ClauseMarks {
  eitherSide: Uint8Array;
  /** Refusals. */
  before: Uint8Array;
  negation: Uint8Array;
}

/** Is a token `marked` within `window` words from `from`, walking by `step` inside the clause? */
function foundInClause(tokens: TokenTable, from: number, step: 1 | -1, stop: number, window: number, marked: (t: number) => boolean): boolean {
  let words = 0;
  for (let t = from; t !== stop && words <= window; t += step) {
    const form = tokens.forms[t]!;
    if (form.kind === 'punct' && CLAUSE_BREAK.has(form.text)) return false;
    if (marked(t)) return true;
    if (form.kind === 'word') words++;
  }
  return false;
}

/**
 * Is a distancing marker near `[first, end)` in its clause, a refusal before it, or (for a
 * term) a negation just before it? A figure is not negated by a word before it: « sans
 * compromis », "never stop improving" are part of the sales pitch.
 */
function markedInClause(first: number, end: number, tokens: TokenTable, marks: ClauseMarks, sentence: Sentence, isTerm: boolean): boolean {
  const beforeIt = (t: number): boolean => marks.eitherSide[t] === 1 || marks.before[t] === 1;
  const afterIt = (t: number): boolean => marks.eitherSide[t] === 1;
  const stop = sentence.tokenStart - 1;
  return (
    foundInClause(tokens, first - 1, -1, stop, MARKER_WINDOW_BEFORE, beforeIt) ||
    (isTerm && foundInClause(tokens, first - 1, -1, stop, NEGATION_WINDOW, (t) => marks.negation[t] === 1)) ||
    foundInClause(tokens, end, 1, sentence.tokenEnd, MARKER_WINDOW_AFTER, afterIt)
  );
}

/**
 * A critical word that its clause denies is a promoter's reassurance, not a critique:
 * « ce n'est pas du flicage », "this is not Big Brother".
 */
function isDenied(marker: MarkerMatch, tokens: TokenTable, marks: ClauseMarks, sentences: readonly Sentence[]): boolean {
  if (marker.kind !== 'critical' && marker.kind !== 'criticalWeak') return false;
  const sentence = sentences[tokens.sentenceOf[marker.first]!]!;
  return foundInClause(tokens, marker.first - 1, -1, sentence.tokenStart - 1, NEGATION_WINDOW, (t) => marks.negation[t] === 1);
}

interface SentenceCues {
  critical: boolean;
  attributed: boolean;
}

function sentenceCues(markers: readonly MarkerMatch[], tokens: TokenTable, sentences: readonly Sentence[]): SentenceCues[] {
  const cues = sentences.map(() => ({ strong: 0, weak: 0, attributed: false }));
  for (const marker of markers) {
    const sentenceIndex = tokens.sentenceOf[marker.first]!;
    const cue = cues[sentenceIndex]!;
    if (marker.kind === 'critical' || marker.kind === 'refusal') cue.strong++;
    else if (marker.kind === 'criticalWeak') cue.weak++;
    else if (marker.kind === 'attribution') {
      // "Selon X, …" / "D'après X, …": only as the opener of the sentence.
      cue.attributed ||= marker.first === sentences[sentenceIndex]!.tokenStart;
    }
  }
  return cues.map(({ strong, weak, attributed }) => ({ critical: strong > 0 || weak >= 2, attributed }));
}

/**
 * A short quotation that is not a name: « ville intelligente », « améliorer », and a
 * capitalised one that a lexicon term fills («Smart City», «Safe City»). A capitalised
 * quotation of other words is a name («Dijon Métropole»).
 */
function isScareQuote(span: QuoteSpan, tokens: TokenTable, termFilled: (span: QuoteSpan) => boolean): boolean {
  if (span.words > SHORT_QUOTE_WORDS || span.words === 0) return false;
  return !isCapitalisedAt(tokens, span.open + 1) || termFilled(span);
}

/** What the stance of one finding is read from. */
interface StanceCues {
  quotes: Quotations;
  /** Whether a short quotation is scare quotes (see `isScareQuote`), in a text that shows critique. */
  scare: (span: QuoteSpan) => boolean;
  marks: ClauseMarks;
  /** Tokens that a term finding covers. */
  termAt: Uint8Array;
  sentences: SentenceCues[];
}

/** Stance of one finding from quotations, markers and its sentence. */
function localStance(finding: Finding, ctx: StanceContext, cues: StanceCues): Stance {
  const { tokens, sentences } = ctx;
  const { quotes, marks } = cues;
  const first = finding.tokens[0]!;
  const end = finding.tokens[finding.tokens.length - 1]! + 1;
  const sentence = sentences[tokens.sentenceOf[first]!]!;
  let quote = quotes.enclosing[first]!;
  if (quote >= 0) {
    const span = quotes.spans[quote]!;
    if (span.words > SHORT_QUOTE_WORDS) return 'reported';
    if (cues.scare(span)) return 'distanced';
    quote = span.parent;
    while (quote >= 0) {
      if (quotes.spans[quote]!.words > SHORT_QUOTE_WORDS) return 'reported';
      quote = quotes.spans[quote]!.parent;
    }
  }
  // Inside the finding: "ville dite intelligente"; a figure that carries a refusal; and a
  // figure whose term a negation governs ("la ville ne sera pas une smart city" is no prophecy).
  for (let t = first; t < end; t++) if (marks.eitherSide[t] || (marks.before[t] && t < end - 1)) return 'distanced';
  if (finding.kind === 'pattern' && negatesATerm(finding, tokens, cues, sentence)) return 'distanced';
  if (markedInClause(first, end, tokens, marks, sentence, finding.kind === 'term')) return 'distanced';
  const cue = cues.sentences[tokens.sentenceOf[first]!]!;
  if (cue.critical) return 'distanced';
  if (cue.attributed) return 'reported';
  return 'use';
}

/** Does a negation govern a term inside the figure: a trigger token that a lexicon term covers? */
function negatesATerm(finding: Finding, tokens: TokenTable, cues: StanceCues, sentence: Sentence): boolean {
  const { marks, termAt } = cues;
  for (const t of finding.tokens) {
    if (termAt[t] !== 1) continue;
    if (foundInClause(tokens, t - 1, -1, sentence.tokenStart - 1, NEGATION_WINDOW, (k) => marks.negation[k] === 1)) return true;
  }
  return false;
}

/** Is the whole inside of a quotation one finding's tokens («Smart City»)? */
function filledBy(findings: readonly Finding[], tokens: TokenTable): (span: QuoteSpan) => boolean {
  const starts = new Map<number, number>();
  for (const finding of findings) {
    const first = finding.tokens[0]!;
    const end = finding.tokens[finding.tokens.length - 1]! + 1;
    starts.set(first, Math.max(starts.get(first) ?? 0, end));
  }
  return (span) => {
    const end = starts.get(span.open + 1);
    if (end === undefined) return false;
    for (let t = end; t < span.close; t++) if (tokens.forms[t]!.kind === 'word') return false;
    return true;
  };
}

/**
 * Set the `stance` of every finding and return the document-level stance.
 * Findings must carry `tokens` (indices into `ctx.tokens`).
 */
export function assignStance(findings: Finding[], ctx: StanceContext): DocumentStance {
  const { text, tokens, sentences, lang } = ctx;
  const quotes = scanQuotations(text, tokens);
  const found = markersBySegment(ctx);
  const marks: ClauseMarks = { eitherSide: new Uint8Array(tokens.length), before: new Uint8Array(tokens.length), negation: new Uint8Array(tokens.length) };
  for (const marker of found) {
    if (marker.kind === 'distancing') marks.eitherSide.fill(1, marker.first, marker.end);
    else if (marker.kind === 'refusal') marks.before.fill(1, marker.first, marker.end);
    else if (marker.kind === 'negation') marks.negation.fill(1, marker.first, marker.end);
  }
  const markers = found.filter((marker) => !isDenied(marker, tokens, marks, sentences));
  let lexicalEvidence = 0;
  for (const marker of markers) lexicalEvidence += EVIDENCE[marker.kind];
  const termFilled = filledBy(findings, tokens);
  const showsCritique = lexicalEvidence >= SCARE_QUOTE_NEEDS_EVIDENCE;
  const scare = (span: QuoteSpan): boolean => showsCritique && isScareQuote(span, tokens, termFilled);
  const termAt = new Uint8Array(tokens.length);
  for (const finding of findings) if (finding.kind === 'term') for (const t of finding.tokens) termAt[t] = 1;
  const cues: StanceCues = { quotes, scare, marks, termAt, sentences: sentenceCues(markers, tokens, sentences) };

  for (const finding of findings) finding.stance = localStance(finding, ctx, cues);

  const scareQuotes = quotes.spans.filter(scare).length;
  const evidence = lexicalEvidence + scareQuotes;
  const criticalFrame = evidence >= CRITICAL_FRAME.evidence && (100 * evidence) / Math.max(ctx.words, 1) >= CRITICAL_FRAME.per100Words;
  if (criticalFrame) for (const finding of findings) if (finding.stance === 'use') finding.stance = 'distanced';

  const summary = summarize(findings, markers, tokens, criticalFrame);
  if (scareQuotes > 0) summary.markers.push({ marker: languageOf(lang).labels.scareQuotes, count: scareQuotes });
  summary.markers.sort(byCountThenName);
  summary.evidence = evidence;
  return summary;
}

/** Stance markers of each language, found in that language's segments only. */
function markersBySegment({ tokens, sentences, segments, markers }: StanceContext): MarkerMatch[] {
  const langs = [...new Set(segments.map((segment) => segment.lang))];
  if (langs.length === 1) return findMarkers(tokens, sentences, markers(langs[0]!));
  return langs.flatMap((lang) => {
    const own = segments.filter((segment) => segment.lang === lang);
    return findMarkers(tokens, sentences, markers(lang)).filter((m) => own.some((s) => m.first >= s.tokenStart && m.first < s.tokenEnd));
  }).sort((a, b) => a.first - b.first);
}

function byCountThenName(a: { marker: string; count: number }, b: { marker: string; count: number }): number {
  return b.count - a.count || (a.marker < b.marker ? -1 : a.marker > b.marker ? 1 : 0);
}

function summarize(findings: readonly Finding[], markers: readonly MarkerMatch[], tokens: TokenTable, criticalFrame: boolean): DocumentStance {
  const total = findings.length;
  const share = (stance: Stance): number =>
    total === 0 ? 0 : Math.round((1000 * findings.filter((f) => f.stance === stance).length) / total) / 1000;
  const counts = new Map<string, number>();
  for (const marker of markers) {
    if (marker.kind === 'attribution' || marker.kind === 'negation') continue;
    const label = tokens.forms.slice(marker.first, marker.end).map((form) => form.norm).join(' ');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return {
    use: share('use'),
    reported: share('reported'),
    distanced: share('distanced'),
    markers: [...counts].map(([marker, count]) => ({ marker, count })),
    evidence: 0,
    criticalFrame,
    // The reading follows the score, which needs these stances first: analyze() sets it (score/reading.ts).
    reading: 'neutral',
  };
}
