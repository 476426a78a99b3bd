import type { Lang, LexiconData } from '../types.js';
import { compileLexicon, type Lexicon } from './compile.js';
import fr from '../../lexicons/fr.json' with { type: 'json' };
import en from '../../lexicons/en.json' with { type: 'json' };

// The bundled files are checked against their schema by the tests (tests/lexicon.test.ts), so
// a run does not load and compile the schema validator for them: 60 ms of every start-up.
const DATA = { fr, en } as unknown as Record<Lang, LexiconData>;
const compiled = new Map<Lang, Lexicon>();

/** The lexicon shipped with novlangue for `lang`, compiled once on first use. */
export function bundledLexicon(lang: Lang): Lexicon {
  let lexicon = compiled.get(lang);
  if (!lexicon) {
    lexicon = compileLexicon(DATA[lang], `lexicons/${lang}.json`);
    compiled.set(lang, lexicon);
  }
  return lexicon;
}
