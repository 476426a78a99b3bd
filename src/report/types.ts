import type { CorpusSummary, ReportResult } from '../records.js';
import type { ReportLocale } from './locale.js';

/** The output formats of novlangue. */
export type ReportFormat = 'text' | 'json' | 'jsonl' | 'csv' | 'md' | 'html';

/** Every format, in the order of the docs. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'jsonl', 'csv', 'md', 'html'];

/** What a report shows: the records of a run, in path order, and their summary. */
export interface ReportInput {
  results: readonly ReportResult[];
  summary: CorpusSummary;
}

/** Options of the report functions; each format reads the ones it knows. */
export interface ReportOptions {
  /** text: ANSI colours. Default false: colours only when asked. */
  color?: boolean;
  /** text, md, html: findings shown per document, grouped by rule, most weighty first. Default 5 (html: all in its table). */
  top?: number;
  /** json, jsonl: include each document's extracted text. Default false. */
  withText?: boolean;
  /** csv: one row per document (default) or per finding. */
  per?: 'document' | 'finding';
  /** csv: start with a UTF-8 byte order mark, so Excel reads the encoding right. */
  excel?: boolean;
  /** html, md: the report's title. Default `novlangue report` (`Rapport novlangue` in French). */
  title?: string;
  /**
   * html, text, md: the language of the interface. html defaults to `auto` (French when most of
   * the analysed words are French); text and md to `en`, so scripts that read them keep working.
   */
  locale?: ReportLocale | 'auto';
  /** html: documents shown in full, highlighted, in rank order. Default 50. */
  topDocs?: number;
  /** csv: the metadata field of the `group` column (default `folder`), as `--group-by`. */
  groupBy?: string;
}
