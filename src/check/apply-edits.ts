import type { Edit } from "../model/edit.ts";
import type { Position } from "../model/position.ts";

/** The text after applying edits, and the edits left out because they overlapped one already applied. */
export interface AppliedEdits {
  text: string;
  skipped: Edit[];
}

/**
 * Applies edits to `text`, from the end of the text backwards so earlier positions stay valid.
 * Duplicates are applied once; an edit that overlaps one already applied is skipped. Lines are
 * counted on `\n`, so CRLF text keeps its `\r` wherever an edit does not replace it. Pure.
 */
export function applyEdits(text: string, edits: readonly Edit[]): AppliedEdits {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const offsetOf = (at: Position): number => {
    const start = lineStarts[at.line - 1];
    if (start === undefined) return text.length;
    return Math.min(start + at.column - 1, text.length);
  };
  const ranges = edits.map((edit) => {
    switch (edit.kind) {
      case "insert": {
        const at = offsetOf(edit.at);
        return { edit, from: at, to: at, text: edit.text };
      }
      case "replace":
        return { edit, from: offsetOf(edit.from), to: offsetOf(edit.to), text: edit.text };
      case "delete-lines":
        return { edit, from: lineStarts[edit.first - 1] ?? text.length, to: lineStarts[edit.last] ?? text.length, text: "" };
    }
  });
  // Last first; among edits at the same place, keep their given order.
  const order = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => b.from - a.from || b.to - a.to || a.i - b.i);
  const skipped: Edit[] = [];
  const seen = new Set<string>();
  let result = text;
  let floor = Infinity; // start of the earliest change applied so far
  for (const r of order) {
    const key = `${r.from}:${r.to}:${r.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.to > floor || (r.to === floor && r.from < r.to && r.from !== floor)) {
      skipped.push(r.edit);
      continue;
    }
    result = result.slice(0, r.from) + r.text + result.slice(r.to);
    floor = r.from;
  }
  return { text: result, skipped };
}
