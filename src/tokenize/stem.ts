import type { Lang } from '../types.js';
// Deep import on purpose: natural's root module loads database drivers, prints to stdout
// and reads ./.env into process.env.
import stemmers from 'natural/lib/natural/stemmers/index.js';

interface Stemmer {
  stem(word: string): string;
}

const STEMMERS: Record<Lang, Stemmer> = {
  fr: stemmers.PorterStemmerFr,
  en: stemmers.PorterStemmer,
};

// Word frequencies follow Zipf's law: a small cache answers most look-ups. It is bounded so
// that a hostile text made of millions of distinct words cannot grow it without limit.
const CACHE_LIMIT = 200_000;
const caches: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };

/** Stem of an already lower-cased word, with the Porter stemmer of `lang`. */
export function stem(word: string, lang: Lang): string {
  const cache = caches[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = STEMMERS[lang].stem(word);
    // natural returns '' for some inputs (e.g. a lone combining mark): keep the word then.
    if (stemmed === '') stemmed = word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
