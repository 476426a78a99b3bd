/**
 * The settings of the main command, from three places: the command line, then the config file
 * (`novlangue.config.json`, see `src/config/`), then the defaults. An option typed on the
 * command line always wins; the format of `-o report.csv` is taken from its extension when
 * `-f` is not given.
 */
import path from 'node:path';
import { findConfig, readConfig, type Config } from '../config/load.js';
import type { ReportFormat } from '../report/types.js';
import type { Lang } from '../types.js';
import { UsageError } from './errors.js';

/** The options of the main command, as commander parses them. */
export interface RunFlags {
  format: ReportFormat;
  output?: string;
  lang: Lang | 'auto';
  /** `--lexicon FILE`, repeatable: the files combine in order, one lexicon per language. */
  lexicon?: string | string[];
  lexiconOnly?: boolean;
  rules?: string;
  stance?: string;
  weights?: string;
  /** `--config FILE`, or `false` for `--no-config`; absent: the nearest `novlangue.config.json`. */
  config?: string | false;
  jobs: number;
  minPoolBytes?: number;
  failAbove?: number;
  quiet?: boolean;
  maxBytes?: number;
  per: 'document' | 'finding';
  excel?: boolean;
  groupBy: string;
  /** Short documents counted in the group figures (`SummaryOptions.includeShort`). */
  includeShort?: boolean;
  color?: boolean;
  withText?: boolean;
  top?: number;
  resume?: boolean;
  /** html, text, md: the interface language (html: `auto` by default). */
  locale?: 'fr' | 'en' | 'auto';
  /** html, md: the report's title. */
  title?: string;
  /** html: documents shown in full. */
  topDocs?: number;
}

/** The report format of each output extension. */
export const FORMAT_OF_OUTPUT: Readonly<Record<string, ReportFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

/** The config file a run reads: `--config FILE`, none with `--no-config`, else the nearest one up from `cwd`. */
export function configFor(flags: Pick<RunFlags, 'config'>, cwd = process.cwd()): Config | undefined {
  if (flags.config === false) return undefined;
  const file = typeof flags.config === 'string' ? flags.config : findConfig(cwd);
  return file === undefined ? undefined : readConfig(file);
}

/** The one file of a per-language table a run can use: the run's language's, or the only one. */
function onePerRun(table: Partial<Record<Lang, string>> | undefined, lang: Lang | 'auto', key: string, config: Config): string | undefined {
  if (!table) return undefined;
  if (lang !== 'auto') return table[lang];
  const files = Object.values(table);
  if (files.length > 1) throw new UsageError(`${config.file}: "${key}" names a file per language, but a run with --lang auto takes one: set "lang" (or --lang) to choose.`);
  return files[0];
}

/**
 * The flags with the config's settings where the command line gave none, and the format
 * inferred from `--output`. `given` holds the options typed on the command line.
 */
export function settle(flags: RunFlags, given: ReadonlySet<string>, config: Config | undefined): RunFlags & { disable: string[]; ignore: string[] } {
  const settled: RunFlags & { disable: string[]; ignore: string[] } = { ...flags, disable: config?.disable ?? [], ignore: config?.exclude ?? [] };
  if (config) {
    if (!given.has('lang') && config.lang !== undefined) settled.lang = config.lang;
    if (!given.has('groupBy') && config.groupBy !== undefined) settled.groupBy = config.groupBy;
    if (!given.has('top') && config.top !== undefined) settled.top = config.top;
    if (!given.has('weights') && config.weights !== undefined) settled.weights = config.weights;
    if (!given.has('lexicon') && config.lexicons) {
      // A run in auto takes a lexicon per language; a run in one language, that language's.
      const files = settled.lang === 'auto' ? Object.values(config.lexicons) : [config.lexicons[settled.lang]].filter((file) => file !== undefined);
      if (files.length > 0) settled.lexicon = files;
    }
    if (!given.has('rules')) {
      const rules = onePerRun(config.rules, settled.lang, 'rules', config);
      if (rules !== undefined) settled.rules = rules;
    }
  }
  if (!given.has('format')) {
    const inferred = flags.output === undefined ? undefined : FORMAT_OF_OUTPUT[path.extname(flags.output).toLowerCase()];
    settled.format = inferred ?? config?.format ?? flags.format;
  }
  return settled;
}
