import path from "node:path";
import { compareDiagnostics } from "../model/diagnostic.ts";
import type { Reporter } from "./format.ts";
import { toOneLine } from "./sanitize.ts";

/**
 * One line per diagnostic, `file:line:column: severity message [rule]`, the shape compilers print
 * and editors' problem matchers read; nothing else, so a clean check prints nothing. Paths are
 * relative to the folder the command ran in, as the editor's task resolves them.
 */
export const renderCompact: Reporter = (diagnostics, context) => {
  const from = context.cwd ?? context.root;
  const lines = [...diagnostics].sort(compareDiagnostics).map((d) => {
    const file = path.relative(from, path.join(context.root, d.file)).split(path.sep).join("/");
    return `${toOneLine(file)}:${d.line}:${d.column}: ${d.severity} ${toOneLine(d.message)} [${d.rule}]`;
  });
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
};
