import { lineText, type RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import type { Position } from "../model/position.ts";

/**
 * An edit replacing `old`, written at `at` on one line, with `text`; undefined when the line does
 * not hold `old` there. Positions in the model point at values as parsed, and a value can be
 * written otherwise (quoted YAML, an escape): checking the bytes first means a fix never changes
 * text it did not read.
 */
export function replaceText(doc: RfcDocument, at: Position, old: string, text: string): Edit | undefined {
  const start = at.column - 1;
  if (old === "" || old === text || start < 0 || lineText(doc, at.line).slice(start, start + old.length) !== old) return undefined;
  return { kind: "replace", from: at, to: { line: at.line, column: at.column + old.length }, text };
}
