import type { Language } from '../language.js';
import abbreviations from './abbreviations.json' with { type: 'json' };
import clitics from './clitics.json' with { type: 'json' };
import functionWords from './function-words.json' with { type: 'json' };
import labels from './labels.json' with { type: 'json' };
import quotes from './quotes.json' with { type: 'json' };

/**
 * English: wink-nlp's tokens, sentences and part-of-speech tags. Nothing is elided: wink
 * keeps `don't` and `Toronto's` apart itself. A lone `'` that wink cuts off is a quote token,
 * but straight single quotes are too often apostrophes to pair.
 */
export const english: Language = {
  code: 'en',
  name: labels.name,
  englishName: labels.englishName,
  iso6393: 'eng',
  pipeline: 'wink',
  stemmer: 'natural/lib/natural/stemmers/porter_stemmer.js',
  tagger: 'compromise',
  functionWords,
  elisions: [],
  clitics,
  apostropheWords: [],
  abbreviations: abbreviations.abbreviations,
  sentenceFinalAbbreviations: abbreviations.sentenceFinal,
  quotes,
  labels,
};
