/**
 * The value of a grouping field for a document: the built-in fields every record has, then its
 * metadata. What `terms --by`, `compare --by` and the hits of a concordance group on.
 */
import type { CorpusDocumentLean, MetaValue } from '../records.js';

/**
 * Fields every document has, whatever its metadata: its language (`fr`, `en`), its format
 * (`txt`, `md`, `html`, `pdf`), its reading (`promotional`, `critical`, `neutral`) and its first
 * folder under the given folder. A metadata field of the same name is shadowed by these.
 */
export const BUILTIN_FIELDS = ['lang', 'format', 'reading', 'folder'] as const;

/** One of `BUILTIN_FIELDS`. */
export type BuiltinField = (typeof BUILTIN_FIELDS)[number];

/** What a grouping reads of a document. */
export type Groupable = Pick<CorpusDocumentLean, 'lang' | 'format' | 'folder' | 'meta'> & { stance: Pick<CorpusDocumentLean['stance'], 'reading'> };

const isBuiltin = (field: string): field is BuiltinField => (BUILTIN_FIELDS as readonly string[]).includes(field);

/** A metadata value as a group key: strings trimmed, other values as JSON, nothing as `null`. */
function keyOf(value: MetaValue | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value.trim() || null : JSON.stringify(value);
}

/** The group of `document` under `field` (a built-in field or a metadata field); `null` when it has none. */
export function fieldValue(document: Groupable, field: string): string | null {
  if (!isBuiltin(field)) return keyOf(Object.hasOwn(document.meta, field) ? document.meta[field] : undefined);
  if (field === 'reading') return document.stance.reading;
  return document[field];
}

/** Code unit order with `null` last: the same in every locale. */
export const compareGroupKeys = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** Documents by their value of `field`, keys in `compareGroupKeys` order, documents in their given order. */
export function groupDocuments<T extends Groupable>(documents: Iterable<T>, field: string): Array<{ key: string | null; documents: T[] }> {
  const groups = new Map<string | null, T[]>();
  for (const document of documents) {
    const key = fieldValue(document, field);
    const members = groups.get(key);
    if (members) members.push(document);
    else groups.set(key, [document]);
  }
  return [...groups.keys()].sort(compareGroupKeys).map((key) => ({ key, documents: groups.get(key)! }));
}
