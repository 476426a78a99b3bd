import type { Place, Point } from '../types.js';

/**
 * Turns offsets into unist points. Built once per text; `place()` must be called with
 * non-decreasing start offsets (the tokenizer's order), which keeps the whole pass linear.
 */
export class PositionMap {
  private readonly lineStarts: number[];
  private cursor = 0;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** The point at `offset`, moving the cursor forward (use for offsets in increasing order). */
  pointForward(offset: number): Point {
    const starts = this.lineStarts;
    while (this.cursor + 1 < starts.length && (starts[this.cursor + 1] as number) <= offset) this.cursor++;
    const lineStart = starts[this.cursor] as number;
    return { line: this.cursor + 1, column: offset - lineStart + 1, offset };
  }

  /** The point at any offset (binary search; for out-of-order look-ups). */
  point(offset: number): Point {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset };
  }

  /** Place of `[start, end)`, for look-ups in any order. */
  place(start: number, end: number): Place {
    return { start: this.point(start), end: this.point(end) };
  }
}
