/**
 * The public API of corpus runs and reports, re-exported by `src/index.ts`.
 *
 * - `analyzeCorpus(paths, options)`: one record per file, in path order, as an async iterable.
 * - `summarizeCorpus(results, options)`: ranking, category totals, groups, years.
 * - `readDocument(path, options)`: a file's extracted text, format, encoding and metadata.
 * - `format*()`: one pure function per report format; `jsonlLine`, `csvHeader`, `csvRows` stream.
 * @packageDocumentation
 */
export { analyzeCorpus, MAX_JOBS } from './corpus.js';
export { DEFAULT_MIN_POOL_BYTES } from './pool.js';
export { summarizeCorpus } from './summary.js';
export { readDocument, type DocumentText, type ReadOptions } from './document.js';
export { leanResult } from './lean.js';
export { CorpusError } from './errors.js';
export { DEFAULT_MAX_BYTES } from './02-read.js';
export { MAX_HTML_DEPTH } from './04-html.js';
export { FORMAT_OF_EXTENSION } from './formats.js';
export {
  isCorpusFailure,
  type CategoryTotal,
  type CorpusDocument,
  type CorpusDocumentLean,
  type CorpusErrorCode,
  type CorpusFailure,
  type CorpusOptions,
  type CorpusResult,
  type CorpusSummary,
  type DocumentFormat,
  type GroupSummary,
  type Meta,
  type MetaValue,
  type RankedDocument,
  type ReportResult,
  type ScoreStats,
  type SummaryOptions,
  type TextEncoding,
} from './types.js';
export {
  CSV_DOCUMENT_COLUMNS,
  CSV_FINDING_COLUMNS,
  CSV_META_FIELDS,
  REPORT_FORMATS,
  csvHeader,
  csvRows,
  formatCsv,
  formatHtml,
  formatJson,
  formatJsonl,
  formatMarkdown,
  formatReport,
  formatText,
  jsonlLine,
  type ReportFormat,
  type ReportInput,
  type ReportOptions,
} from '../report/index.js';
