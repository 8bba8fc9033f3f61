import type { MarkdownIt, StateBlock, StateCore } from "markdown-it";
import { toLineStarts } from "./lines.ts";

/**
 * markdown-it's block state for `text`, ready for `parser.block.tokenize`. markdown-it's own
 * constructor builds the line tables by reading every character in JavaScript, the single largest
 * cost of parsing an RFC; here each line's end is found with `indexOf` (a native search) and only
 * its indent is read. The state itself comes from markdown-it's constructor (on an empty text), so
 * every other field is its own; a test holds the tables to the constructor's for awkward texts.
 * `lineStarts` are the offsets where `text`'s lines start, when the caller has them already.
 */
export function createBlockState(parser: MarkdownIt, text: string, env: StateCore["env"], lineStarts: readonly number[] = toLineStarts(text)): StateBlock {
  const state = new parser.block.State("", parser, env, []);
  state.src = text;
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  const length = text.length;
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line]!;
    if (start >= length) break;
    const last = line + 1 === lineStarts.length;
    const end = last ? length : lineStarts[line + 1]! - 1;
    let at = start;
    let offset = 0;
    for (; at < end; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x20) offset++;
      else if (c === 0x09) offset += 4 - (offset % 4);
      else break;
    }
    // Like markdown-it, drop a last line that has no newline and nothing but spaces and tabs.
    if (last && at === end) break;
    bMarks.push(start);
    eMarks.push(end);
    tShift.push(at - start);
    sCount.push(offset);
    bsCount.push(0);
  }
  // markdown-it's fake last line, which spares its rules a bounds check.
  bMarks.push(length);
  eMarks.push(length);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  Object.assign(state, { bMarks, eMarks, tShift, sCount, bsCount, lineMax: bMarks.length - 1 });
  return state;
}
