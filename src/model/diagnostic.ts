import type { Edit } from "./edit.ts";

/** How much a diagnostic matters: an `error` fails `rfc check`, a `warning` does not. */
export type Severity = "error" | "warning";

/** A rule's finding about one place in the repository. Diagnostics are data, never exceptions. */
export interface Diagnostic {
  /** Path relative to the repository root, with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  /** One line on what to do about it. */
  hint?: string;
  /** A fix, when the rule can make one. */
  fix?: Edit;
}

/** Orders diagnostics by file, then position, then rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
