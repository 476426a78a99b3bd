/**
 * The worst inversions: documents of other labels that score above positive ones. The
 * highest-scoring other document is paired with the lowest-scoring positive one, the second
 * with the second, and so on while the first still scores above the second: the documents a
 * researcher should read first to see what the score gets wrong.
 */
import type { LabelledDocument, RankedRef, WorstPair } from './types.js';

const ref = ({ file, label, lang, score }: LabelledDocument): RankedRef => ({ file, label, lang, score });
const byFile = (a: LabelledDocument, b: LabelledDocument): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

export function worstPairs(documents: readonly LabelledDocument[], positive: string, limit: number): WorstPair[] {
  const others = documents.filter((document) => document.label !== positive).sort((a, b) => b.score - a.score || byFile(a, b));
  const positives = documents.filter((document) => document.label === positive).sort((a, b) => a.score - b.score || byFile(a, b));
  const pairs: WorstPair[] = [];
  for (let i = 0; i < Math.min(limit, others.length, positives.length); i++) {
    if (others[i]!.score <= positives[i]!.score) break;
    pairs.push({ above: ref(others[i]!), below: ref(positives[i]!) });
  }
  return pairs;
}
