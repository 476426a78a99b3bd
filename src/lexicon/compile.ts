import { LexiconError } from '../errors.js';
import type { CategoryDeclaration, Lang, LexiconData, LexiconEntry, SwitchedOffEntry } from '../types.js';
import { PatternSet } from '../engine/sets.js';
import { compilePattern, PatternError, type Slot } from '../engine/pattern.js';
import { declareCategories } from './categories.js';
import { LexiconProblemsError, throwProblems, type LexiconProblem } from './problems.js';
import { validateLexiconData } from './validate.js';

/** One compiled pattern of an entry. */
export interface CompiledPattern {
  entry: CompiledEntry;
  slots: Slot[];
}

/** An entry with its patterns and context compiled to slots. */
export interface CompiledEntry extends Omit<LexiconEntry, 'note' | 'section' | 'source'> {
  /** `<lang>.<id>`: the `ruleId` of its findings. */
  ruleId: string;
  /** Position in the lexicon: the last tie-breaker, so matching is deterministic. */
  order: number;
  /** File (or label) the entry was loaded from. */
  source: string;
  /** The gloss; empty when a custom entry has none. */
  note: string;
  /** The essay's section; for a custom entry without one, its free `source`; else empty. */
  section: string;
  /** The entry as written in its file. */
  data: LexiconEntry;
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
  /** Categories declared by custom lexicons, beyond the bundled ones. */
  readonly categories: Readonly<Record<string, CategoryDeclaration>>;
  readonly index: PatternSet<CompiledEntry>;
}

/** Does the entry only switch off the entry of the same id of the lexicons it extends? */
export function isSwitchedOff(entry: LexiconEntry | SwitchedOffEntry): entry is SwitchedOffEntry {
  return entry.weight === 0;
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
  const { note, section, source, ...rest } = entry;
  const compiled: CompiledEntry = {
    ...rest,
    ruleId: `${lang}.${entry.id}`,
    order,
    source: file,
    note: note ?? '',
    section: section ?? source ?? '',
    data: entry,
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

/**
 * Most patterns that may start at one word (by its stem, or by its exact form): every
 * occurrence of the word in a text tries each of them (the bundled lexicons have 19 at most).
 * With the limits on slots, this bounds the work a lexicon adds per token of text, so no
 * lexicon makes the analysis slower than linear, or linear with a runaway factor.
 */
export const MAX_PATTERNS_PER_WORD = 50;

/** A problem of a pattern or context, as `LexiconError` says it. */
function problemOf(error: LexiconError): LexiconProblem {
  return { entryId: error.entryId, field: error.field, reason: error.message.slice(error.message.indexOf(': ') + 2) };
}

function build(lang: Lang, entries: Array<{ entry: LexiconEntry; file: string }>, sources: string[], categories: Readonly<Record<string, CategoryDeclaration>>): Lexicon {
  const compiledEntries: CompiledEntry[] = [];
  const index = PatternSet.alone<CompiledEntry>();
  const starting = new Map<string, number>();
  // Every problem of every entry, by file, so that a user sees them all at once.
  const problems = new Map<string, LexiconProblem[]>();
  const report = (file: string, problem: LexiconProblem): void => {
    problems.set(file, [...(problems.get(file) ?? []), problem]);
  };
  declareCategories(categories);
  entries.forEach(({ entry, file }, order) => {
    let compiled: ReturnType<typeof compileEntry>;
    try {
      compiled = compileEntry(entry, lang, order, file);
    } catch (error) {
      if (!(error instanceof LexiconError)) throw error;
      report(file, problemOf(error));
      return;
    }
    compiledEntries.push(compiled.entry);
    compiled.patterns.forEach((pattern, i) => {
      const first = pattern.slots[0]!;
      const words = [...[...first.stems].map((stem) => `stem "${stem}"`), ...[...first.forms].map((form) => `"${form}"`)];
      for (const word of words) {
        const count = (starting.get(word) ?? 0) + 1;
        if (count === MAX_PATTERNS_PER_WORD + 1) {
          report(file, { entryId: entry.id, field: `patterns[${i}]`, reason: `more than ${MAX_PATTERNS_PER_WORD} patterns start with ${word}; each is tried at every occurrence of the word, so at most ${MAX_PATTERNS_PER_WORD} may: merge them with alternatives ("a|b")` });
        }
        starting.set(word, count);
      }
      index.add(pattern.slots, pattern.entry);
    });
  });
  for (const [file, found] of problems) throw new LexiconProblemsError(file, found);
  return { lang, entries: compiledEntries, sources, categories, index };
}

/** The entries that count (not switched off), with their file. */
function counted(data: LexiconData, file: string): Array<{ entry: LexiconEntry; file: string }> {
  return data.entries.filter((entry): entry is LexiconEntry => !isSwitchedOff(entry)).map((entry) => ({ entry, file }));
}

/**
 * Validate and compile lexicon data (the parsed JSON of a lexicon file).
 * @param data the parsed JSON document
 * @param file the file name or label used in error messages
 * @throws {LexiconError} naming the file, the entry id and the field: every problem at once
 */
export function loadLexicon(data: unknown, file = '<inline lexicon>'): Lexicon {
  const valid = validateLexiconData(data, file);
  throwProblems(
    file,
    valid.entries.filter(isSwitchedOff).map((entry) => ({ entryId: entry.id, field: 'weight', reason: 'weight 0 switches off an entry of the lexicon this one extends, and a lexicon loaded alone extends none: remove the entry' })),
  );
  return compileLexicon(valid, file);
}

/** Compile lexicon data already known to be valid (the bundled lexicons; see `bundled.ts`). */
export function compileLexicon(valid: LexiconData, file: string): Lexicon {
  return build(valid.lang, counted(valid, file), [file], valid.categories ?? {});
}

/**
 * A lexicon made of `base` plus the entries of `extra` (same language). An entry of `extra`
 * whose id already exists replaces the base entry, so users can re-weight or re-gloss a term;
 * with `weight: 0` it switches the base entry off. `extra` may use the categories `base`
 * declares, and declare its own. Extend the result again to combine several files in order.
 * @throws {LexiconError} when `extra` is invalid or is for another language (every problem at once)
 */
export function extendLexicon(base: Lexicon, extra: unknown, file = '<inline lexicon>'): Lexicon {
  const valid = validateLexiconData(extra, file, base.categories);
  if (valid.lang !== base.lang) {
    throw new LexiconError(file, `lexicon is for "${valid.lang}" but extends a "${base.lang}" lexicon`, { field: 'lang' });
  }
  const known = new Set(base.entries.map((entry) => entry.id));
  throwProblems(
    file,
    valid.entries
      .filter((entry) => isSwitchedOff(entry) && !known.has(entry.id))
      .map((entry) => ({ entryId: entry.id, field: 'id', reason: `weight 0 switches off an entry, but ${base.sources.join(' + ')} has no entry "${entry.id}"` })),
  );
  const replaced = new Map(valid.entries.map((entry) => [entry.id, entry]));
  const merged: Array<{ entry: LexiconEntry; file: string }> = [];
  for (const entry of base.entries) {
    const replacement = replaced.get(entry.id);
    replaced.delete(entry.id);
    if (replacement && isSwitchedOff(replacement)) continue;
    merged.push(replacement ? { entry: replacement, file } : { entry: entry.data, file: entry.source });
  }
  for (const entry of replaced.values()) if (!isSwitchedOff(entry)) merged.push({ entry, file });
  return build(base.lang, merged, [...base.sources, file], { ...base.categories, ...valid.categories });
}
