import type { MarkdownIt, StateBlock, StateCore } from "markdown-it";
import { toLineStarts } from "./lines.ts";

/**
 * markdown-it's block state for `text`, ready for `parser.block.tokenize`. markdown-it's own
 * constructor builds the line tables by reading every character in JavaScript, the single largest
 * cost of parsing an RFC; here each line's end is found with `indexOf` (a native search) and only
 * its indent is read. The state itself comes from markdown-it's constructor (on an empty text), so
 * every other field is its own; a test holds the tables to the constructor's for awkward texts.
 * The tables are typed arrays, reused by the next call: the state is good until then.
 * `lineStarts` are the offsets where `text`'s lines start, when the caller has them already.
 */
export function createBlockState(parser: MarkdownIt, text: string, env: StateCore["env"], lineStarts: readonly number[] = toLineStarts(text)): StateBlock {
  const state = new parser.block.State("", parser, env, []);
  state.src = text;
  // One line more than the text has, for markdown-it's fake last line.
  if (tables.bMarks.length < lineStarts.length + 1) tables = lineTables(Math.max(lineStarts.length + 1, tables.bMarks.length * 2));
  const { bMarks, eMarks, tShift, sCount, bsCount } = tables;
  const length = text.length;
  let lines = 0;
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
    bMarks[lines] = start;
    eMarks[lines] = end;
    tShift[lines] = at - start;
    sCount[lines] = offset;
    bsCount[lines] = 0;
    lines++;
  }
  // markdown-it's fake last line, which spares its rules a bounds check.
  bMarks[lines] = length;
  eMarks[lines] = length;
  tShift[lines] = 0;
  sCount[lines] = 0;
  bsCount[lines] = 0;
  const view = (table: Int32Array) => table.subarray(0, lines + 1);
  Object.assign(state, { bMarks: view(bMarks), eMarks: view(eMarks), tShift: view(tShift), sCount: view(sCount), bsCount: view(bsCount), lineMax: lines });
  return state;
}

interface LineTables {
  bMarks: Int32Array;
  eMarks: Int32Array;
  tShift: Int32Array;
  sCount: Int32Array;
  bsCount: Int32Array;
}

function lineTables(lines: number): LineTables {
  return { bMarks: new Int32Array(lines), eMarks: new Int32Array(lines), tShift: new Int32Array(lines), sCount: new Int32Array(lines), bsCount: new Int32Array(lines) };
}

// Reused from one parse to the next (markdown-it reads them only while it tokenizes): the tables
// of the Rust RFCs would otherwise be a tenth of everything a check allocates.
let tables = lineTables(4096);
