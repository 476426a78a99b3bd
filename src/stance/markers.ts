import { LexiconError } from '../errors.js';
import { compilePattern, PatternError } from '../lexicon/pattern.js';
import { findAll, SlotIndex } from '../match/slots.js';
import type { Lang, Sentence } from '../types.js';
import type { TokenTable } from '../tokenize/index.js';
import fr from '../../lexicons/stance.fr.json' with { type: 'json' };
import en from '../../lexicons/stance.en.json' with { type: 'json' };

/** What a stance marker signals. */
export type MarkerKind = 'distancing' | 'critical' | 'criticalWeak' | 'attribution';
const KINDS: readonly MarkerKind[] = ['distancing', 'critical', 'criticalWeak', 'attribution'];

/** A marker found in the text, on tokens `[first, end)`. */
export interface MarkerMatch {
  kind: MarkerKind;
  first: number;
  end: number;
}

type StanceData = Record<MarkerKind, string[]> & { lang: Lang };

// Checked against lexicons/stance.schema.json by the tests (tests/lexicon.test.ts): a run does
// not load the schema validator for files that ship with the package.
const DATA: Record<Lang, { data: StanceData; file: string }> = {
  fr: { data: fr as StanceData, file: 'lexicons/stance.fr.json' },
  en: { data: en as StanceData, file: 'lexicons/stance.en.json' },
};
const indexes = new Map<Lang, SlotIndex<MarkerKind>>();

function compile(lang: Lang): SlotIndex<MarkerKind> {
  const { data, file } = DATA[lang];
  const index = new SlotIndex<MarkerKind>();
  for (const kind of KINDS) {
    data[kind].forEach((pattern, i) => {
      try {
        index.add(compilePattern(pattern, lang), kind);
      } catch (error) {
        if (error instanceof PatternError) throw new LexiconError(file, error.message, { field: `${kind}[${i}]` });
        throw error;
      }
    });
  }
  return index;
}

/** Every stance marker of the text, in order. */
export function findMarkers(tokens: TokenTable, sentences: readonly Sentence[], lang: Lang): MarkerMatch[] {
  let index = indexes.get(lang);
  if (!index) {
    index = compile(lang);
    indexes.set(lang, index);
  }
  const sentenceEnd = (t: number): number => sentences[tokens.sentenceOf[t]!]!.tokenEnd;
  return findAll(index, tokens, 0, tokens.length, sentenceEnd).map(({ value, first, end }) => ({ kind: value, first, end }));
}
