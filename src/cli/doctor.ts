import path from "node:path";
import { UserError } from "../errors.ts";
import { describeRepository, type RepositoryReport } from "../repository/describe-repository.ts";
import { explainNoRfcs } from "../repository/explain-no-rfcs.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";

const formats = ["text", "json"] as const;

export default defineCommand({
  name: "doctor",
  description: "Show what rfckit understood of the repository (RFC folders, templates, file names, numbering, metadata, titles, status, history), from what, and the key that overrides each.",
  usage: "doctor [options]",
  options: {
    root: rootOption,
    format: { type: "string", description: `output format: ${formats.join(", ")} (default: text)`, valueName: "format" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new UserError(`rfc doctor takes no paths (got ${positionals.join(" ")}).`, { hint: "use --root <dir> for another repository." });
    const format = values["format"] ?? "text";
    if (format !== "text" && format !== "json") throw new UserError(`--format must be one of ${formats.join(", ")}, not "${String(format)}".`, { hint: "run `rfc doctor --help` for the options." });
    const root = typeof values["root"] === "string" ? values["root"] : undefined;
    const repo = await loadRepository(root ? { root, cwd: io.cwd } : { cwd: io.cwd });
    const report = describeRepository(repo);
    const none = repo.rfcs.length === 0 ? explainNoRfcs(repo) : null;
    const problem = none?.kind === "not-found" ? { message: none.error.message, hint: none.error.hint } : null;
    io.stdout.write(format === "json" ? `${JSON.stringify({ ...report, problem }, null, 2)}\n` : renderReport(report, path.relative(io.cwd, repo.root) || "."));
    if (problem) {
      if (format === "text") io.stdout.write(`\n${problem.message}\n  hint: ${problem.hint}\n`);
      return exitCodes.usage;
    }
    return exitCodes.ok;
  },
});

function renderReport(report: RepositoryReport, shownRoot: string): string {
  const lines = [`Repository: ${shownRoot}`, ""];
  const width = Math.max(...report.layout.map((f) => f.topic.length));
  for (const fact of report.layout) {
    lines.push(`${fact.topic.padEnd(width)}  ${fact.value}`);
    lines.push(`${" ".repeat(width)}  ${fact.source}: ${fact.because}; set ${fact.override}`);
  }
  lines.push("", `RFCs: ${report.rfcs}`);
  for (const t of report.templates) lines.push(`  held to ${t.path} (--template ${t.name}): ${t.rfcs}`);
  for (const t of report.templates) {
    if (t.optionalSections.length === 0) continue;
    lines.push(`Optional sections of ${t.path} (set optional-sections / required-sections = ["…"]):`);
    for (const s of t.optionalSections) lines.push(`  ${s.title}: ${s.because}`);
  }
  for (const t of report.templates) {
    if (t.optionalKeys.length === 0) continue;
    lines.push(`Metadata an RFC may leave out of ${t.path}:`);
    for (const k of t.optionalKeys) lines.push(`  ${k.key}: ${k.because}`);
  }
  lines.push(`Numbering: ${describeNumbering(report.numbering.value)} (${report.numbering.source}; set numbering = "pr" | "sequence" | "none")`);
  lines.push(`Metadata: ${describeCounts(report.metadataForms)}`);
  lines.push(`Titles: ${describeCounts(report.titleSources)}`);
  lines.push(`Status: from ${report.status.source} (set status = "auto" | "folder" | "file-name" | "none" | "metadata:<key>"): ${describeCounts(report.status.values)}`);
  lines.push(`Stages: ${describeCounts(report.stages)} (rfc check --stage overrides)`);
  if (report.bookSettings.length > 0) {
    lines.push("mdBook settings in book.toml:");
    const keyWidth = Math.max(...report.bookSettings.map((u) => u.key.length));
    for (const use of report.bookSettings) lines.push(`  ${use.key.padEnd(keyWidth)}  ${use.used ? "used" : "ignored"}: ${use.why}`);
  }
  lines.push(
    report.history.available
      ? `Git history: read; ${report.history.heldToRevision} RFCs held to the template as it stood when they started, ${report.history.heldToCurrent} to the current one`
      : report.history.shallowClone
        ? "Git history: not read, the clone is shallow (git fetch --unshallow fetches it); numbered RFCs get template rules as warnings"
        : "Git history: none; numbered RFCs get template rules as warnings",
  );
  return `${lines.join("\n")}\n`;
}

function describeNumbering(value: string): string {
  return value === "pr" ? "by pull request" : value === "sequence" ? "in sequence" : "none (RFCs have no numbers)";
}

function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return entries.length === 0 ? "-" : entries.map(([k, n]) => `${k} (${n})`).join(", ");
}
