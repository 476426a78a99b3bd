/**
 * Counts of findings over a set of documents: per rule, per surface form and per category, with
 * how many are in the author's voice and in how many documents they occur. `terms` prints them,
 * `compare` computes keyness from two of them.
 */
import type { CorpusDocumentLean } from '../records.js';
import { CATEGORIES, type Category, type Finding } from '../types.js';
import { groupDocuments, type Groupable } from './groups.js';
import { ratePerThousand } from './stats.js';

/** What a row counts: the findings of one rule, of one surface form (lexicon terms only), or of one category. */
export type TermKind = 'rule' | 'form' | 'category';

/** Which findings are counted: all of them, or only those in the author's own voice (`stance: 'use'`). */
export type Voice = 'all' | 'use';

/** What counting reads of a document. */
export type Countable = Pick<CorpusDocumentLean, 'words'> & { findings: ReadonlyArray<Pick<Finding, 'ruleId' | 'kind' | 'category' | 'actual' | 'stance'>> };

/** What counting and grouping read of a document: a record of `analyzeCorpus`, lean or full, fits. */
export type CountedDocument = Countable & Groupable;

/** Counts of one rule, form or category in a set of documents. */
export interface TermCount {
  /** The rule id, the surface form (lower-cased, whitespace folded) or the category. */
  key: string;
  kind: TermKind;
  category: Category;
  /** The rules whose findings are counted: the rule itself, every rule that matched the form, none for a category. */
  ruleIds: string[];
  /** Findings counted (all, or in the author's voice only: see `Voice`). */
  count: number;
  /** Of all the findings, those in the author's own voice. */
  use: number;
  /** Documents with at least one finding counted. */
  documents: number;
}

/** The counts of a set of documents, keyed by `kind` and `key`. */
export interface Tally {
  documents: number;
  words: number;
  items: Map<string, TermCount>;
}

/** The surface form of a matched text: lower-cased, `’` as `'`, whitespace folded. */
export function surfaceForm(actual: string): string {
  return actual.toLowerCase().replaceAll('\u2019', "'").replace(/\s+/gu, ' ').trim();
}

/** The key of an item in `Tally.items`. */
export const itemKey = (kind: TermKind, key: string): string => `${kind}\u0000${key}`;

/** Count the findings of `documents`. */
export function tallyDocuments(documents: Iterable<Countable>, voice: Voice = 'all'): Tally {
  const tally: Tally = { documents: 0, words: 0, items: new Map() };
  for (const document of documents) {
    tally.documents++;
    tally.words += document.words;
    const seen = new Set<string>();
    const add = (kind: TermKind, key: string, finding: Pick<Finding, 'ruleId' | 'category' | 'stance'>): void => {
      const id = itemKey(kind, key);
      let item = tally.items.get(id);
      if (!item) tally.items.set(id, (item = { key, kind, category: finding.category, ruleIds: [], count: 0, use: 0, documents: 0 }));
      const inVoice = finding.stance === 'use';
      if (inVoice) item.use++;
      if (voice === 'use' && !inVoice) return;
      item.count++;
      if (kind !== 'category' && !item.ruleIds.includes(finding.ruleId)) item.ruleIds.push(finding.ruleId);
      if (!seen.has(id)) {
        seen.add(id);
        item.documents++;
      }
    };
    for (const finding of document.findings) {
      add('rule', finding.ruleId, finding);
      // A pattern finding spans a figure of several phrases: its text is no form to count.
      if (finding.kind === 'term') add('form', surfaceForm(finding.actual), finding);
      add('category', finding.category, finding);
    }
  }
  for (const item of tally.items.values()) item.ruleIds.sort();
  return tally;
}

/** A row of the frequency list. */
export interface TermRow extends TermCount {
  /** `count` per 1,000 words of the set's text. */
  rate: number;
}

/** The frequency list of one set of documents (a group, or the whole corpus). */
export interface TermGroup {
  /** The group's value of the `by` field; `null` for the whole corpus and for documents without a value. */
  key: string | null;
  documents: number;
  words: number;
  /** Most frequent first, then by key. */
  rules: TermRow[];
  forms: TermRow[];
  /** In report order (`CATEGORIES`), categories without a finding left out. */
  categories: TermRow[];
}

/** Options of `termFrequencies()`. */
export interface TermsOptions {
  /** Group the documents by this field (`lang`, `format`, `reading`, `folder` or a metadata field). Default: no groups. */
  by?: string;
  /** Count every finding (default) or only those in the author's voice. */
  voice?: Voice;
}

/** What `termFrequencies()` returns. */
export interface TermFrequencies {
  /** The grouping field, `null` when there are no groups. */
  by: string | null;
  voice: Voice;
  total: TermGroup;
  /** One per value of `by`, sorted by value, the `null` group last; empty without `by`. */
  groups: TermGroup[];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
const byCount = (a: TermCount, b: TermCount): number => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The rows of a tally, as a frequency list. */
export function termGroup(key: string | null, tally: Tally): TermGroup {
  const rows = [...tally.items.values()].filter((item) => item.count > 0).map((item) => ({ ...item, ruleIds: [...item.ruleIds], rate: round(ratePerThousand(item.count, tally.words)) }));
  const of = (kind: TermKind): TermRow[] => rows.filter((row) => row.kind === kind);
  return {
    key,
    documents: tally.documents,
    words: tally.words,
    rules: of('rule').sort(byCount),
    forms: of('form').sort(byCount),
    categories: of('category').sort((a, b) => CATEGORIES.indexOf(a.key as Category) - CATEGORIES.indexOf(b.key as Category)),
  };
}

/**
 * The frequency list of a corpus: per rule, per surface form and per category, the findings,
 * those in the author's voice, the documents they occur in and their rate per 1,000 words; in
 * all, and per group of `options.by`.
 * @param documents analysed documents (records of `analyzeCorpus`, lean or full; leave failures out)
 */
export function termFrequencies(documents: readonly CountedDocument[], options: TermsOptions = {}): TermFrequencies {
  const voice = options.voice ?? 'all';
  const total = termGroup(null, tallyDocuments(documents, voice));
  const groups = options.by === undefined ? [] : groupDocuments(documents, options.by).map((group) => termGroup(group.key, tallyDocuments(group.documents, voice)));
  return { by: options.by ?? null, voice, total, groups };
}
