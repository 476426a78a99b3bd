/**
 * A dictionary as a novlangue lexicon. A term's words map to the pattern syntax: `word` (no
 * wildcard) to the exact form `=word`, `word*` to the stem slot `word`, which matches every
 * word the language's stemmer gives the same stem (`innov*` → `innov`: innover, innovant,
 * innovation…). What the syntax cannot say is left out, with a warning: a wildcard inside or
 * before a word (`*ville`, `ci*y`), quanteda's one-character `?`, a weight outside 0.25–5.
 *
 * Terms are grouped into entries by their first word, category and weight, and the terms of
 * an entry are factored back into patterns with alternatives (`=les|=des =villes`), so that a
 * dictionary written from a lexicon reads back as few patterns as the lexicon had.
 */
import { compilePattern, PatternError } from '../engine/pattern.js';
import { isBundledCategory } from '../lexicon/categories.js';
import { tokenForms } from '../tokenize/index.js';
import type { CategoryDeclaration, Category, Lang, LexiconData, LexiconEntry } from '../types.js';
import type { Dictionary, DictionaryWarning } from './types.js';

const MIN_WEIGHT = 0.25;
const MAX_WEIGHT = 5;

/** A lowercase ASCII id: accents dropped, other characters runs of `separator`. */
export function slugOf(text: string, keep: RegExp = /[^a-z0-9]+/gu): string {
  const plain = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return plain.replace(keep, '-').replace(/[._-]{2,}/gu, (run) => run[0]!).replace(/^[._-]+|[._-]+$/gu, '').slice(0, 60).replace(/[._-]+$/u, '');
}

/** A category id from a dictionary's category name: `Care.Virtue` → `care.virtue`. */
export function categoryIdOf(name: string): string {
  return slugOf(name, /[^a-z0-9._]+/gu) || 'category';
}

/** The slots of a term's word, one per token: stem slots for a trailing `*`, exact forms otherwise. */
function slotsOfWord(word: string, lang: Lang): string[] | string {
  const stem = word.endsWith('*');
  const body = stem ? word.slice(0, -1) : word;
  if (body === '') return 'a lone "*" matches any word, which a pattern cannot say';
  if (body.includes('*')) return `the wildcard inside or before a word in "${word}" cannot be expressed: patterns match a word by its stem or its exact form only`;
  if (body.includes('?')) return `quanteda's one-character wildcard "?" in "${word}" cannot be expressed`;
  if (body.includes('|') || body.startsWith('=')) return `"${word}" holds "|" or starts with "=", which the pattern syntax reserves`;
  const tokens = tokenForms(body, lang);
  if (tokens.length === 0) return `"${word}" holds no token`;
  // A word of several tokens (`l'humain`, `world's`) stays one slot expression, compiled as a
  // whole; it can never be an alternative (see `factor`).
  if (tokens.length > 1) return [stem ? body : `=${body}`];
  return [stem && tokens[0]!.kind === 'word' ? body : `=${body}`];
}

/** Can a slot expression be one alternative among others (is it a single token)? */
function singleToken(expression: string, lang: Lang): boolean {
  return tokenForms(expression.replace(/^=/u, ''), lang).length === 1;
}

/** A term as the slots of a pattern, or why it cannot be one. */
export function termSlots(term: string, lang: Lang): string[] | string {
  const slots: string[] = [];
  for (const word of term.split(' ')) {
    const found = slotsOfWord(word, lang);
    if (typeof found === 'string') return found;
    slots.push(...found);
  }
  try {
    compilePattern(slots.join(' '), lang);
  } catch (error) {
    if (error instanceof PatternError) return error.message;
    throw error;
  }
  return slots;
}

/** Most characters in a pattern (lexicons/schema.json). */
const MAX_PATTERN_LENGTH = 200;
/** Most patterns in an entry (lexicons/schema.json). */
const MAX_PATTERNS_PER_ENTRY = 50;

const textOf = (pattern: readonly string[][]): string => pattern.map((alternatives) => alternatives.join('|')).join(' ');

/** Patterns that differ at slot `k` only, merged there into as few as stay within the length limit. */
function mergeAt(group: readonly string[][][], k: number): string[][][] {
  const out: string[][][] = [];
  let current = group[0]!.map((alternatives) => [...alternatives]);
  for (const other of group.slice(1)) {
    const added = other[k]!.filter((alternative) => !current[k]!.includes(alternative));
    const merged = current.map((alternatives, i) => (i === k ? [...alternatives, ...added] : alternatives));
    if (textOf(merged).length <= MAX_PATTERN_LENGTH) current = merged;
    else {
      out.push(current);
      current = other.map((alternatives) => [...alternatives]);
    }
  }
  out.push(current);
  return out;
}

