import { createRequire } from 'node:module';
import { LANGS, languageOf } from '../languages/index.js';
import type { Lang } from '../types.js';

interface Stemmer {
  stem(word: string): string;
}

// Each stemmer is required from its own file, on first use: natural's root module loads
// database drivers, prints to stdout and reads ./.env into process.env, and even its
// stemmers index loads every language's stemmer. Each language names its file.
const require = createRequire(import.meta.url);
const stemmers: Partial<Record<Lang, Stemmer>> = {};

function stemmerFor(lang: Lang): Stemmer {
  return (stemmers[lang] ??= require(languageOf(lang).stemmer) as Stemmer);
}

// Word frequencies follow Zipf's law: a small cache answers most look-ups. It is bounded so
// that a hostile text made of millions of distinct words cannot grow it without limit.
const CACHE_LIMIT = 200_000;
const caches = Object.fromEntries(LANGS.map((lang) => [lang, new Map<string, string>()])) as Record<Lang, Map<string, string>>;

/**
 * Longer words are their own stem. The stemmers' expressions are quadratic in the length of a
 * word without vowels (natural's English one took 3 s for a run of 30,000 Cyrillic letters, in
 * a text without spaces), and the longest word of the bundled lexicons has 31 characters.
 */
const MAX_STEMMED_LENGTH = 64;

/** Stem of an already lower-cased word, with the Porter stemmer of `lang`; the word itself past `MAX_STEMMED_LENGTH`. */
export function stem(word: string, lang: Lang): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  const cache = caches[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = stemmerFor(lang).stem(word);
    // natural returns '' for some inputs (e.g. a lone combining mark): keep the word then.
    if (stemmed === '') stemmed = word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}
