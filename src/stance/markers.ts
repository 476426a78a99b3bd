import { LexiconError } from '../errors.js';
import { compilePattern, PatternError } from '../engine/pattern.js';
import { findAll, SlotIndex } from '../engine/match.js';
import type { Lang, Sentence } from '../types.js';
import type { TokenTable } from '../tokenize/index.js';
import fr from '../../lexicons/stance.fr.json' with { type: 'json' };
import en from '../../lexicons/stance.en.json' with { type: 'json' };

/** What a stance marker does (see lexicons/stance.schema.json). */
export type MarkerKind = 'distancing' | 'refusal' | 'negation' | 'notNegation' | 'critical' | 'criticalWeak' | 'attribution';

/** A marker found in the text, on tokens `[first, end)`, with the class that lists it. */
export interface MarkerMatch {
  kind: MarkerKind;
  /** The id of its class in the stance file (`appearance-hedges`, `refusal`…). */
  class: string;
  first: number;
  end: number;
}

/** A class of markers as written in `lexicons/stance.<lang>.json`. */
interface MarkerClass {
  id: string;
  kind: MarkerKind;
  description: string;
  markers: string[];
}

interface StanceData {
  lang: Lang;
  classes: MarkerClass[];
}

// Checked against lexicons/stance.schema.json by the tests (tests/lexicon.test.ts): a run does
// not load the schema validator for files that ship with the package.
const DATA: Record<Lang, { data: StanceData; file: string }> = {
  fr: { data: fr as StanceData, file: 'lexicons/stance.fr.json' },
  en: { data: en as StanceData, file: 'lexicons/stance.en.json' },
};
const indexes = new Map<Lang, SlotIndex<Pick<MarkerMatch, 'kind' | 'class'>>>();

function compile(lang: Lang): SlotIndex<Pick<MarkerMatch, 'kind' | 'class'>> {
  const { data, file } = DATA[lang];
  const index = new SlotIndex<Pick<MarkerMatch, 'kind' | 'class'>>();
  data.classes.forEach((markerClass, c) => {
    const value = { kind: markerClass.kind, class: markerClass.id };
    markerClass.markers.forEach((pattern, i) => {
      try {
        index.add(compilePattern(pattern, lang), value);
      } catch (error) {
        if (error instanceof PatternError) throw new LexiconError(file, error.message, { field: `classes[${c}].markers[${i}]` });
        throw error;
      }
    });
  });
  return index;
}

/**
 * Every stance marker of the text, in order. A negation inside a `notNegation` phrase
 * ("non seulement", "not only") is none, and is left out.
 */
export function findMarkers(tokens: TokenTable, sentences: readonly Sentence[], lang: Lang): MarkerMatch[] {
  let index = indexes.get(lang);
  if (!index) {
    index = compile(lang);
    indexes.set(lang, index);
  }
  const sentenceEnd = (t: number): number => sentences[tokens.sentenceOf[t]!]!.tokenEnd;
  return findAll(index, tokens, 0, tokens.length, sentenceEnd)
    .filter(({ value }) => value.kind !== 'notNegation')
    .map(({ value, first, end }) => ({ kind: value.kind, class: value.class, first, end }));
}
