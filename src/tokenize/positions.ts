import type { Place, Point } from '../types.js';

/** Turns offsets into unist points. Built once per text. */
export class PositionMap {
  private readonly lineStarts: number[];

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

  /**
   * A point function for offsets given in non-decreasing order (tokens in text order): it
   * walks the line table once instead of searching it for every offset.
   */
  forward(): (offset: number) => Point {
    const starts = this.lineStarts;
    let line = 0;
    return (offset) => {
      while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
      return { line: line + 1, column: offset - (starts[line] as number) + 1, offset };
    };
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
