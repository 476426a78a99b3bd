import { LexiconError } from '../errors.js';
import type { Lang, LexiconData, LexiconEntry } from '../types.js';
import { PatternSet } from '../engine/sets.js';
import { compilePattern, PatternError, type Slot } from '../engine/pattern.js';
import { validateLexiconData } from './validate.js';

/** One compiled pattern of an entry. */
export interface CompiledPattern {
  entry: CompiledEntry;
  slots: Slot[];
}

/** An entry with its patterns and context compiled to slots. */
export interface CompiledEntry extends LexiconEntry {
  /** `<lang>.<id>`: the `ruleId` of its findings. */
  ruleId: string;
  /** Position in the lexicon: the last tie-breaker, so matching is deterministic. */
  order: number;
  /** File (or label) the entry was loaded from. */
  source: string;
  near: Slot[];
  notNear: Slot[];
}

/**
 * A validated, compiled lexicon. Patterns are indexed by the stem and by the exact form of
 * their first slot, so a token only tries the few patterns it can start.
 */
export interface Lexicon {
  readonly lang: Lang;
  readonly entries: readonly CompiledEntry[];
  /** Files (or labels) the entries came from, in order. */
  readonly sources: readonly string[];
  readonly index: PatternSet<CompiledEntry>;
}

/**
 * Most slots a context list (`near`, `notNear`) compiles to: every match of the entry checks
 * each of them against up to `window` words on each side (the bundled lexicons use four).
 */
export const MAX_CONTEXT_SLOTS = 10;

function compileEntry(entry: LexiconEntry, lang: Lang, order: number, file: string): { entry: CompiledEntry; patterns: CompiledPattern[] } {
  const compileField = (expressions: string[] | undefined, field: string): Slot[] => {
    const slots = (expressions ?? []).flatMap((expression, i) => {
      try {
        return compilePattern(expression, lang);
      } catch (error) {
        if (error instanceof PatternError) throw new LexiconError(file, error.message, { entryId: entry.id, field: `${field}[${i}]` });
        throw error;
      }
    });
    if (slots.length > MAX_CONTEXT_SLOTS) {
      throw new LexiconError(file, `${slots.length} words to look for; at most ${MAX_CONTEXT_SLOTS} are allowed (a context item of several words counts each of them): give alternatives as "a|b|c"`, { entryId: entry.id, field });
    }
    return slots;
  };
  const compiled: CompiledEntry = {
    ...entry,
    ruleId: `${lang}.${entry.id}`,
    order,
    source: file,
    near: compileField(entry.context?.near, 'context.near'),
    notNear: compileField(entry.context?.notNear, 'context.notNear'),
  };
  const patterns = entry.patterns.map((pattern, i) => {
    try {
      return { entry: compiled, slots: compilePattern(pattern, lang) };
    } catch (error) {
      if (error instanceof PatternError) throw new LexiconError(file, error.message, { entryId: entry.id, field: `patterns[${i}]` });
      throw error;
    }
  });
  return { entry: compiled, patterns };
}

/** The entry as written in its file, without what compiling added. */
function toData(entry: CompiledEntry): LexiconEntry {
  const { id, category, patterns, weight, role, note, section, context } = entry;
  return { id, category, patterns, weight, ...(role ? { role } : {}), note, section, ...(context ? { context } : {}) };
}

/**
 * Most patterns that may start at one word (by its stem, or by its exact form): every
 * occurrence of the word in a text tries each of them (the bundled lexicons have 19 at most).
 * With the limits on slots, this bounds the work a lexicon adds per token of text, so no
 * lexicon makes the analysis slower than linear, or linear with a runaway factor.
 */
export const MAX_PATTERNS_PER_WORD = 50;

function build(lang: Lang, entries: Array<{ entry: LexiconEntry; file: string }>, sources: string[]): Lexicon {
  const compiledEntries: CompiledEntry[] = [];
  const index = PatternSet.alone<CompiledEntry>();
  const starting = new Map<string, number>();
  entries.forEach(({ entry, file }, order) => {
    const compiled = compileEntry(entry, lang, order, file);
    compiledEntries.push(compiled.entry);
    compiled.patterns.forEach((pattern, i) => {
      const first = pattern.slots[0]!;
      const words = [...[...first.stems].map((stem) => `stem "${stem}"`), ...[...first.forms].map((form) => `"${form}"`)];
      for (const word of words) {
        const count = (starting.get(word) ?? 0) + 1;
        if (count > MAX_PATTERNS_PER_WORD) {
          throw new LexiconError(file, `more than ${MAX_PATTERNS_PER_WORD} patterns start with ${word}; each is tried at every occurrence of the word, so at most ${MAX_PATTERNS_PER_WORD} may: merge them with alternatives ("a|b")`, { entryId: entry.id, field: `patterns[${i}]` });
        }
        starting.set(word, count);
      }
      index.add(pattern.slots, pattern.entry);
    });
  });
  return { lang, entries: compiledEntries, sources, index };
}

/**
 * Validate and compile lexicon data (the parsed JSON of a lexicon file).
 * @param data the parsed JSON document
 * @param file the file name or label used in error messages
 * @throws {LexiconError} naming the file, the entry id and the field
 */
export function loadLexicon(data: unknown, file = '<inline lexicon>'): Lexicon {
  return compileLexicon(validateLexiconData(data, file), file);
}

/** Compile lexicon data already known to be valid (the bundled lexicons; see `bundled.ts`). */
export function compileLexicon(valid: LexiconData, file: string): Lexicon {
  return build(valid.lang, valid.entries.map((entry) => ({ entry, file })), [file]);
}

/**
 * A lexicon made of `base` plus the entries of `extra` (same language). An entry of `extra`
 * whose id already exists replaces the base entry, so users can re-weight or re-gloss a term.
 * @throws {LexiconError} when `extra` is invalid or is for another language
 */
export function extendLexicon(base: Lexicon, extra: unknown, file = '<inline lexicon>'): Lexicon {
  const valid = validateLexiconData(extra, file);
  if (valid.lang !== base.lang) {
    throw new LexiconError(file, `lexicon is for "${valid.lang}" but extends a "${base.lang}" lexicon`, { field: 'lang' });
  }
  const replaced = new Map(valid.entries.map((entry) => [entry.id, entry]));
  const merged: Array<{ entry: LexiconEntry; file: string }> = [];
  for (const entry of base.entries) {
    const replacement = replaced.get(entry.id);
    merged.push(replacement ? { entry: replacement, file } : { entry: toData(entry), file: entry.source });
    replaced.delete(entry.id);
  }
  for (const entry of replaced.values()) merged.push({ entry, file });
  return build(base.lang, merged, [...base.sources, file]);
}
