import { createRequire } from 'node:module';
import type { Lang } from '../types.js';
import type { Compromise } from './fr-compromise.js';

/**
 * Part-of-speech tags from `fr-compromise` (French) and `compromise` (English), for the
 * enumeration rule only. The taggers run at well under a megabyte per second, so they are
 * loaded on first use and only ever see the short stretches of text a cheap pre-filter chose.
 */

const PACKAGES: Record<Lang, string> = { fr: 'fr-compromise', en: 'compromise' };
const ADJECTIVE_TAGS = new Set(['Adjective', 'PastParticiple']);
const loaded = new Map<Lang, Compromise>();

function tagger(lang: Lang): Compromise {
  let nlp = loaded.get(lang);
  if (!nlp) {
    const required = createRequire(import.meta.url)(PACKAGES[lang]) as Compromise | { default: Compromise };
    nlp = typeof required === 'function' ? required : required.default;
    loaded.set(lang, nlp);
  }
  return nlp;
}

/**
 * The offsets (relative to `text`) of the terms the tagger reads as adjectives or adjectival
 * participles. Offsets are UTF-16 code units, like the tokens'.
 */
export function adjectiveOffsets(text: string, lang: Lang): Set<number> {
  const offsets = new Set<number>();
  for (const sentence of tagger(lang)(text).json({ offset: true })) {
    for (const term of sentence.terms) {
      if (term.text === '' || !term.tags.some((tag) => ADJECTIVE_TAGS.has(tag))) continue;
      offsets.add(term.offset.start);
      // The tagger keeps an elided article with its word (`l'humaine`); the tokenizer does not.
      const apostrophe = Math.max(term.text.lastIndexOf("'"), term.text.lastIndexOf('\u2019'));
      if (apostrophe >= 0) offsets.add(term.offset.start + apostrophe + 1);
    }
  }
  return offsets;
}