/**
 * Factor patterns that differ in one slot into one pattern with alternatives there, until no
 * two differ in one slot only (the first slot stays as it is: it names the entry).
 */
export function factor(terms: readonly string[][], canAlternate: (expression: string) => boolean): string[] {
  let patterns = terms.map((slots) => slots.map((slot) => [slot]));
  for (let changed = true; changed; ) {
    changed = false;
    const longest = Math.max(0, ...patterns.map((pattern) => pattern.length));
    for (let k = 1; k < longest; k++) {
      const groups = new Map<string, string[][][]>();
      for (const pattern of patterns) {
        // A slot of several tokens is never merged: its pattern stays alone at that slot.
        const fixed = k < pattern.length && !pattern[k]!.every(canAlternate);
        const key = fixed ? `\u0001${groups.size}` : `${pattern.length}\u0000${pattern.map((alternatives, i) => (i === k ? '' : alternatives.join('|'))).join('\u0000')}`;
        const group = groups.get(key);
        if (group) group.push(pattern);
        else groups.set(key, [pattern]);
      }
      if (groups.size === patterns.length) continue;
      const merged = [...groups.values()].flatMap((group) => mergeAt(group, k));
      // Merges the length limit refused leave as many patterns: no progress, no new round.
      if (merged.length < patterns.length) changed = true;
      patterns = merged;
    }
  }
  return patterns.map(textOf);
}

/** Options of `dictionaryToLexicon`. */
export interface ToLexiconOptions {
  lang: Lang;
  /** The dictionary's file, named in each entry's `source` and in warnings. */
  file: string;
}

/**
 * A dictionary as lexicon data: its categories (declared where they are not bundled ones, with
 * the dictionary's name as label), one entry per first word, category and weight.
 */
export function dictionaryToLexicon(dictionary: Dictionary, options: ToLexiconOptions): { lexicon: LexiconData; warnings: DictionaryWarning[] } {
  const { lang, file } = options;
  const warnings: DictionaryWarning[] = [];
  const ids = new Map<string, string>();
  const declared: Record<string, CategoryDeclaration> = {};
  const taken = new Set<string>();
  for (const name of dictionary.categories) {
    let id = categoryIdOf(name);
    for (let n = 2; taken.has(id); n++) id = `${categoryIdOf(name)}-${n}`;
    taken.add(id);
    ids.set(name, id);
    if (!isBundledCategory(id)) declared[id] = { label: name };
  }
  // Entries by first slot, category and weight, in the order the dictionary first names them.
  const groups = new Map<string, { first: string; category: string; weight: number; terms: string[][]; examples: string[] }>();
  for (const { term, categories } of dictionary.terms) {
    const slots = termSlots(term, lang);
    if (typeof slots === 'string') {
      warnings.push({ message: `"${term}" left out: ${slots}` });
      continue;
    }
    for (const { name, weight } of categories) {
      if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
        warnings.push({ message: `"${term}" left out of ${name}: its weight ${weight} is outside novlangue's ${MIN_WEIGHT} to ${MAX_WEIGHT}` });
        continue;
      }
      const category = ids.get(name)!;
      const key = `${slots[0]}\u0000${category}\u0000${weight}`;
      const group = groups.get(key) ?? { first: slots[0]!, category, weight, terms: [], examples: [] };
      group.terms.push(slots);
      if (group.examples.length < 3) group.examples.push(term);
      groups.set(key, group);
    }
  }
  const single = new Map<string, boolean>();
  const canAlternate = (expression: string): boolean => {
    let known = single.get(expression);
    if (known === undefined) single.set(expression, (known = singleToken(expression, lang)));
    return known;
  };
  const entryIds = new Set<string>();
  const entries: LexiconEntry[] = [...groups.values()].flatMap((group) => {
    const patterns = factor(group.terms, canAlternate);
    const more = group.terms.length > group.examples.length ? '…' : '';
    const chunks: string[][] = [];
    for (let i = 0; i < patterns.length; i += MAX_PATTERNS_PER_ENTRY) chunks.push(patterns.slice(i, i + MAX_PATTERNS_PER_ENTRY));
    return chunks.map((chunk) => {
      const base = slugOf(group.first.replace(/^=/u, '')) || 'term';
      let id = base;
      if (entryIds.has(id)) id = `${base}-${slugOf(group.category)}`;
      for (let n = 2; entryIds.has(id); n++) id = `${base}-${slugOf(group.category)}-${n}`;
      entryIds.add(id);
      return { id, category: group.category as Category, patterns: chunk, weight: group.weight, source: `${file}: ${group.examples.join(', ')}${more}` };
    });
  });
  const categories = Object.keys(declared).length > 0 ? { categories: declared } : {};
  return { lexicon: { lang, ...categories, entries }, warnings };
}
