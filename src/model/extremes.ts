/**
 * The largest of the values, or `empty` when there are none. A loop, where `Math.max(...values)`
 * overflows the stack past about 100,000 values: an RFC may have that many headings or findings.
 */
export function maxOf(values: Iterable<number>, empty: number): number {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  return max === -Infinity ? empty : max;
}

/** The smallest of the values, or `empty` when there are none (see `maxOf`). */
export function minOf(values: Iterable<number>, empty: number): number {
  let min = Infinity;
  for (const value of values) if (value < min) min = value;
  return min === Infinity ? empty : min;
}
