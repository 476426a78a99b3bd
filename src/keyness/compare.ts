/**
 * Keyness between two sub-corpora: per rule, per surface form and per category, the counts in
 * each side, the signed log-likelihood G² with its p-value and the log ratio, strongest first;
 * warnings for sides too small to trust; optionally, candidate lexicon entries.
 */
import { candidateEntries, type Candidate, type CandidateOptions, type TextDocument } from './candidates.js';
import { itemKey, tallyDocuments, type CountedDocument, type TermKind, type Voice } from './counts.js';
import { fieldValue } from './groups.js';
import { keyness } from './stats.js';

/** A document as a comparison reads it: counted, grouped, and (for candidates) tokenised again. */
export type ComparedDocument = CountedDocument & TextDocument;

/** One side of a comparison: a label and its documents. */
export interface CorpusSide<T extends ComparedDocument = ComparedDocument> {
  label: string;
  documents: readonly T[];
}

/** One row of a comparison: an item's counts in each side and its keyness. */
export interface KeynessRow {
  /** The rule id, the surface form, or the category. */
  key: string;
  kind: TermKind;
  countA: number;
  countB: number;
  /** Signed log-likelihood: positive when A uses the item more (per word), negative when B does. */
  g2: number;
  /** Log ratio (log₂ of the ratio of relative frequencies, A over B). */
  logRatio: number;
  /** p-value of G², chi-square with 1 degree of freedom. */
  p: number;
}

/** What `compareSides()` returns; `--format json` prints it as it is. */
export interface Comparison {
  a: { label: string; documents: number; words: number };
  b: { label: string; documents: number; words: number };
  /** Sorted by G², most characteristic of A first, most characteristic of B last. */
  rows: KeynessRow[];
  /** What makes the figures fragile: a side under the minimum size, documents in both sides. */
  warnings: string[];
  /** With `candidates`: n-grams of A that no lexicon entry covers, proposals for new entries. */
  candidates?: Candidate[];
}

/** Options of `compareSides()`. */
export interface CompareOptions {
  /** Count every finding (default), or only those in the author's own voice. */
  voice?: Voice;
  /** Fewest occurrences in both sides together for a row. Default 2. */
  minCount?: number;
  /** A side with fewer words than this gets a warning. Default 1,000. */
  minWords?: number;
  /** A side with fewer documents than this gets a warning. Default 2. */
  minDocuments?: number;
  /** Propose candidate lexicon entries from side A (`true` for the defaults). */
  candidates?: boolean | CandidateOptions;
}

/** The default smallest side that does not get a warning. */
export const MIN_SIDE_WORDS = 1000;
export const MIN_SIDE_DOCUMENTS = 2;

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
/** p-values keep four significant digits, so that a tiny one stays readable and nonzero. */
const roundP = (p: number): number => (p === 0 ? 0 : Number(p.toPrecision(4)));

function sizeWarnings(side: 'A' | 'B', label: string, documents: number, words: number, minWords: number, minDocuments: number): string[] {
  const warnings: string[] = [];
  if (words < minWords) warnings.push(`side ${side} (${label}) has ${words} words, fewer than ${minWords}: its rates and G² values rest on few occurrences; read them as leads, not results.`);
  if (documents < minDocuments) warnings.push(`side ${side} (${label}) has ${documents} document${documents === 1 ? '' : 's'}: what it says of its group may be one author's habit.`);
  return warnings;
}

/**
 * Compare two sides: which rules, forms and categories side A uses more than side B, and the
 * other way round. Deterministic: the same documents and options give the same comparison.
 * @throws {RangeError} when an option is out of range
 */
