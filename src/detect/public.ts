import { describeValue } from '../errors.js';
import { isLang, langList } from '../languages/index.js';
import type { Segment } from '../tokenize/index.js';
import type { Lang } from '../types.js';
import { detectLanguage as detect, segmentByLanguage as segment } from './detect.js';

export type { Segment } from '../tokenize/index.js';

function check(name: string, text: unknown, fallback: unknown): asserts text is string {
  if (typeof text !== 'string') {
    throw new TypeError(`novlangue: ${name}() expects the text as a string, instead received ${describeValue(text)}.`);
  }
  if (!isLang(fallback)) {
    throw new TypeError(`novlangue: ${name}() expects the fallback language as ${langList()}, instead received ${typeof fallback === 'string' ? `"${fallback}"` : describeValue(fallback)}.`);
  }
}

/**
 * The language of a document, French or English: franc (trigrams) on a sample of the body —
 * the title block skipped —, checked against function words so that French prose full of
 * English buzzwords stays French.
 * @param text the document
 * @param fallback what to answer when the text is too short to tell (default `'fr'`)
 * @throws {TypeError} when `text` is not a string or `fallback` not `'fr'` / `'en'`
 */
export function detectLanguage(text: string, fallback: Lang = 'fr'): Lang {
  check('detectLanguage', text, fallback);
  return detect(text, fallback);
}

/**
 * Split a document into stretches of one language, paragraph by paragraph (an English
 * paragraph in a French page). Segments cover the whole text, in order, without overlap;
 * short paragraphs take the document's language.
 * @param text the document
 * @param fallback the document's language when it is too short to tell (default `'fr'`)
 * @throws {TypeError} when `text` is not a string or `fallback` not `'fr'` / `'en'`
 */
export function segmentByLanguage(text: string, fallback: Lang = 'fr'): Segment[] {
  check('segmentByLanguage', text, fallback);
  return segment(text, fallback);
}
