/**
 * Percentile bootstrap intervals of an AUC, resampling within each class (stratified): every
 * resample keeps the numbers of positive and negative documents, and draws each class's scores
 * with replacement from that class. Seeded: the same scores give the same interval.
 */
import { auc } from './auc.js';
import { randomFor } from './random.js';

export interface BootstrapOptions {
  /** Number of resamples; 0: no interval. */
  resamples: number;
  seed: number;
  /** What is resampled (`all:rest`, `fr:critical`): each name draws its own sequence from the seed. */
  name: string;
  /** Coverage of the interval. Default 0.95. */
  level?: number;
}

/** The `q` quantile of sorted values, interpolated between the two nearest ranks (R's type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

/**
 * `[low, high]` bounds of the AUC of `positives` against `negatives`; `null` without resamples
 * or without documents on either side. The result depends on the scores, not on their order.
 */
export function bootstrapInterval(positives: readonly number[], negatives: readonly number[], options: BootstrapOptions): [number, number] | null {
  if (options.resamples <= 0 || positives.length === 0 || negatives.length === 0) return null;
  const pos = Float64Array.from(positives).sort();
  const neg = Float64Array.from(negatives).sort();
  const random = randomFor(options.seed, options.name);
  const draw = (from: Float64Array, into: number[]): void => {
    for (let i = 0; i < into.length; i++) into[i] = from[Math.floor(random() * from.length)]!;
  };
  const samplePos = new Array<number>(pos.length);
  const sampleNeg = new Array<number>(neg.length);
  const aucs = new Float64Array(options.resamples);
  for (let r = 0; r < options.resamples; r++) {
    draw(pos, samplePos);
    draw(neg, sampleNeg);
    aucs[r] = auc(samplePos, sampleNeg);
  }
  aucs.sort();
  const tail = (1 - (options.level ?? 0.95)) / 2;
  return [quantile(aucs, tail), quantile(aucs, 1 - tail)];
}
