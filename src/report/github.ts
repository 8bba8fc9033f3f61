import { compareDiagnostics } from "../model/diagnostic.ts";
import type { Reporter } from "./format.ts";
import { withPathPrefix } from "./path-prefix.ts";
import { stripControl } from "./sanitize.ts";

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per diagnostic, then a
 * `::notice` per note. Paths are relative to the repository root, plus `context.pathPrefix`
 * when the root is not the git top-level (GitHub resolves annotation paths from the top-level).
 */
export const renderGithub: Reporter = (diagnostics, context) => {
  const lines = [...diagnostics].sort(compareDiagnostics).map((d) => {
    const properties: [string, string | number][] = [["file", withPathPrefix(d.file, context.pathPrefix)], ["line", d.line]];
    // GitHub rejects columns on an annotation that spans several lines.
    if (d.endLine === d.line) properties.push(["col", d.column]);
    properties.push(["endLine", d.endLine]);
    if (d.endLine === d.line) properties.push(["endColumn", d.endColumn]);
    properties.push(["title", d.rule]);
    const message = d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}`;
    const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
    return `::${d.severity} ${list}::${escapeData(message)}`;
  });
  for (const note of context.notes) lines.push(`::notice::${escapeData(note)}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
};

/** Escapes a command's message as the Actions runner expects (`escapeData` in @actions/core). */
export function escapeData(text: string): string {
  // Control characters go first: the log viewer renders ANSI, so RFC text must not reach it raw.
  return stripControl(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a command property's value: as `escapeData`, plus the `:` and `,` that delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
