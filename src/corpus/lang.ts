import { analyze, type AnalyzeOptions } from '../analyze.js';
import type { Lexicon } from '../lexicon/compile.js';
import type { Lang } from '../types.js';

/**
 * What `'auto'` means while the core analyser cannot detect languages. THE ONE PLACE that
 * decides it: `'auto'` is passed to `analyze()` as soon as it accepts it (probed once below);
 * until then it means French, the language of the bundled corpus and of the essay.
 */
export const AUTO_LANG_FALLBACK: Lang = 'fr';

let autoAccepted: boolean | undefined;

/** Does `analyze()` accept `lang: 'auto'` yet? */
export function analyzeAcceptsAuto(): boolean {
  if (autoAccepted === undefined) {
    try {
      analyze('', { lang: 'auto' as unknown as Lang });
      autoAccepted = true;
    } catch {
      autoAccepted = false;
    }
  }
  return autoAccepted;
}

/** The `analyze()` options of a corpus run. A lexicon carries its own language. */
export function analyzeOptionsFor(lang: Lang | 'auto', lexicon: Lexicon | undefined): AnalyzeOptions {
  if (lexicon) return { lexicon };
  if (lang !== 'auto') return { lang };
  return { lang: analyzeAcceptsAuto() ? ('auto' as unknown as Lang) : AUTO_LANG_FALLBACK };
}
