/**
 * The shapes of a validation: labelled documents in, a report out. Plain JSON, like every
 * record of novlangue: a report survives `JSON.parse(JSON.stringify(x))`.
 */
import type { CorpusOptions } from '../corpus/types.js';
import type { CorpusDocumentLean, CorpusFailure } from '../records.js';
import type { Category, Lang } from '../types.js';

/** One line of a labels file: a document and its label (`''`: none). */
export interface LabelRow {
  file: string;
  label: string;
}

/** Options of `validateCorpus()`: those of `analyzeCorpus()` (records are lean), and the labels'. */
export interface ValidateOptions extends Omit<CorpusOptions, 'lean' | 'skip'> {
  /**
   * Where the labels are. A path: a labels file (a JSON array of `{ file, label }` objects, or a
   * CSV with `file` and `label` columns; other fields are ignored), whose `file`s are matched
   * against the records' `file` and resolved from the labels file's folder. An array: the rows
   * themselves (`file` resolved from the working directory). Default: the `label` metadata
   * field of each document (sidecar `name.meta.json` or Markdown front matter).
   */
  labels?: string | readonly LabelRow[];
  /** The label whose documents should score high. Default `'promotional'`. */
  positive?: string;
  /** Labels left out of the AUC (their documents are counted in `leftOut.excluded`). */
  excludeLabels?: readonly string[];
  /** Bootstrap resamples per interval; 0: no intervals. Default 1000. */
  bootstrap?: number;
  /** Seed of the bootstrap (an integer). Default 1. */
  seed?: number;
  /** Rows of the per-rule table. Default 25. */
  ruleRows?: number;
  /** Inverted pairs listed. Default 10. */
  worst?: number;
}

/** An analysed document with its label. */
export interface LabelledDocument {
  file: string;
  label: string;
  lang: Lang;
  score: number;
  record: CorpusDocumentLean;
}

/** The labelled documents of a run, and what was left out of it. */
export interface Selection {
  /** Analysed, labelled, not excluded: the documents compared. */
  documents: LabelledDocument[];
  /** Analysed documents without a label. */
  unlabelled: string[];
  /** Documents of each `excludeLabels` label. */
  excluded: Record<string, string[]>;
  /** Files that could not be analysed. */
  failures: CorpusFailure[];
}

/** AUC of the positive label against `rest` (all others) and against each other label, with intervals. */
export interface Comparisons {
  /** `null` where there is no pair to compare (no positive or no other document). */
  auc: Record<string, number | null>;
  /** Bootstrap interval of each AUC, same keys; `null` without resamples or pairs. */
  interval: Record<string, [number, number] | null>;
}

/** The comparisons within one language (`doc.lang`). */
export interface LangValidation extends Comparisons {
  documents: number;
  /** Documents per label, the positive label first. */
  labels: Record<string, number>;
}

/** A rule (lexicon entry or pattern rule) and the documents where it fires in the author's voice. */
export interface RuleRow {
  ruleId: string;
  category: Category;
  /** Documents of each label where the rule fires at least once with stance `use`. */
  documents: Record<string, number>;
  /** Smoothed log-odds ratio, positive label against the rest (add 0.5 to each cell): > 0 the rule helps, < 0 it hurts. */
  logOdds: number;
  /** Standard error of `logOdds`. */
  se: number;
}

/** A document as the list of inversions shows it. */
export interface RankedRef {
  file: string;
  label: string;
  lang: Lang;
  score: number;
}

/** An inversion: a document of another label scored above a positive one. */
export interface WorstPair {
  above: RankedRef;
  below: RankedRef;
}

/** What `validateCorpus()` returns; see docs/VALIDATION.md. */
export interface ValidationReport {
  positive: string;
  /** Documents compared: analysed, labelled, not excluded. */
  documents: number;
  /** Documents per label, the positive label first, then in alphabetical order. */
  labels: Record<string, number>;
  /** AUC of `score`, positive label against `rest` and each other label, every language together. */
  auc: Record<string, number | null>;
  interval: Record<string, [number, number] | null>;
  /** The same per language of the documents (`doc.lang`). */
  byLang: Partial<Record<Lang, LangValidation>>;
  /** The rules that help most (highest log-odds) and hurt most (lowest), up to `rules` in all, sorted by log-odds, most helpful first. */
  rules: RuleRow[];
  /** Number of rules that fire in the author's voice in at least one compared document. */
  rulesFired: number;
  /** The highest-scoring documents of other labels paired with the lowest-scoring positive ones they outrank. */
  worst: WorstPair[];
  /** Documents not compared, by reason. */
  leftOut: { unlabelled: string[]; excluded: Record<string, string[]> };
  /** Files that could not be analysed, as the corpus run reports them. */
  failures: CorpusFailure[];
  bootstrap: { resamples: number; seed: number; level: number };
}
