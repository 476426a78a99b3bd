/**
 * What the reports say of a document beyond its analysis: its title, its year, its group, its
 * source link, and whether a group is too small to rank with the others.
 */
import { isCorpusFailure, type CorpusDocumentLean, type CorpusFailure, type GroupSummary, type MetaValue, type RecordWarning } from '../records.js';
import { topTerms, type TermCount } from './tally.js';
import type { ReportInput } from './types.js';

/** A group with fewer documents or words than this is flagged, and not ranked with the others. */
export const SMALL_GROUP = { documents: 3, words: 1000 } as const;

/** True when a group's figures rest on too little text to compare with the others'. */
export function isSmallGroup(group: Pick<GroupSummary, 'documents' | 'words'>): boolean {
  return group.documents < SMALL_GROUP.documents || group.words < SMALL_GROUP.words;
}

/** Groups in the order the reports rank them: comparable groups by mean score, the small ones after. */
export function rankedGroups(groups: readonly GroupSummary[]): GroupSummary[] {
  return [...groups].sort((a, b) => Number(isSmallGroup(a)) - Number(isSmallGroup(b)) || b.score.mean - a.score.mean);
}

/** The top terms in the author's own voice of each group of the summary (`topTerms`), by group key. */
export function termsByGroup(input: ReportInput, limit = 5): Map<string | null, TermCount[]> {
  const groupOf = new Map(input.summary.ranking.map((entry) => [entry.file, entry.group]));
  const documents = input.results.filter((result): result is CorpusDocumentLean => !isCorpusFailure(result));
  return topTerms(documents, (document) => groupOf.get(document.file) ?? null, limit);
}

/** A document's warning, with the file it belongs to. */
export interface DocumentWarning extends RecordWarning {
  file: string;
}

/** Every warning of the analysed documents (a front matter typo, a misnamed sidecar), in path order. */
export function warningsOf(results: ReadonlyArray<CorpusDocumentLean | CorpusFailure>): DocumentWarning[] {
  return results.flatMap((result) => (isCorpusFailure(result) ? [] : (result.warnings ?? []).map((warning) => ({ file: result.file, ...warning }))));
}

const text = (value: MetaValue | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The title of a document: its `title` metadata (front matter, sidecar, or what a reader took
 * from the page or the PDF), else its file name without the folder and the extension.
 */
export function titleOf(document: Pick<CorpusDocumentLean, 'file' | 'meta'>): string {
  const title = text(document.meta['title']);
  if (title !== undefined) return title;
  const name = document.file.slice(document.file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Where a document comes from, as a link a report may show: the first of `url`, `source`,
 * `link` that is an http(s) address. Anything else (a `javascript:` URL, a name) is not a link.
 */
export function sourceUrlOf(document: Pick<CorpusDocumentLean, 'meta'>): string | undefined {
  for (const field of ['url', 'source', 'link']) {
    const value = text(document.meta[field]);
    if (value !== undefined && /^https?:\/\/[^\s"'<>]+$/i.test(value)) return value;
  }
  return undefined;
}

/**
 * The matched text around a finding, for a listing: up to `width` characters each side,
 * whitespace collapsed, never cutting a surrogate pair.
 */
export function contextOf(documentText: string, range: readonly [number, number], width = 40): { left: string; right: string } {
  let start = Math.max(0, range[0] - width);
  let end = Math.min(documentText.length, range[1] + width);
  if (start > 0 && /[\uDC00-\uDFFF]/.test(documentText[start] ?? '')) start--;
  if (end < documentText.length && /[\uDC00-\uDFFF]/.test(documentText[end] ?? '')) end++;
  const oneLine = (value: string): string => value.replace(/\s+/g, ' ');
  return { left: oneLine(documentText.slice(start, range[0])).trimStart(), right: oneLine(documentText.slice(range[1], end)).trimEnd() };
}
