/**
 * novlangue: critical discourse analysis of smart-city rhetoric.
 *
 * The public API is exactly what this file exports; everything else is internal.
 * @packageDocumentation
 */
export { analyze, type AnalyzeOptions } from './analyze.js';
export { compareFindings } from './findings.js';
export { tokenize, type Tokens } from './tokenize/public.js';
export { bundledLexicon } from './lexicon/bundled.js';
export { extendLexicon, loadLexicon, type CompiledEntry, type Lexicon } from './lexicon/compile.js';
/** The `lexicon` option of `analyze()` and `analyzeCorpus()`: one lexicon, or one per language. */
export type { LexiconOption } from './lexicon/per-lang.js';
/**
 * Dictionaries in the formats researchers have (LIWC `.dic`, LIWC-22 `.dicx`, quanteda YAML):
 * `readDictionary` / `writeDictionary` between a file's text and a `Dictionary`;
 * `importDictionary` makes lexicon data of one (`word*` → the stem slot `word`, `word` →
 * `=word`), `exportLexicon` writes any lexicon, the bundled ones included, as one.
 */
export {
  DICTIONARY_FORMATS,
  dictionaryFormatOf,
  exportLexicon,
  importDictionary,
  readDictionary,
  writeDictionary,
  type Dictionary,
  type DictionaryFormat,
  type DictionaryRead,
  type DictionaryTerm,
  type DictionaryWarning,
} from './dictionaries/index.js';
export { CRITICAL_DECAY, MIN_WORDS, ROLE_FACTOR, SATURATION, STANCE_FACTOR, rescore, scoreOf, type CategoryWeights, type ScoreOptions, type ScoreWeights } from './score/score.js';
export { PROMOTIONAL_SCORE, PROMOTIONAL_WEIGHT } from './score/reading.js';
export { LexiconError, NovlangueError } from './errors.js';
export {
  CATEGORIES,
  type Analysis,
  type Category,
  type CategoryDeclaration,
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
  type Role,
  type Sentence,
  type Stance,
  type SwitchedOffEntry,
  type Token,
  type TokenKind,
} from './types.js';
export { detectLanguage, segmentByLanguage, type Segment } from './detect/public.js';
// Corpus runs and reports.
export { analyzeCorpus } from './corpus/corpus.js';
export { DEFAULT_MIN_POOL_BYTES, MAX_JOBS } from './corpus/limits.js';
export { DEFAULT_MAX_BYTES } from './documents/bytes.js';
export { summarizeCorpus } from './corpus/summary.js';
export { readDocument, type DocumentText, type ReadOptions } from './documents/index.js';
export { leanResult } from './corpus/lean.js';
export { CorpusError } from './errors.js';
export { MAX_HTML_DEPTH } from './documents/html.js';
export { FORMAT_OF_EXTENSION } from './documents/index.js';
export {
  isCorpusFailure,
  type CategoryTotal,
  type CorpusDocument,
  type CorpusDocumentLean,
  type CorpusErrorCode,
  type CorpusFailure,
  type CorpusResult,
  type CorpusSummary,
  type DocumentFormat,
  type GroupSummary,
  type Meta,
  type MetaValue,
  type RankedDocument,
  type RecordWarning,
  type CorpusWarning,
  type ReportResult,
  type ScoreStats,
  type SummaryOptions,
  type SuppressedCount,
  type TextEncoding,
} from './records.js';
export type { CorpusOptions } from './corpus/types.js';
/** Options of `csvHeader`, `csvRows` and `formatCsv`: the report options and the run's declared categories. */
export type { CsvOptions } from './report/csv.js';
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
  reportChunks,
  type RecordFinding,
  type ReportFormat,
  type ReportInput,
  type ReportOptions,
  type RuleGloss,
} from './report/index.js';
// The HTML report as a folder (`-o DIR/`), the reports' languages, what the reports call a document and a small group.
export { REPORT_LOCALES, SMALL_GROUP, documentPagePath, htmlSite, isSmallGroup, titleOf, type HtmlPage, type ReportLocale } from './report/index.js';
// Validation against a labelled corpus (calibration stays in the CLI: `novlangue calibrate`).
export { validateCorpus } from './validate/corpus.js';
export type { Comparisons, LabelRow, LangValidation, RankedRef, RuleRow, ValidateOptions, ValidationReport, WorstPair } from './validate/types.js';
// Pattern rules (findPatterns stays internal: analyze() runs it).
export { bundledRules, extendRules, loadRules, RULE_KINDS, type CompiledRule, type RuleSet } from './rules/load.js';
// Stance markers.
export { bundledStance, extendStance, loadStance, type MarkerClass, type MarkerKind, type StanceData, type StanceMarkers } from './stance/markers.js';
export { rulesTable } from './rules/table.js';
// Questions to ask the city, per category found.
export { questionsFor, questionsForAnalysis, type Question } from './questions/index.js';
export type {
  CooccurrenceRule,
  CueRule,
  EnumerationRule,
  RuleBase,
  RuleContextData,
  RuleData,
  RuleKind,
  RulesData,
  SequenceRule,
  SpanKind,
} from './rules/types.js';
// The researcher's toolbox (docs/TOOLBOX.md): concordance, frequency list, keyness between sub-corpora.
export { concordance, documentHits, sortHits, KWIC_SORTS, type KwicDocument, type KwicHit, type KwicOptions, type KwicSort } from './concordance/kwic.js';
export { parseQuery, type KwicQuery } from './concordance/query.js';
export { formatConcordance, KWIC_FORMATS, type KwicFormat, type KwicHeading } from './concordance/format.js';
export { termFrequencies, type CountedDocument, type TermFrequencies, type TermGroup, type TermKind, type TermRow, type TermsOptions, type Voice } from './keyness/counts.js';
export { compareSides, sidesByField, type CompareOptions, type ComparedDocument, type Comparison, type CorpusSide, type KeynessRow } from './keyness/compare.js';
export type { Candidate, CandidateOptions } from './keyness/candidates.js';
export { chiSquareP, keyness, logLikelihood, logRatio, type Keyness } from './keyness/stats.js';
export { BUILTIN_FIELDS, fieldValue, type BuiltinField } from './keyness/groups.js';
export { formatComparison, formatTerms, TABLE_FORMATS, type TableFormat, type TableOptions } from './keyness/format.js';
