import type { Reporter } from "./format.ts";

/** One JSON array of `{file, line, column, endLine, endColumn, rule, severity, message}`. */
export const renderJson: Reporter = (diagnostics) =>
  JSON.stringify(
    diagnostics.map(({ file, line, column, endLine, endColumn, rule, severity, message }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      rule,
      severity,
      message,
    })),
    null,
    2,
  ) + "\n";
