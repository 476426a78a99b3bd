import type { Language } from '../language.js';
import abbreviations from './abbreviations.json' with { type: 'json' };
import apostropheWords from './apostrophe-words.json' with { type: 'json' };
import elisions from './elisions.json' with { type: 'json' };
import functionWords from './function-words.json' with { type: 'json' };
import labels from './labels.json' with { type: 'json' };
import quotes from './quotes.json' with { type: 'json' };

/** French: the shared Latin-script pipeline, elisions split off their word. */
export const french: Language = {
  code: 'fr',
  name: labels.name,
  englishName: labels.englishName,
  iso6393: 'fra',
  pipeline: 'latin',
  stemmer: 'natural/lib/natural/stemmers/porter_stemmer_fr.js',
  tagger: 'fr-compromise',
  functionWords,
  elisions,
  clitics: [],
  apostropheWords,
  abbreviations: abbreviations.abbreviations,
  sentenceFinalAbbreviations: abbreviations.sentenceFinal,
  quotes,
  labels,
};
