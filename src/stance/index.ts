import type { DocumentStance, Finding, Lang, Sentence, Stance } from '../types.js';
import { isCapitalised, type TokenizedSegment, type TokenTable } from '../tokenize/index.js';
import { findMarkers, type MarkerMatch } from './markers.js';
import { scanQuotations, type Quotations, type QuoteSpan } from './quotes.js';

/**
 * Use or mention? Each finding is `reported` when it sits inside a quotation longer than a
 * few words (someone else's voice) or in a sentence opened by "selon X"; `distanced` when the
 * author holds it at arm's length: scare quotes around it, a distancing marker in its clause
 * (dite, soi-disant, censé…), or a sentence that attacks what it names; `use` otherwise.
 * A document written in a critical frame (see `CRITICAL_FRAME`) mentions what it criticises:
 * its unmarked terms are `distanced` too.
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
}

/** Quotations of at most this many words are scare quotes or names, not someone's speech. */
export const SHORT_QUOTE_WORDS = 6;
/** A distancing marker acts on a term at most this many words before it in its clause… */
const MARKER_WINDOW_BEFORE = 6;
/** …or this many words after it. */
const MARKER_WINDOW_AFTER = 3;
/**
 * A document whose distancing evidence (markers, scare quotes) reaches both numbers below is
 * written in a critical frame: the terms it does not mark are the object of its critique,
 * not its own vocabulary, so they count as mentions too. Institutional texts carry almost
 * none of this evidence; critical prose carries two to five pieces per hundred words.
 */
export const CRITICAL_FRAME = { evidence: 2, per100Words: 1 } as const;
/** Weight of a cue that also occurs in neutral prose (surveillance, promesse…) in that evidence. */
const WEAK_CUE_EVIDENCE = 0.5;
/** Label of scare quotes in `DocumentStance.markers`. */
const SCARE_QUOTES: Record<Lang, string> = { fr: 'guillemets de distance', en: 'scare quotes' };

/** Weight of findings in the author's voice from which a text reads as promotional. */
const PROMOTIONAL_WEIGHT = 4;

const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '[', ']', '–', '—', '-', '.', '!', '?', '…']);

const isCapitalisedAt = (tokens: TokenTable, t: number): boolean => t < tokens.length && isCapitalised(tokens.forms[t]!);

/** Word-distance-limited scan within the clause: is a distancing marker near `[first, end)`? */
function markedInClause(first: number, end: number, tokens: TokenTable, distancingAt: Uint8Array, sentence: Sentence): boolean {
  const scan = (from: number, step: 1 | -1, stop: number, window: number): boolean => {
    let words = 0;
    for (let t = from; t !== stop && words <= window; t += step) {
      const form = tokens.forms[t]!;
      if (form.kind === 'punct' && CLAUSE_BREAK.has(form.text)) return false;
      if (distancingAt[t]) return true;
      if (form.kind === 'word') words++;
    }
    return false;
  };
  return scan(first - 1, -1, sentence.tokenStart - 1, MARKER_WINDOW_BEFORE) || scan(end, 1, sentence.tokenEnd, MARKER_WINDOW_AFTER);
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
    if (marker.kind === 'critical') cue.strong++;
    else if (marker.kind === 'criticalWeak') cue.weak++;
    else if (marker.kind === 'attribution') {
      // "Selon X, …" / "D'après X, …": only as the opener of the sentence.
      cue.attributed ||= marker.first === sentences[sentenceIndex]!.tokenStart;
    }
  }
  return cues.map(({ strong, weak, attributed }) => ({ critical: strong > 0 || weak >= 2, attributed }));
}

/** A short quotation that is not a capitalised name: « ville intelligente », « améliorer ». */
function isScareQuote(span: QuoteSpan, tokens: TokenTable): boolean {
  return span.words <= SHORT_QUOTE_WORDS && span.words > 0 && !isCapitalisedAt(tokens, span.open + 1);
}

