import { createTwoFilesPatch } from "diff";
import type { FixResult } from "../check/fix-repository.ts";
import { makePainter } from "../report/ansi.ts";
import { stripControl, toOneLine } from "../report/sanitize.ts";

/** How to render what fixing did. */
export interface RenderFixesOptions {
  /** True when nothing was written: the summary says "would fix". */
  dryRun: boolean;
  color: boolean;
}

/**
 * One line per fix applied (`file:line:column  rule  message`, the message as the diagnostic said
 * it before the fix), by file, then a summary naming how many problems in how many files.
 */
export function renderAppliedFixes(result: FixResult, options: RenderFixesOptions): string {
  const paint = makePainter(options.color);
  const notes = toNotes(result);
  if (result.files.length === 0) return `${notes}${result.refused.length > 0 || result.heldBack.length > 0 ? "Nothing fixed." : paint("green", "Nothing to fix.")}\n`;
  const written = new Set(result.files.map((f) => f.path));
  // By file, then pass: a later pass's line numbers are those of the text the earlier passes left.
  const applied = result.applied
    .filter((a) => written.has(a.diagnostic.file))
    .sort((a, b) => (a.diagnostic.file < b.diagnostic.file ? -1 : a.diagnostic.file > b.diagnostic.file ? 1 : a.pass - b.pass || a.diagnostic.line - b.diagnostic.line));
  const lines = applied.map(({ diagnostic: d }) => `${toOneLine(d.file)}:${d.line}:${d.column}  ${paint("dim", d.rule)}  ${toOneLine(d.message)}`);
  const problems = `${applied.length} problem${applied.length === 1 ? "" : "s"}`;
  const files = `${result.files.length} file${result.files.length === 1 ? "" : "s"}`;
  const summary = options.dryRun ? `Would fix ${problems} in ${files} (dry run: nothing written).` : `✔ Fixed ${problems} in ${files}.`;
  return `${lines.join("\n")}\n${notes}${paint("green", summary)}\n`;
}

/** What was not fixed and why: fixes that would have misread a file, and RFCs kept as history. */
function toNotes(result: FixResult): string {
  const lines = result.refused.map((r) => `${toOneLine(r.file)}: not fixed: the fixed file would read differently (${r.change}); fix it by hand.`);
  const held = result.heldBack.length;
  if (held > 0) {
    const rfcs = held === 1 ? `1 RFC (${toOneLine(result.heldBack[0]!)})` : `${held} RFCs`;
    lines.push(`Left as written: ${rfcs} neither a draft nor changed since the last commit, with problems a fix exists for; run \`rfc fix --all\` to fix them too, or name the files.`);
  }
  return lines.map((l) => `${l}\n`).join("");
}

/**
 * A unified diff of every file the fixes change, paths as `a/…` and `b/…` like git's, so it
 * can be read as a review or applied with `git apply`. Control characters are removed when
 * `color` is on (a terminal), since the text comes from the files.
 */
export function renderFixDiff(result: FixResult, options: { color: boolean }): string {
  const paint = makePainter(options.color);
  const patches = result.files.map((file) =>
    createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, { context: 3 })
      // jsdiff starts with an `Index:` line and a `====` rule; git's form starts at `---`.
      .replace(/^(?:Index: .*\n)?=+\n/, `diff --git a/${file.path} b/${file.path}\n`),
  );
  const text = patches.join("");
  if (!options.color) return text;
  return stripControl(text)
    .split("\n")
    .map((line) => (line.startsWith("+") && !line.startsWith("+++") ? paint("green", line) : line.startsWith("-") && !line.startsWith("---") ? paint("red", line) : line))
    .join("\n");
}
