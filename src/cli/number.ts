import path from "node:path";
import { applyNumberPlan } from "../authoring/apply-number-plan.ts";
import { describeStep, PlanError } from "../authoring/apply-plan.ts";
import { readJournal, removeJournal, removeJournalTemps, toJournalPath, type NumberJournal } from "../authoring/number-journal.ts";
import type { NumberPlan } from "../authoring/number-plan.ts";
import { readNumberPlan } from "../authoring/read-number-plan.ts";
import { abortNumbering, continueNumbering } from "../authoring/resume-number.ts";
import { UserError } from "../errors.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { defineCommand, exitCodes, rootOption } from "./command.ts";

export default defineCommand({
  name: "number",
  description:
    "Give a draft RFC (text/0000-slug.md) its number before merging: rename the file and its asset folder, rewrite the links that pointed at them, and fill the RFC PR link.",
  usage: "number <rfc> [options] | number --continue | number --abort",
  options: {
    root: rootOption,
    number: { type: "string", description: "the number to give (default: the next free number on the base branch)", valueName: "N" },
    pr: { type: "string", description: "the RFC's pull request: fills the RFC PR link (and is the number where RFCs are numbered by PR)", valueName: "N" },
    base: { type: "string", description: "the branch the RFC merges into (default: the remote's default branch)", valueName: "git-ref" },
    "dry-run": { type: "boolean", description: "print what would change, change nothing" },
    continue: { type: "boolean", description: "finish an rfc number that was interrupted (killed, or the machine stopped)" },
    abort: { type: "boolean", description: "undo an rfc number that was interrupted: every file back as it was" },
  },
  async run({ values, positionals }, io) {
    const rootOption = typeof values["root"] === "string" ? values["root"] : undefined;
    const resume = values["continue"] === true ? "continue" : values["abort"] === true ? "abort" : null;
    if (resume) {
      const asked = ["continue", "abort", "number", "pr", "base", "dry-run"].filter((k) => values[k] !== undefined && k !== resume);
      if (positionals.length > 0 || asked.length > 0) {
        throw new UserError(`rfc number --${resume} takes no draft and no other option (got ${[...positionals, ...asked.map((k) => `--${k}`)].join(", ")}).`, {
          hint: `run \`rfc number --${resume}\` alone: the interrupted run's journal says what to do.`,
        });
      }
      const repo = await loadRepository({ ...(rootOption ? { root: rootOption } : {}), cwd: io.cwd, history: false });
      io.stdout.write(await resumeNumbering(repo.root, resume));
      return exitCodes.ok;
    }
    if (positionals.length !== 1) {
      throw new UserError(positionals.length === 0 ? "rfc number needs the draft to number." : `rfc number numbers one draft at a time (got ${positionals.length}).`, {
        hint: "run `rfc number text/0000-my-feature.md`.",
      });
    }
    const given = positionals[0]!;
    const repo = await loadRepository(rootOption ? { root: rootOption, cwd: io.cwd } : { cwd: path.resolve(io.cwd, path.dirname(given)) });
    const interrupted = await readJournal(await toJournalPath(repo.root));
    if (interrupted) {
      throw new UserError(`An earlier rfc number was interrupted ${describeRun(interrupted)}, and not every file is changed yet.`, {
        hint: "run `rfc number --continue` to finish it, or `rfc number --abort` to put every file back as it was.",
      });
    }
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
        await applyNumberPlan(plan);
      } catch (error) {
        if (!(error instanceof PlanError)) throw error;
        const left = error.notUndone.map((n) => `${describeStep(n.step)} (${n.reason})`);
        throw new UserError(`${error.message}.${left.length === 0 ? " Nothing was changed." : ` These steps could not be undone: ${left.join("; ")}.`}`, {
          hint: left.length === 0 ? "fix the cause above and run rfc number again." : "fix the cause above, then run `rfc number --abort` to undo the rest, or `--continue` to finish.",
        });
      }
    }
    io.stdout.write(renderPlan(plan, dryRun ? "dry-run" : "done"));
    return exitCodes.ok;
  },
});

/** Finishes or undoes the interrupted run whose journal is in the repository at `root`; returns the report. */
async function resumeNumbering(root: string, action: "continue" | "abort"): Promise<string> {
  const journalFile = await toJournalPath(root);
  const journal = await readJournal(journalFile);
  if (!journal) {
    throw new UserError(`There is no interrupted rfc number to ${action} in ${root}.`, {
      hint: "--continue and --abort end a run that was killed before it finished; to number a draft, run `rfc number text/0000-my-feature.md`.",
    });
  }
  const { removedTemps } = await (action === "continue" ? continueNumbering : abortNumbering)(root, journal);
  await removeJournalTemps(journalFile);
  await removeJournal(journalFile);
  const removed = removedTemps.map((t) => `  removed  ${t} (left by the interrupted run)\n`).join("");
  if (action === "continue") return renderPlan(journal.plan, "continued") + removed;
  return `Undid the rfc number interrupted ${describeRun(journal)}: every file is as it was before.\n${removed}`;
}

/** "while numbering text/0000-x.md as 0042 (started 2026-12-07 13:40 UTC)". */
function describeRun(journal: NumberJournal): string {
  const started = journal.startedAt.replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");
  return `while numbering ${journal.plan.file.from} as ${journal.plan.numberText} (started ${started})`;
}

/** A positive whole number from an option. */
function readCount(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(/^#/, "");
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    throw new UserError(`--${name} must be a positive whole number, not "${String(value)}".`, { hint: `for example --${name} 42.` });
  }
  return Number(text);
}

/** What was done (or, with --dry-run, would be; or, with --continue, is done now). */
function renderPlan(plan: Omit<NumberPlan, "root" | "steps">, run: "done" | "dry-run" | "continued"): string {
  const dryRun = run === "dry-run";
  const lines: string[] = [];
  const why =
    plan.source.kind === "next"
      ? `the next free number${plan.source.base ? ` (highest on ${plan.source.base}: ${String(plan.source.highest).padStart(plan.numberText.length, "0")})` : ""}`
      : plan.source.kind === "pull-request"
        ? "the number of its pull request"
        : "as asked";
  lines.push(`${dryRun ? "Would number" : run === "continued" ? "Finished numbering" : "Numbered"} ${plan.file.from} as ${plan.numberText}, ${why}.`);
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
