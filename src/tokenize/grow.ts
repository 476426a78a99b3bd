type Column = Uint8Array | Int32Array | Uint32Array;

/** A copy of `column` with room for `size` values (typed arrays cannot grow in place). */
export function grown<T extends Column>(column: T, size: number): T {
  const larger = new (column.constructor as new (size: number) => T)(size);
  larger.set(column);
  return larger;
}
