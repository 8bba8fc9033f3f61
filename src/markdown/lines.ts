import { sliceLine } from "../model/document.ts";

/** Offsets at which each line of `text` starts. */
export function toLineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf("\n");
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf("\n", i + 1);
  }
  return starts;
}

/** Lines without their line endings, by index: an array of them, or a text read on demand. */
export interface LineList {
  readonly length: number;
  /** The line at `index` (negative counts from the end, as for arrays); undefined past either end. */
  at(index: number): string | undefined;
}

/**
 * The lines of `text` (ending in `\n` or `\r\n`) as `text.split(/\r?\n/)` gives them, but each
 * sliced out only when asked for: parsing reads a few lines of most files, not all of them.
 */
export function toLineList(text: string, lineStarts: readonly number[]): LineList {
  const length = lineStarts.length;
  return {
    length,
    at: (index) => (index < 0 ? sliceLine(text, lineStarts, index + length) : sliceLine(text, lineStarts, index)),
  };
}
