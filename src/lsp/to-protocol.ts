import type { Diagnostic as LspDiagnostic, Range, TextEdit } from "vscode-languageserver";
import { lineText, type RfcDocument } from "../model/document.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Edit } from "../model/edit.ts";
import type { Position } from "../model/position.ts";
import { ruleDocUrl } from "../rules/define-rule.ts";

// The protocol's numbers, written out so this module needs no value import from the library.
const severities = { error: 1, warning: 2 } as const;

/** A model position (1-based line and column, UTF-16 columns) as the protocol's (0-based, UTF-16 by default). */
export function toProtocolPosition(at: Position): { line: number; character: number } {
  return { line: at.line - 1, character: at.column - 1 };
}

/** A protocol position as the model's. */
export function fromProtocolPosition(at: { line: number; character: number }): Position {
  return { line: at.line + 1, column: at.character + 1 };
}

/**
 * A diagnostic as an editor shows it: the rule id as `code` with its page as `codeDescription`,
 * the hint on a line of its own. A finding at a point (a missing key, a missing section) is
 * underlined to the end of its line, since editors draw nothing for an empty range.
 */
export function toProtocolDiagnostic(diagnostic: Diagnostic, doc: RfcDocument | null): LspDiagnostic {
  let range: Range = {
    start: toProtocolPosition({ line: diagnostic.line, column: diagnostic.column }),
    end: toProtocolPosition({ line: diagnostic.endLine, column: diagnostic.endColumn }),
  };
  const isPoint = diagnostic.endLine === diagnostic.line && diagnostic.endColumn <= diagnostic.column;
  if (isPoint && doc) {
    const length = lineText(doc, diagnostic.line).length;
    range = { start: { line: diagnostic.line - 1, character: Math.min(diagnostic.column - 1, length) }, end: { line: diagnostic.line - 1, character: length } };
    if (range.start.character === length) range.start.character = 0;
  }
  return {
    range,
    severity: severities[diagnostic.severity],
    code: diagnostic.rule,
    codeDescription: { href: ruleDocUrl(diagnostic.rule) },
    source: "rfckit",
    message: diagnostic.hint ? `${diagnostic.message}\nhint: ${diagnostic.hint}` : diagnostic.message,
  };
}

/** A model edit as a text edit on the document it was computed for. */
export function toTextEdit(edit: Edit, doc: RfcDocument): TextEdit {
  switch (edit.kind) {
    case "insert": {
      const at = toProtocolPosition(edit.at);
      return { range: { start: at, end: at }, newText: edit.text };
    }
    case "replace":
      return { range: { start: toProtocolPosition(edit.from), end: toProtocolPosition(edit.to) }, newText: edit.text };
    case "delete-lines":
      return { range: { start: { line: edit.first - 1, character: 0 }, end: lineEndAfter(doc, edit.last) }, newText: "" };
  }
}

/** Where the line after `line` starts, or the end of the text when `line` is the last. */
function lineEndAfter(doc: RfcDocument, line: number): { line: number; character: number } {
  if (doc.lineStarts[line] !== undefined) return { line, character: 0 };
  return { line: line - 1, character: lineText(doc, line).length };
}
