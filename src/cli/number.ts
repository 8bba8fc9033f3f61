import path from "node:path";
import { applyPlan, describeStep, PlanError } from "../authoring/apply-plan.ts";
import type { NumberPlan } from "../authoring/number-plan.ts";
import { readNumberPlan } from "../authoring/read-number-plan.ts";
import { UserError } from "../errors.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";

export default defineCommand({
  name: "number",
  description:
    "Give a draft RFC (text/0000-slug.md) its number before merging: rename the file and its asset folder, rewrite the links that pointed at them, and fill the RFC PR link.",
  usage: "number <rfc> [options]",
  options: {
    root: rootOption,
    number: { type: "string", description: "the number to give (default: the next free number on the base branch)", valueName: "N" },
    pr: { type: "string", description: "the RFC's pull request: fills the RFC PR link (and is the number where RFCs are numbered by PR)", valueName: "N" },
    base: { type: "string", description: "the branch the RFC merges into (default: the remote's default branch)", valueName: "git-ref" },
    "dry-run": { type: "boolean", description: "print what would change, change nothing" },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) {
      throw new UserError(positionals.length === 0 ? "rfc number needs the draft to number." : `rfc number numbers one draft at a time (got ${positionals.length}).`, {
        hint: "run `rfc number text/0000-my-feature.md`.",
      });
    }
    const given = positionals[0]!;
    const rootOption = typeof values["root"] === "string" ? values["root"] : undefined;
    const repo = await loadRepository(rootOption ? { root: rootOption, cwd: io.cwd } : { cwd: path.resolve(io.cwd, path.dirname(given)) });
    const relative = path.relative(repo.root, path.resolve(io.cwd, given)).split(path.sep).join("/");
    const plan = await readNumberPlan(repo, {
      rfc: relative,
      number: readCount(values["number"], "number"),
      pr: readCount(values["pr"], "pr"),
      base: typeof values["base"] === "string" ? values["base"] : undefined,
    });
    const dryRun = values["dry-run"] === true;
    if (!dryRun) {
      try {
        await applyPlan(plan);
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        const left = error.notUndone.map((n) => `${describeStep(n.step)} (${n.reason})`);
        throw new UserError(`${error.message}.${left.length === 0 ? " Nothing was changed." : ` These steps could not be undone: ${left.join("; ")}.`}`, {
          hint: left.length === 0 ? "fix the cause above and run rfc number again." : "undo those by hand (`git status` shows them), then run rfc number again.",
        });
      }
    }
    io.stdout.write(renderPlan(plan, { dryRun }));
    return exitCodes.ok;
  },
});

/** A positive whole number from an option. */
function readCount(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(/^#/, "");
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    throw new UserError(`--${name} must be a positive whole number, not "${String(value)}".`, { hint: `for example --${name} 42.` });
  }
  return Number(text);
}

/** What was done (or, with --dry-run, would be). */
function renderPlan(plan: NumberPlan, { dryRun }: { dryRun: boolean }): string {
  const lines: string[] = [];
  const why =
    plan.source.kind === "next"
      ? `the next free number${plan.source.base ? ` (highest on ${plan.source.base}: ${String(plan.source.highest).padStart(plan.numberText.length, "0")})` : ""}`
      : plan.source.kind === "pull-request"
        ? "the number of its pull request"
        : "as asked";
  lines.push(`${dryRun ? "Would number" : "Numbered"} ${plan.file.from} as ${plan.numberText}, ${why}.`);
  const done: [string, string][] = [];
  const verb = (now: string, then: string) => (dryRun ? `would ${now}` : then);
  done.push([verb("rename", "renamed"), `${plan.file.from} → ${plan.file.to}`]);
  if (plan.folder) done.push([verb("rename", "renamed"), `${plan.folder.from}/ → ${plan.folder.to}/`]);
  for (const file of plan.rewritten) done.push([verb("rewrite", "rewrote"), `${file.links} ${file.links === 1 ? "link" : "links"} in ${file.path}`]);
  if (plan.pr) done.push([verb("fill", "filled"), `${plan.pr.key}: ${plan.pr.link}`]);
  for (const note of plan.notes) done.push(["note", note]);
  const width = Math.max(...done.map(([v]) => v.length));
  for (const [v, text] of done) lines.push(`  ${v.padEnd(width)}  ${text}`);
  return `${lines.join("\n")}\n`;
}
