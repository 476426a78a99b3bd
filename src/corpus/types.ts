/** The options of a corpus run (its records are in `src/records.ts`). */
import type { LexiconOption } from '../lexicon/per-lang.js';
import type { RuleSet } from '../rules/load.js';
import type { StanceMarkers } from '../stance/markers.js';
import type { ScoreWeights } from '../score/score.js';
import type { Lang } from '../types.js';
import type { CorpusWarning } from '../records.js';

/** Options of `analyzeCorpus()`. */
export interface CorpusOptions {
  /**
   * Language of the documents. Default `'auto'`: detected per document and per paragraph.
   * With `'auto'`, a `lexicon` serves the documents (and paragraphs) in its language.
   */
  lang?: Lang | 'auto';
  /**
   * Lexicon to use instead of the bundled one of its language (`loadLexicon`, `extendLexicon`),
   * or a list of them, at most one per language (`EOPTION` otherwise): with `'auto'`, each
   * serves the documents and paragraphs in its language, the bundled lexicon the others.
   */
  lexicon?: LexiconOption;
  /** Pattern rules to use instead of the bundled ones of their language (`loadRules`, `extendRules`). */
  rules?: RuleSet;
  /** Stance markers to use instead of the bundled ones of their language (`loadStance`, `extendStance`). */
  stance?: StanceMarkers;
  /**
   * Per-language, per-category multipliers of the score's points (`AnalyzeOptions.weights`; what
   * `novlangue calibrate` fits and `--weights FILE` reads). Default: none (every multiplier 1).
   */
  weights?: ScoreWeights;
  /**
   * Rule ids (`fr.budget-participatif`, `fr.accumulation`) to leave out: their findings are not
   * in the records' `findings` nor in their score, and are counted in `suppressed`. Default none.
   */
  disable?: readonly string[];
  /** Files larger than this many bytes are `ETOOLARGE` records. Default 50 MiB (`DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
  /**
   * Records without `tokens` and `sentences` (what summaries and reports use): a fraction of
   * the memory, and with `jobs`, of what crosses between threads. Default `false`.
   */
  lean?: boolean;
  /**
   * Worker threads. Default 1 (in this thread). A pool is started only when `jobs > 1` and there
   * are more than `2 × jobs` files; results are the same, byte for byte, and in the same order.
   */
  jobs?: number;
  /**
   * Below this much text (bytes, all files together) a run stays in this thread whatever
   * `jobs` says: worker threads take about a second to start. Default `DEFAULT_MIN_POOL_BYTES`
   * (2 MiB); 0 starts a pool whenever there are more than `2 × jobs` files.
   */
  minPoolBytes?: number;
  /** Absolute or relative paths never to read (e.g. the report being written). */
  exclude?: readonly string[];
  /** Globs of files to leave out (such as `drafts/*.md`), matched against the records' `file`: no record, not read. */
  ignore?: readonly string[];
  /**
   * Records to leave out, by their `file`: those already written by an interrupted run being
   * resumed. Their files are not read, and `onListed` does not count them.
   */
  skip?: Iterable<string>;
  /** Stops the run: no record is yielded after the signal is aborted. */
  signal?: AbortSignal;
  /**
   * Called, before `onListed`, with each problem that belongs to no record: a sidecar
   * `x.meta.json` in a walked folder next to no document `x` (a misnamed one is a warning on the
   * record of the document it was meant for). Default: such warnings are not reported.
   */
  onWarning?: (warning: CorpusWarning) => void;
  /** Called once the inputs are listed, before the first record, with the number of records to come. */
  onListed?: (count: number) => void;
}
