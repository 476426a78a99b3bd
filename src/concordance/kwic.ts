/**
 * `concordance()`: keyword in context. Every place a query matches in a corpus, with its left
 * and right context, where it is, and what novlangue found there (rule and stance).
 */
import { matchFrom, plainEnv } from '../engine/match.js';
import { NovlangueError, describeValue } from '../errors.js';
import type { CorpusDocumentLean, DocumentFormat, Meta } from '../records.js';
import { tokenizeSegments, type Tokenized } from '../tokenize/index.js';
import type { Category, DocumentStance, Finding, Lang, Range, Stance } from '../types.js';
import { contextOf } from './context.js';
import { parseQuery, type KwicQuery } from './query.js';

/** How hits are ordered: by place in the corpus, or (as AntConc does) by the words just left or right of the match. */
export type KwicSort = 'position' | 'left' | 'right';

/** The sort orders, in the order `--sort` lists them. */
export const KWIC_SORTS: readonly KwicSort[] = ['position', 'left', 'right'];

/** Options of `concordance()`. */
export interface KwicOptions {
  /** Words of context on each side (0 to 100). Default 8. */
  width?: number;
  /** Default `'position'`. */
  sort?: KwicSort;
}

/** What a concordance reads of a document: a record of `analyzeCorpus`, lean or full. */
export type KwicDocument = Pick<CorpusDocumentLean, 'file' | 'text' | 'segments' | 'lang' | 'format' | 'folder' | 'meta'> & {
  findings: readonly Finding[];
  stance: Pick<DocumentStance, 'reading'>;
};

/** One hit of a concordance. */
export interface KwicHit {
  file: string;
  /** 1-based line and column (UTF-16 code units) of the start of the match. */
  line: number;
  column: number;
  /** Offsets of the match in the document's text: `text.slice(range[0], range[1]) === match`. */
  range: Range;
  /** Up to `width` words before the match, whitespace folded. */
  left: string;
  /** The matched text, exactly as written. */
  match: string;
  /** Up to `width` words after the match, whitespace folded. */
  right: string;
  /** The finding the hit is (a rule or category query), or the term finding it falls in (a phrase); `null` when none. */
  ruleId: string | null;
  category: Category | null;
  /** That finding's stance; `null` for a phrase that no finding covers. */
  stance: Stance | null;
  /** The document's fields a concordance is grouped by. */
  lang: Lang;
  format: DocumentFormat;
  folder: string | null;
  reading: DocumentStance['reading'];
  meta: Meta;
}

export const DEFAULT_KWIC_WIDTH = 8;

function tokenized(document: KwicDocument): Tokenized {
  return tokenizeSegments(
    document.text,
    document.segments.map((segment) => ({ start: segment.range[0], end: segment.range[1], lang: segment.lang })),
  );
}

/** The spans of a phrase query in a document, never across a sentence or a language segment, none overlapping. */
function phraseSpans(query: Extract<KwicQuery, { kind: 'phrase' }>, tokens: Tokenized): Range[] {
  const env = plainEnv(tokens.tokens);
  const { starts, ends, sentenceOf } = tokens.tokens;
  const spans: Range[] = [];
  for (const segment of tokens.segments) {
    const slots = query.slots[segment.lang];
    for (let t = segment.tokenStart; t < segment.tokenEnd; ) {
      const limit = Math.min(tokens.sentences[sentenceOf[t]!]!.tokenEnd, segment.tokenEnd);
      const end = matchFrom(env, slots, 0, t, limit);
      if (end > t) {
        spans.push([starts[t]!, ends[end - 1]!]);
        t = end;
      } else t++;
    }
  }
  return spans;
}

/** The finding a phrase hit is: a finding of the same span (a term first), else the shortest term finding around it. */
function findingAround(findings: readonly Finding[], [start, end]: Range): Finding | undefined {
  const same = findings.filter((finding) => finding.range[0] === start && finding.range[1] === end);
  if (same.length > 0) return same.find((finding) => finding.kind === 'term') ?? same[0];
  const around = findings.filter((finding) => finding.kind === 'term' && finding.range[0] <= start && finding.range[1] >= end);
  return around.sort((a, b) => a.range[1] - a.range[0] - (b.range[1] - b.range[0]))[0];
}

