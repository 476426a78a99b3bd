import { createRequire } from 'node:module';
import { languageOf, LANGS } from '../languages/index.js';
import type { Lang } from '../types.js';
import type { Compromise } from './fr-compromise.js';

/**
 * Part-of-speech tags from `fr-compromise` (French) and `compromise` (English), for the
 * enumeration rule only. The taggers run at well under a megabyte per second, so they are
 * loaded on first use and only ever see the words a cheap pre-filter chose, once each.
 */

const ADJECTIVE_TAGS = new Set(['Adjective', 'PastParticiple']);
const loaded = new Map<Lang, Compromise>();

function tagger(lang: Lang): Compromise {
  let nlp = loaded.get(lang);
  if (!nlp) {
    const required = createRequire(import.meta.url)(languageOf(lang).tagger) as Compromise | { default: Compromise };
    nlp = typeof required === 'function' ? required : required.default;
    loaded.set(lang, nlp);
  }
  return nlp;
}

// Adjective-ness is judged per word form, out of context: deterministic (the same word gets
// the same answer in every document, in every worker thread) and cacheable, so the tagger
// sees each distinct form once instead of every candidate sentence. Taggers read isolated
// forms well ("collaborative", "résiliente", "seamless" are adjectives; "habitants" is not).
const CACHE_LIMIT = 50_000;
/** Forms longer than this are not words a tagger knows: never adjectives, never tagged. */
const MAX_FORM_LENGTH = 40;
const judged = Object.fromEntries(LANGS.map((lang) => [lang, new Map<string, boolean>()])) as Record<Lang, Map<string, boolean>>;

/** Does the tagger read this lower-cased word form as an adjective (or adjectival participle)? */
export function isAdjectiveForm(form: string, lang: Lang): boolean {
  if (form.length > MAX_FORM_LENGTH) return false;
  const cache = judged[lang];
  let adjective = cache.get(form);
  if (adjective === undefined) {
    // Tags only: offsets (`json({ offset: true })`) cost the tagger 12 % more and say nothing here.
    adjective = tagger(lang)(form)
      .json()
      .some((sentence) => sentence.terms.some((term) => term.tags.some((tag) => ADJECTIVE_TAGS.has(tag))));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(form, adjective);
  }
  return adjective;
}
