import { diffArrays } from "diff";
import type { TextEdit } from "vscode-languageserver";

/**
 * The edits that turn `before` into `after`, one per run of changed lines, positioned in
 * `before`: an editor applies them without moving the cursor or folds elsewhere, and each
 * stays one step of undo with the others.
 */
export function toMinimalEdits(before: string, after: string): TextEdit[] {
  const oldLines = splitLines(before);
  const parts = diffArrays(oldLines, splitLines(after));
  const edits: TextEdit[] = [];
  let line = 0;
  let pending: { from: number; removed: number; text: string } | null = null;
  const close = () => {
    if (!pending) return;
    edits.push({ range: { start: { line: pending.from, character: 0 }, end: positionOfLine(oldLines, pending.from + pending.removed) }, newText: pending.text });
    pending = null;
  };
  for (const part of parts) {
    if (!part.added && !part.removed) {
      close();
      line += part.value.length;
      continue;
    }
    pending ??= { from: line, removed: 0, text: "" };
    if (part.removed) {
      pending.removed += part.value.length;
      line += part.value.length;
    } else pending.text += part.value.join("");
  }
  close();
  return edits;
}

/** Lines with their endings, so joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The start of line `index`, or the end of the text when that is past a last line with no ending. */
function positionOfLine(lines: readonly string[], index: number): { line: number; character: number } {
  const last = lines[lines.length - 1];
  if (index >= lines.length && last !== undefined && !last.endsWith("\n")) return { line: lines.length - 1, character: last.length };
  return { line: index, character: 0 };
}
