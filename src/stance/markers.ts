import { LexiconError } from '../errors.js';
import { compilePattern, PatternError } from '../engine/pattern.js';
import { plainEnv } from '../engine/match.js';
import { PatternSet, type SetEnv } from '../engine/sets.js';
import { checkData, lazyValidator } from '../lexicon/schema.js';
import type { Lang, Sentence } from '../types.js';
import type { TokenTable } from '../tokenize/index.js';
import fr from '../../lexicons/stance.fr.json' with { type: 'json' };
import en from '../../lexicons/stance.en.json' with { type: 'json' };
import schema from '../../lexicons/stance.schema.json' with { type: 'json' };

/** What a stance marker does (see `lexicons/stance.schema.json` and `lexicons/FORMAT.md`). */
export type MarkerKind = 'distancing' | 'refusal' | 'negation' | 'notNegation' | 'critical' | 'criticalWeak' | 'attribution';

/** A class of markers as written in `lexicons/stance.<lang>.json`. */
export interface MarkerClass {
  /** kebab-case, unique in its file. */
  id: string;
  kind: MarkerKind;
  /** What the class is, linguistically, in the file's language. */
  description: string;
  /** Token patterns (the lexicon pattern syntax). */
  markers: string[];
}

/** The JSON document of a stance marker file. */
export interface StanceData {
  $schema?: string;
  lang: Lang;
  classes: MarkerClass[];
}

/** Validated, compiled stance markers of one language (see `loadStance`, `bundledStance`). */
export interface StanceMarkers {
  readonly lang: Lang;
  readonly classes: readonly MarkerClass[];
  /** Files (or labels) the classes came from, in order. */
  readonly sources: readonly string[];
  readonly index: PatternSet<Pick<MarkerMatch, 'kind' | 'class'>>;
}

/** A marker found in the text, on tokens `[first, end)`, with the class that lists it. */
export interface MarkerMatch {
  kind: MarkerKind;
  /** The id of its class in the stance file (`apparence-et-pretention`, `refus`…). */
  class: string;
  first: number;
  end: number;
}

const stanceSchema = lazyValidator<StanceData>(schema);

function build(lang: Lang, classes: Array<{ markerClass: MarkerClass; file: string }>, sources: string[]): StanceMarkers {
  const index = PatternSet.alone<Pick<MarkerMatch, 'kind' | 'class'>>();
  for (const { markerClass, file } of classes) {
    const value = { kind: markerClass.kind, class: markerClass.id };
    markerClass.markers.forEach((pattern, i) => {
      try {
        index.add(compilePattern(pattern, lang), value);
      } catch (error) {
        if (error instanceof PatternError) throw new LexiconError(file, error.message, { entryId: markerClass.id, field: `markers[${i}]` });
        throw error;
      }
    });
  }
  return { lang, classes: classes.map(({ markerClass }) => markerClass), sources, index };
}

/**
 * Validate and compile stance markers (the parsed JSON of a file like `lexicons/stance.fr.json`).
 * @param data the parsed JSON document (see `lexicons/stance.schema.json`)
 * @param file the file name or label used in error messages
 * @throws {LexiconError} naming the file, the class id and the field: unknown kind or key,
 *   duplicate class id, a pattern that cannot be compiled
 */
export function loadStance(data: unknown, file = '<inline stance markers>'): StanceMarkers {
  const valid = checkData(stanceSchema, data, file, { collection: 'classes' });
  return build(valid.lang, valid.classes.map((markerClass) => ({ markerClass, file })), [file]);
}

/**
 * Stance markers extended by the classes of another file of the same language: a class whose id
 * is already there replaces it, a new one is added.
 * @throws {LexiconError} as `loadStance`, or when the languages differ
 */
export function extendStance(base: StanceMarkers, extra: unknown, file = '<inline stance markers>'): StanceMarkers {
  const valid = checkData(stanceSchema, extra, file, { collection: 'classes' });
  if (valid.lang !== base.lang) {
    throw new LexiconError(file, `stance markers are for "${valid.lang}" but extend "${base.lang}" ones`, { field: 'lang' });
  }
  const replaced = new Map(valid.classes.map((markerClass) => [markerClass.id, markerClass]));
  // The base's classes compiled once already: their file is named only for the record.
  const baseFile = base.sources.join(' + ');
  const merged: Array<{ markerClass: MarkerClass; file: string }> = [];
  for (const markerClass of base.classes) {
    const replacement = replaced.get(markerClass.id);
    merged.push(replacement ? { markerClass: replacement, file } : { markerClass, file: baseFile });
    replaced.delete(markerClass.id);
  }
  for (const markerClass of replaced.values()) merged.push({ markerClass, file });
  return build(base.lang, merged, [...base.sources, file]);
}

// Checked against lexicons/stance.schema.json by the tests (tests/lexicon.test.ts): a run does
// not load the schema validator for files that ship with the package.
const DATA: Record<Lang, StanceData> = { fr: fr as StanceData, en: en as StanceData };
const bundled = new Map<Lang, StanceMarkers>();

/** The stance markers shipped with novlangue for `lang`, compiled once on first use. */
export function bundledStance(lang: Lang): StanceMarkers {
  let markers = bundled.get(lang);
  if (!markers) {
    const file = `lexicons/stance.${lang}.json`;
    markers = build(lang, DATA[lang].classes.map((markerClass) => ({ markerClass, file })), [file]);
    bundled.set(lang, markers);
  }
  return markers;
}

/**
 * Every stance marker of the text, in order. A negation inside a `notNegation` phrase
 * ("non seulement", "not only") is none, and is left out.
 */
export function findMarkers(tokens: TokenTable, sentences: readonly Sentence[], markers: StanceMarkers): MarkerMatch[] {
  const sentenceEnd = new Int32Array(tokens.length);
  for (const sentence of sentences) sentenceEnd.fill(sentence.tokenEnd, sentence.tokenStart, sentence.tokenEnd);
  const env: SetEnv = { ...plainEnv(tokens), sentenceEnd };
  return markers.index
    .scan(env)
    .filter(({ value }) => value.kind !== 'notNegation')
    .map(({ value, first, end }) => ({ kind: value.kind, class: value.class, first, end }));
}
