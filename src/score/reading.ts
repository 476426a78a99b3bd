import type { DocumentStance, Finding } from '../types.js';

/**
 * The reading of a document follows its score: a text reads `promotional` only when its score
 * says the novlangue is dense and its own voice carries rhetoric, not merely the topic's names.
 */

/** Score from which a text can read `promotional`. */
export const PROMOTIONAL_SCORE = 10;
/** Weight of rhetoric (not topic) findings in the author's voice from which a text can read `promotional`. */
export const PROMOTIONAL_WEIGHT = 4;

/** `promotional`, `critical` or `neutral`, from the score, the findings' stances and the critical frame. */
export function readingOf(score: number, findings: readonly Pick<Finding, 'weight' | 'stance' | 'role'>[], criticalFrame: boolean): DocumentStance['reading'] {
  let ownRhetoric = 0;
  let own = 0;
  let held = 0;
  for (const finding of findings) {
    if (finding.stance !== 'use') held += finding.weight;
    else {
      own += finding.weight;
      if (finding.role === 'rhetoric') ownRhetoric += finding.weight;
    }
  }
  if (score >= PROMOTIONAL_SCORE && ownRhetoric >= PROMOTIONAL_WEIGHT && !criticalFrame) return 'promotional';
  return criticalFrame || held > own ? 'critical' : 'neutral';
}