function checkedWidth(width: unknown): number {
  if (width === undefined) return DEFAULT_KWIC_WIDTH;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 0 || width > 100) {
    throw new NovlangueError('EOPTION', `novlangue: concordance() option "width" must be a whole number of words from 0 to 100, instead received ${describeValue(width)}.`);
  }
  return width;
}

/** The hits of `query` in one document, in text order. */
export function documentHits(document: KwicDocument, query: KwicQuery, options: Pick<KwicOptions, 'width'> = {}): KwicHit[] {
  const width = checkedWidth(options.width);
  let targets: Array<{ range: Range; finding: Finding | undefined }>;
  let tokens: Tokenized | undefined;
  if (query.kind === 'phrase') {
    tokens = tokenized(document);
    targets = phraseSpans(query, tokens).map((range) => ({ range, finding: findingAround(document.findings, range) }));
  } else {
    const wanted = query.kind === 'rule' ? (finding: Finding) => finding.ruleId === query.ruleId : (finding: Finding) => finding.category === query.category;
    targets = document.findings.filter(wanted).map((finding) => ({ range: finding.range, finding }));
    if (targets.length === 0) return [];
    tokens = tokenized(document);
  }
  return targets.map(({ range, finding }) => {
    const { left, right } = contextOf(document.text, tokens.tokens, range[0], range[1], width);
    const { line, column } = tokens.positions.point(range[0]);
    return {
      file: document.file,
      line,
      column,
      range: [range[0], range[1]],
      left,
      match: document.text.slice(range[0], range[1]),
      right,
      ruleId: finding?.ruleId ?? null,
      category: finding?.category ?? null,
      stance: finding?.stance ?? null,
      lang: document.lang,
      format: document.format,
      folder: document.folder,
      reading: document.stance.reading,
      meta: document.meta,
    };
  });
}

/** The words of a context, lower-cased: what `left` and `right` sorting compare. */
const wordsOf = (context: string): string[] => context.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];

// Root collation: accented letters sort with their base letter in French and English alike.
const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

function compareWords(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = collator.compare(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const byPosition = (a: KwicHit, b: KwicHit): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range[0] - b.range[0] || a.range[1] - b.range[1]);

/**
 * Hits in `sort` order: by file and offset; or by the words left of the match, nearest first
 * (`left`), or right of it (`right`), then by match and position. A new array.
 */
export function sortHits(hits: readonly KwicHit[], sort: KwicSort = 'position'): KwicHit[] {
  if (sort === 'position') return [...hits].sort(byPosition);
  const keyed = hits.map((hit) => ({ hit, words: sort === 'left' ? wordsOf(hit.left).reverse() : wordsOf(hit.right), match: hit.match.toLowerCase() }));
  keyed.sort((a, b) => compareWords(a.words, b.words) || collator.compare(a.match, b.match) || byPosition(a.hit, b.hit));
  return keyed.map(({ hit }) => hit);
}

/**
 * A concordance: the hits of `query` in `documents`, sorted.
 * @param documents analysed documents (records of `analyzeCorpus`, lean or full; leave failures out)
 * @param query a rule id, a category, a word or phrase in the lexicon pattern syntax, or a parsed query
 * @throws {NovlangueError} EQUERY for a query that cannot be parsed, EOPTION for a bad option
 */
export function concordance(documents: Iterable<KwicDocument>, query: string | KwicQuery, options: KwicOptions = {}): KwicHit[] {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  const sort = options.sort ?? 'position';
  if (!KWIC_SORTS.includes(sort)) throw new NovlangueError('EOPTION', `novlangue: concordance() option "sort" must be ${KWIC_SORTS.map((s) => `"${s}"`).join(', ')}, instead received ${describeValue(sort)}.`);
  const hits: KwicHit[] = [];
  for (const document of documents) hits.push(...documentHits(document, parsed, options));
  return sortHits(hits, sort);
}
