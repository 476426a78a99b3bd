/**
 * novlangue: critical discourse analysis of smart-city rhetoric.
 *
 * The public API is exactly what this file exports; everything else is internal.
 * @packageDocumentation
 */
export { analyze, compareFindings, type AnalyzeOptions } from './analyze.js';
export { tokenize, type Tokens } from './tokenize/public.js';
export { bundledLexicon } from './lexicon/bundled.js';
export { extendLexicon, loadLexicon, type CompiledEntry, type Lexicon } from './lexicon/compile.js';
export { MIN_WORDS, SATURATION, STANCE_FACTOR, scoreOf } from './score/score.js';
export { LexiconError, NovlangueError } from './errors.js';
export {
  CATEGORIES,
  type Analysis,
  type Category,
  type CategoryStats,
  type DocumentStance,
  type EntryContext,
  type Finding,
  type Lang,
  type LexiconData,
  type LexiconEntry,
  type Place,
  type Point,
  type Range,
  type Sentence,
  type Stance,
  type Token,
  type TokenKind,
} from './types.js';
export { detectLanguage, segmentByLanguage, type Segment } from './lang/public.js';
export {
  analyzeCorpus,
  CorpusError,
  CSV_DOCUMENT_COLUMNS,
  CSV_FINDING_COLUMNS,
  CSV_META_FIELDS,
  csvHeader,
  csvRows,
  DEFAULT_MAX_BYTES,
  DEFAULT_MIN_POOL_BYTES,
  FORMAT_OF_EXTENSION,
  formatCsv,
  formatHtml,
  formatJson,
  formatJsonl,
  formatMarkdown,
  formatReport,
  formatText,
  isCorpusFailure,
  jsonlLine,
  leanResult,
  MAX_HTML_DEPTH,
  MAX_JOBS,
  readDocument,
  REPORT_FORMATS,
  summarizeCorpus,
  type CategoryTotal,
  type CorpusDocument,
  type CorpusDocumentLean,
  type CorpusErrorCode,
  type CorpusFailure,
  type CorpusOptions,
  type CorpusResult,
  type CorpusSummary,
  type DocumentFormat,
  type DocumentText,
  type GroupSummary,
  type Meta,
  type MetaValue,
  type RankedDocument,
  type ReadOptions,
  type ReportFormat,
  type ReportInput,
  type ReportOptions,
  type ReportResult,
  type ScoreStats,
  type SummaryOptions,
  type TextEncoding,
} from './corpus/public.js';
export {
  bundledRules,
  loadRules,
  RULE_KINDS,
  rulesTable,
  type CompiledRule,
  type CooccurrenceRule,
  type CueRule,
  type EnumerationRule,
  type RuleBase,
  type RuleContextData,
  type RuleData,
  type RuleKind,
  type RulesData,
  type RuleSet,
  type SpanKind,
} from './patterns/public.js';
