/**
 * Seeded random numbers for the bootstrap and the folds of cross-validation: the same seed gives
 * the same sequence on every platform and every run, so a report is the same byte for byte.
 */

/** FNV-1a hash of a string, 32 bits. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for one named use of a seed (`fr:critical`, `folds:en`): each use draws its own
 * sequence, so a figure does not depend on which figures were computed before it.
 */
export const randomFor = (seed: number, name: string): (() => number) => seededRandom(hash32(`${seed >>> 0}:${name}`));
