import { compareDiagnostics, type Diagnostic } from "../model/diagnostic.ts";
import { makePainter, type Style } from "./ansi.ts";
import { toFrameLine } from "./code-frame.ts";
import type { ReportContext, Reporter } from "./format.ts";
import { toOneLine } from "./sanitize.ts";
import { maxOf } from "../model/extremes.ts";

type Paint = (style: Style, text: string) => string;

/**
 * The terminal format: diagnostics grouped under their file, each with a code frame and its hint,
 * then the notes and a one-line summary. Every piece of RFC text goes through `toOneLine`, so a
 * file name or message cannot move the cursor or recolour the terminal.
 */
export const renderPretty: Reporter = (diagnostics, context) => {
  const paint = makePainter(context.color);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) out.push(renderFile(file, list, context, paint), "");
  for (const note of context.notes) out.push(toOneLine(note));
  out.push(renderSummary(diagnostics, byFile.size, context.fileCount, paint));
  return `${out.join("\n")}\n`;
};

function renderFile(file: string, list: readonly Diagnostic[], context: ReportContext, paint: Paint): string {
  const positionWidth = maxOf(list.map((d) => `${d.line}:${d.column}`.length), 0);
  const gutterWidth = maxOf(list.map((d) => String(d.line).length), 0);
  const lines = [paint("bold", toOneLine(file))];
  let previous: Diagnostic | undefined;
  for (const d of list) {
    const colour = d.severity === "error" ? "red" : "yellow";
    const position = `${d.line}:${d.column}`.padEnd(positionWidth);
    lines.push(`  ${paint("dim", position)}  ${paint(colour, d.severity.padEnd(7))}  ${toOneLine(d.message)}  ${paint("dim", toOneLine(d.rule))}`);
    // Several findings at one spot (missing keys at the end of a header) share the frame printed first.
    const samePlace = previous !== undefined && previous.line === d.line && previous.column === d.column && previous.endLine === d.endLine && previous.endColumn === d.endColumn;
    previous = d;
    const source = samePlace ? undefined : context.lineOf(d.file, d.line);
    if (source !== undefined) {
      const frame = toFrameLine(source, { column: d.column, ...(d.endLine === d.line ? { endColumn: d.endColumn } : {}) });
      lines.push(`    ${paint("dim", `${String(d.line).padStart(gutterWidth)} |`)} ${frame.text}`.trimEnd());
      lines.push(`    ${paint("dim", `${" ".repeat(gutterWidth)} |`)} ${frame.caretPad}${paint(colour, "^".repeat(frame.caretCount))}`);
    }
    if (d.hint !== undefined) lines.push(`    hint: ${toOneLine(d.hint)}`);
  }
  return lines.join("\n");
}

function renderSummary(diagnostics: readonly Diagnostic[], problemFiles: number, fileCount: number, paint: Paint): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  // Nothing read is never a success: `--changed` with no RFC changed, say, checked nothing.
  if (diagnostics.length === 0 && fileCount === 0) return "No RFC to check: nothing was checked.";
  if (diagnostics.length === 0) return paint("green", `✔ ${count(fileCount, "file")} checked, no problems.`);
  const what = [errors > 0 ? count(errors, "error") : "", warnings > 0 ? count(warnings, "warning") : ""].filter(Boolean).join(" and ");
  // Findings on files that are not RFCs (book.toml, a sub-chapter) can outnumber the RFCs checked.
  const where = problemFiles <= fileCount ? `${problemFiles} of ${count(fileCount, "file")}` : count(problemFiles, "file");
  return paint(errors > 0 ? "red" : "yellow", `✖ ${what} in ${where}.`);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
