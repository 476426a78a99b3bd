/**
 * Stratified folds for cross-validation: the documents of each label are shuffled (seeded) and
 * dealt in turn to the `k` folds, so that every fold holds about the same share of each label.
 */
import { randomFor } from './random.js';

/** The fold (0 to k − 1) of each item, in the items' order. Depends on the labels and files, not on the items' order. */
export function stratifiedFolds(items: ReadonlyArray<{ label: string; file: string }>, k: number, seed: number, name: string): number[] {
  const folds = new Array<number>(items.length).fill(0);
  const byLabel = new Map<string, number[]>();
  items.forEach((item, index) => {
    let indexes = byLabel.get(item.label);
    if (!indexes) byLabel.set(item.label, (indexes = []));
    indexes.push(index);
  });
  const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  let dealt = 0;
  for (const label of [...byLabel.keys()].sort(compare)) {
    const indexes = byLabel.get(label)!.sort((a, b) => compare(items[a]!.file, items[b]!.file));
    const random = randomFor(seed, `${name}:${label}`);
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
    }
    for (const index of indexes) folds[index] = dealt++ % k;
  }
  return folds;
}
