/**
 * Which documents a validation compares: the analysed records with a label, from a labels file
 * or from each document's `label` metadata field, minus the excluded labels. Nothing is dropped
 * silently: documents without a label, of an excluded label, or that could not be analysed are
 * listed, and a labels file naming files that are not in the corpus is an error.
 */
import path from 'node:path';
import { describeValue } from '../errors.js';
import { isCorpusFailure, type CorpusDocumentLean, type ReportResult } from '../records.js';
import { ValidationError } from './errors.js';
import type { LabelRow, Selection } from './types.js';

/** Labels given as rows: those of a labels file, or of the `labels` option. */
export interface LabelSource {
  rows: readonly LabelRow[];
  /** Folder the rows' relative `file`s are resolved from (the labels file's). */
  base: string;
  /** How messages name the source: `the labels file labels.csv`. */
  name: string;
  /** The labels file, when the rows come from one. */
  file?: string;
}

/** Names that `/` and `\`, `./` and `a/../` spell differently compare equal. */
const normal = (file: string): string => path.posix.normalize(file.replaceAll('\\', '/')).replace(/^\.\//, '');

/** Files shown in a message: the first ten, and how many more. */
export function someFiles(files: readonly string[], shown = 10): string {
  const listed = files.slice(0, shown).join(', ');
  return files.length > shown ? `${listed} and ${files.length - shown} more` : listed;
}

/** A document's `label` metadata field; `''` when it has none. */
function metaLabel(record: CorpusDocumentLean): string {
  const value = record.meta['label'];
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ValidationError(`${record.file}: the metadata field "label" must be a string, instead found ${describeValue(value)}.`, record.file);
}

/**
 * The label of each record by its `file`. A row matches a record whose `file` it names, or
 * whose path it resolves to, from the source's folder first, then from the working directory.
 * @throws {ValidationError} listing the rows that match no record
 */
function labelsFromRows(records: readonly ReportResult[], source: LabelSource): Map<string, string> {
  const byName = new Map<string, LabelRow>();
  const byPath = new Map<string, LabelRow>();
  for (const row of source.rows) byName.set(normal(row.file), row);
  // From the working directory first, so that resolving from the source's folder wins.
  for (const row of source.rows) if (!byPath.has(path.resolve(row.file))) byPath.set(path.resolve(row.file), row);
  for (const row of source.rows) byPath.set(path.resolve(source.base, row.file), row);
  const used = new Set<LabelRow>();
  const labels = new Map<string, string>();
  for (const record of records) {
    const row = byName.get(normal(record.file)) ?? byPath.get(path.resolve(record.file));
    if (!row) continue;
    used.add(row);
    labels.set(record.file, row.label);
  }
  const missing = source.rows.filter((row) => !used.has(row)).map((row) => row.file);
  if (missing.length > 0) {
    throw new ValidationError(
      `${source.name} names ${missing.length} file${missing.length === 1 ? '' : 's'} that ${missing.length === 1 ? 'is' : 'are'} not in the corpus: ${someFiles(missing)}. Its paths are read from its own folder (${source.base}) or as the reports show them; check them, or the inputs.`,
      source.file,
    );
  }
  return labels;
}

/**
 * The documents to compare and what is left out.
 * @throws {ValidationError} when a labels source names files that are not among the records, or a `label` field is not text
 */
export function selectDocuments(records: readonly ReportResult[], options: { source?: LabelSource | undefined; excludeLabels?: readonly string[] | undefined }): Selection {
  const fromRows = options.source ? labelsFromRows(records, options.source) : undefined;
  const exclude = new Set(options.excludeLabels ?? []);
  const selection: Selection = { documents: [], unlabelled: [], excluded: {}, failures: [] };
  for (const record of records) {
    if (isCorpusFailure(record)) {
      selection.failures.push(record);
      continue;
    }
    const label = fromRows ? (fromRows.get(record.file) ?? '') : metaLabel(record);
    if (label === '') selection.unlabelled.push(record.file);
    else if (exclude.has(label)) (selection.excluded[label] ??= []).push(record.file);
    else selection.documents.push({ file: record.file, label, lang: record.lang, score: record.score, record });
  }
  return selection;
}

const counted = (counts: ReadonlyMap<string, number>): string =>
  [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, count]) => `${JSON.stringify(label)} ${count}`)
    .join(', ');

/**
 * Is there something to compare? At least one positive document and one of another label.
 * @throws {ValidationError} saying what is missing: documents, labels, positives, a second label
 */
export function checkSelection(selection: Selection, positive: string, source: LabelSource | undefined): void {
  const { documents, unlabelled, excluded, failures } = selection;
  const excludedCount = Object.values(excluded).reduce((sum, files) => sum + files.length, 0);
  const analysed = documents.length + unlabelled.length + excludedCount;
  if (analysed === 0) {
    if (failures.length === 0) throw new ValidationError('the inputs hold no document to validate.');
    throw new ValidationError(`none of the ${failures.length} file${failures.length === 1 ? '' : 's'} could be analysed (${someFiles(failures.map((failure) => `${failure.file}: ${failure.error.code}`), 5)}): nothing to validate.`);
  }
  if (documents.length + excludedCount === 0) {
    if (source) throw new ValidationError(`${source.name} gives none of the ${analysed} documents a label.`, source.file);
    throw new ValidationError(
      `no labels: none of the ${analysed} documents has a "label" metadata field (in a sidecar name.meta.json, or a Markdown front matter). Add one to each document, or give a labels file (--labels FILE: a CSV or JSON list of file and label).`,
    );
  }
  const counts = new Map<string, number>();
  for (const document of documents) counts.set(document.label, (counts.get(document.label) ?? 0) + 1);
  if (counts.has('rest')) throw new ValidationError('a label is "rest", the name of the comparison of the positive label against all the others: rename it.');
  if (documents.length === 0) {
    throw new ValidationError(`every labelled document has an excluded label (${counted(new Map(Object.entries(excluded).map(([label, files]) => [label, files.length])))}): nothing is left to compare.`);
  }
  if (!counts.has(positive)) {
    throw new ValidationError(`no document is labelled ${JSON.stringify(positive)} (the labels are ${counted(counts)}): choose the label of the documents that should score high (--positive LABEL).`);
  }
  if (counts.size === 1) {
    throw new ValidationError(`every compared document is labelled ${JSON.stringify(positive)}: the AUC needs documents of another label to compare them with.`);
  }
}
