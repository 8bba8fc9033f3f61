import type { Reporter } from "./format.ts";

/** Placeholder until the pretty reporter is written: one line per diagnostic. */
export const renderPretty: Reporter = (diagnostics) =>
  diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}  ${d.rule}\n`).join("");