/** Stance of one finding from quotations, markers and its sentence. */
function localStance(finding: Finding, ctx: StanceContext, quotes: Quotations, distancingAt: Uint8Array, cues: SentenceCues[]): Stance {
  const { tokens, sentences } = ctx;
  const first = finding.tokens[0]!;
  const end = finding.tokens[finding.tokens.length - 1]! + 1;
  const sentence = sentences[tokens.sentenceOf[first]!]!;
  let quote = quotes.enclosing[first]!;
  if (quote >= 0) {
    const span = quotes.spans[quote]!;
    if (span.words > SHORT_QUOTE_WORDS) return 'reported';
    // A short quotation: scare quotes, unless it is a capitalised name ("Smarter Cities").
    if (isScareQuote(span, tokens)) return 'distanced';
    quote = span.parent;
    while (quote >= 0) {
      if (quotes.spans[quote]!.words > SHORT_QUOTE_WORDS) return 'reported';
      quote = quotes.spans[quote]!.parent;
    }
  }
  for (let t = first; t < end; t++) if (distancingAt[t]) return 'distanced'; // "ville dite intelligente"
  if (markedInClause(first, end, tokens, distancingAt, sentence)) return 'distanced';
  const cue = cues[tokens.sentenceOf[first]!]!;
  if (cue.critical) return 'distanced';
  if (cue.attributed) return 'reported';
  return 'use';
}

/**
 * Set the `stance` of every finding and return the document-level stance.
 * Findings must carry `tokens` (indices into `ctx.tokens`).
 */
export function assignStance(findings: Finding[], ctx: StanceContext): DocumentStance {
  const { text, tokens, sentences, lang } = ctx;
  const quotes = scanQuotations(text, tokens);
  const markers = markersBySegment(ctx);
  const distancingAt = new Uint8Array(tokens.length);
  for (const marker of markers) if (marker.kind === 'distancing') distancingAt.fill(1, marker.first, marker.end);
  const cues = sentenceCues(markers, tokens, sentences);

  for (const finding of findings) finding.stance = localStance(finding, ctx, quotes, distancingAt, cues);

  const scareQuotes = quotes.spans.filter((span) => isScareQuote(span, tokens)).length;
  let evidence = scareQuotes;
  for (const marker of markers) {
    if (marker.kind === 'criticalWeak') evidence += WEAK_CUE_EVIDENCE;
    else if (marker.kind !== 'attribution') evidence += 1;
  }
  const criticalFrame = evidence >= CRITICAL_FRAME.evidence && (100 * evidence) / Math.max(ctx.words, 1) >= CRITICAL_FRAME.per100Words;
  if (criticalFrame) for (const finding of findings) if (finding.stance === 'use') finding.stance = 'distanced';

  const summary = summarize(findings, markers, tokens, criticalFrame);
  if (scareQuotes > 0) summary.markers.push({ marker: SCARE_QUOTES[lang], count: scareQuotes });
  summary.markers.sort(byCountThenName);
  summary.evidence = evidence;
  return summary;
}

/** Stance markers of each language, found in that language's segments only. */
function markersBySegment({ tokens, sentences, segments }: StanceContext): MarkerMatch[] {
  const langs = [...new Set(segments.map((segment) => segment.lang))];
  if (langs.length === 1) return findMarkers(tokens, sentences, langs[0]!);
  return langs.flatMap((lang) => {
    const own = segments.filter((segment) => segment.lang === lang);
    return findMarkers(tokens, sentences, lang).filter((m) => own.some((s) => m.first >= s.tokenStart && m.first < s.tokenEnd));
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
    if (marker.kind === 'attribution') continue;
    const label = tokens.forms.slice(marker.first, marker.end).map((form) => form.norm).join(' ');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let useWeight = 0;
  let heldWeight = 0;
  for (const finding of findings) {
    if (finding.stance === 'use') useWeight += finding.weight;
    else heldWeight += finding.weight;
  }
  const reading: DocumentStance['reading'] =
    criticalFrame || heldWeight > useWeight ? 'critical' : useWeight >= PROMOTIONAL_WEIGHT ? 'promotional' : 'neutral';
  return {
    use: share('use'),
    reported: share('reported'),
    distanced: share('distanced'),
    markers: [...counts].map(([marker, count]) => ({ marker, count })),
    evidence: 0,
    criticalFrame,
    reading,
  };
}
