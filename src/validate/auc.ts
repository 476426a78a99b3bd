/**
 * ROC AUC of scores: the probability that a positive document scores above a negative one,
 * ties counting half. It is the Mann-Whitney U statistic divided by `positives × negatives`:
 * 1 when every positive scores above every negative, 0 when every one scores below, 0.5 for
 * scores that tell nothing (all equal, or as often above as below). `NaN` when either list is
 * empty: there is no pair to compare.
 */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return NaN;
  const pos = Float64Array.from(positives).sort();
  const neg = Float64Array.from(negatives).sort();
  // For each positive in ascending order: the negatives below it count 1, those equal to it ½.
  let below = 0;
  let belowOrEqual = 0;
  let u = 0;
  for (const score of pos) {
    while (below < neg.length && neg[below]! < score) below++;
    if (belowOrEqual < below) belowOrEqual = below;
    while (belowOrEqual < neg.length && neg[belowOrEqual]! <= score) belowOrEqual++;
    u += below + (belowOrEqual - below) / 2;
  }
  return u / (pos.length * neg.length);
}
