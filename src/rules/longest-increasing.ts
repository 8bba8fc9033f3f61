/**
 * Positions (into `values`) of one longest strictly increasing subsequence, in order. Among
 * equally long ones it keeps the one ending in the smallest values, as patience sorting does.
 */
export function longestIncreasing(values: readonly number[]): number[] {
  // tails[k]: position of the smallest value ending an increasing run of length k + 1.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (const [i, value] of values.entries()) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) out.push(i);
  return out.reverse();
}