export function compareSides(a: CorpusSide, b: CorpusSide, options: CompareOptions = {}): Comparison {
  const voice = options.voice ?? 'all';
  const minCount = options.minCount ?? 2;
  const minWords = options.minWords ?? MIN_SIDE_WORDS;
  const minDocuments = options.minDocuments ?? MIN_SIDE_DOCUMENTS;
  for (const [name, value] of [['minCount', minCount], ['minWords', minWords], ['minDocuments', minDocuments]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`novlangue: compareSides() option "${name}" must be a whole number, 0 or more, instead received ${String(value)}.`);
  }
  const tallyA = tallyDocuments(a.documents, voice);
  const tallyB = tallyDocuments(b.documents, voice);
  const rows: KeynessRow[] = [];
  const keys = new Set([...tallyA.items.keys(), ...tallyB.items.keys()]);
  for (const id of keys) {
    const item = tallyA.items.get(id) ?? tallyB.items.get(id)!;
    const countA = tallyA.items.get(itemKey(item.kind, item.key))?.count ?? 0;
    const countB = tallyB.items.get(itemKey(item.kind, item.key))?.count ?? 0;
    if (countA + countB < Math.max(1, minCount)) continue;
    const { g2, p, logRatio } = keyness(countA, tallyA.words, countB, tallyB.words);
    rows.push({ key: item.key, kind: item.kind, countA, countB, g2: round(g2, 3), logRatio: round(logRatio, 3), p: roundP(p) });
  }
  const kinds: TermKind[] = ['rule', 'form', 'category'];
  rows.sort((x, y) => y.g2 - x.g2 || kinds.indexOf(x.kind) - kinds.indexOf(y.kind) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const inA = new Set(a.documents.map((document) => document.file));
  const shared = b.documents.filter((document) => inA.has(document.file)).length;
  const warnings = [
    ...sizeWarnings('A', a.label, tallyA.documents, tallyA.words, minWords, minDocuments),
    ...sizeWarnings('B', b.label, tallyB.documents, tallyB.words, minWords, minDocuments),
    ...(shared > 0 ? [`${shared} document${shared === 1 ? ' is' : 's are'} in both sides: the comparison understates their differences.`] : []),
  ];
  const comparison: Comparison = {
    a: { label: a.label, documents: tallyA.documents, words: tallyA.words },
    b: { label: b.label, documents: tallyB.documents, words: tallyB.words },
    rows,
    warnings,
  };
  if (options.candidates) {
    const candidateOptions = options.candidates === true ? {} : options.candidates;
    comparison.candidates = candidateEntries(a.documents, tallyA.words, b.documents, tallyB.words, candidateOptions).map((candidate) => ({
      ...candidate,
      g2: round(candidate.g2, 3),
      logRatio: round(candidate.logRatio, 3),
      p: roundP(candidate.p),
    }));
  }
  return comparison;
}

/**
 * The two sides of `--by FIELD --groups X,Y`: the documents whose `field` is `x`, and those
 * whose `field` is `y`, or, without `y`, all the others (labelled `field≠X`).
 * @throws {RangeError} when no document has the value `x` (or `y`): the message lists the values there are
 */
export function sidesByField<T extends ComparedDocument>(documents: readonly T[], field: string, x: string, y?: string): [CorpusSide<T>, CorpusSide<T>] {
  const values = new Map<string | null, number>();
  for (const document of documents) {
    const value = fieldValue(document, field);
    values.set(value, (values.get(value) ?? 0) + 1);
  }
  for (const wanted of y === undefined ? [x] : [x, y]) {
    if (!values.has(wanted)) {
      const found = [...values].filter(([value]) => value !== null).map(([value, count]) => `${JSON.stringify(value)} (${count})`).join(', ');
      throw new RangeError(`no document has ${field} = ${JSON.stringify(wanted)}; ${found ? `the values of ${field} are ${found}` : `no document has a ${field}`}.`);
    }
  }
  const a = documents.filter((document) => fieldValue(document, field) === x);
  const b = documents.filter((document) => (y === undefined ? fieldValue(document, field) !== x : fieldValue(document, field) === y));
  return [
    { label: `${field}=${x}`, documents: a },
    { label: y === undefined ? `${field}≠${x}` : `${field}=${y}`, documents: b },
  ];
}
