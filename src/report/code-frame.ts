import { toOneLine } from "./sanitize.ts";

/** One source line prepared for display, with where the caret line goes. */
export interface FrameLine {
  /** The line (or a window of it, with `…` where it was cut), safe to print. */
  text: string;
  /** Whitespace to print before the carets: tabs where the text has tabs, so the carets line up. */
  caretPad: string;
  /** How many `^` to print: the width of the marked range on this line, at least one. */
  caretCount: number;
}

/** Where to point in the line: 1-based columns; `endColumn` is exclusive and only used when above `column`. */
export interface FrameRange {
  column: number;
  endColumn?: number;
}

/**
 * Prepares a source line for a code frame. Lines longer than `maxWidth` are cut to a window
 * around the column; control characters are removed, so an RFC cannot drive the terminal.
 */
export function toFrameLine(raw: string, range: FrameRange, maxWidth = 160): FrameLine {
  let start = 0;
  let end = raw.length;
  const at = Math.min(Math.max(range.column - 1, 0), raw.length);
  if (raw.length > maxWidth) {
    start = Math.min(Math.max(at - Math.floor(maxWidth / 2), 0), raw.length - maxWidth);
    end = start + maxWidth;
    // Never cut a surrogate pair in half: half an emoji prints as garbage.
    if (start > 0 && isLowSurrogate(raw.charCodeAt(start))) start++;
    if (end < raw.length && isHighSurrogate(raw.charCodeAt(end - 1))) end--;
  }
  const caretAt = Math.min(Math.max(at, start), end);
  const markEnd = Math.min(range.endColumn !== undefined && range.endColumn - 1 > at ? range.endColumn - 1 : at + 1, end);
  const before = toOneLine(raw.slice(start, caretAt));
  const marked = toOneLine(raw.slice(caretAt, markEnd));
  const cutBefore = start > 0 ? "…" : "";
  const cutAfter = end < raw.length ? "…" : "";
  return {
    text: `${cutBefore}${toOneLine(raw.slice(start, end))}${cutAfter}`,
    caretPad: (cutBefore ? " " : "") + [...before].map((ch) => (ch === "\t" ? "\t" : " ")).join(""),
    caretCount: Math.max(1, [...marked].length),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
