import type { Lang } from '../types.js';
import { loadLexicon, type Lexicon } from './compile.js';
import fr from '../../lexicons/fr.json' with { type: 'json' };
import en from '../../lexicons/en.json' with { type: 'json' };

const DATA: Record<Lang, unknown> = { fr, en };
const compiled = new Map<Lang, Lexicon>();

/** The lexicon shipped with novlangue for `lang`, compiled once on first use. */
export function bundledLexicon(lang: Lang): Lexicon {
  let lexicon = compiled.get(lang);
  if (!lexicon) {
    lexicon = loadLexicon(DATA[lang], `lexicons/${lang}.json`);
    compiled.set(lang, lexicon);
  }
  return lexicon;
}
