import { lstat, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { git, gitWithInput } from "../repository/git.ts";
import { movePath } from "../repository/move-path.ts";
import { writeFileAtomic } from "../repository/write-file.ts";
import { identifyText, toTexts, type JournalStep, type NumberJournal } from "./number-journal.ts";

type RenameStep = Extract<JournalStep, { kind: "rename" }>;
type WriteStep = Extract<JournalStep, { kind: "write" }>;

/** A step of an interrupted run as the disk shows it: done or not, and for a write, its two texts and where the file is now. */
type StepState =
  | { step: RenameStep; done: boolean }
  | { step: WriteStep; done: boolean; at: string; before: string; after: string };

/** What finishing or undoing an interrupted run did besides its steps. */
export interface ResumeResult {
  /** Temporary files of the interrupted run that were removed (paths relative to the root). */
  removedTemps: string[];
}

/**
 * Finishes an `rfc number` that was interrupted: does the steps its journal lists that the disk
 * shows not done, in order, and removes the temporary files it left. Refuses, changing nothing,
 * when a file is neither as the run found it nor as it makes it.
 */
export async function continueNumbering(root: string, journal: NumberJournal): Promise<ResumeResult> {
  const states = await readStates(root, journal, "continue");
  const removedTemps = await removeStaleTemps(root, journal);
  for (const state of states) {
    if (state.step.kind === "rename") {
      if (!state.done) await movePath(root, state.step.from, state.step.to, { git: state.step.git });
      else if (state.step.git) await finishGitMove(root, state.step.from, state.step.to);
    } else if (!state.done && "at" in state) {
      await writeFileAtomic(path.join(root, state.at), state.after);
    }
  }
  return { removedTemps };
}

/**
 * Undoes an `rfc number` that was interrupted: renames back what it renamed and writes back what
 * it wrote, last step first, and removes the temporary files it left. Refuses, changing nothing,
 * when a file is neither as the run found it nor as it makes it.
 */
export async function abortNumbering(root: string, journal: NumberJournal): Promise<ResumeResult> {
  const states = await readStates(root, journal, "abort");
  const removedTemps = await removeStaleTemps(root, journal);
  for (const state of [...states].reverse()) {
    if (!state.done) continue;
    if (state.step.kind === "rename") {
      if (state.step.git) await finishGitMove(root, state.step.from, state.step.to);
      await movePath(root, state.step.to, state.step.from, { git: state.step.git });
    } else if ("at" in state) {
      // Renames are the plan's last steps, so they are undone by now and the file is back at its path.
      await writeFileAtomic(path.join(root, state.step.path), state.before);
    }
  }
  return { removedTemps };
}

/** Each step's state, read before anything changes; a file that fits neither side stops the run here. */
async function readStates(root: string, journal: NumberJournal, action: "continue" | "abort"): Promise<StepState[]> {
  const problems: string[] = [];
  const states: StepState[] = [];
  const renamed: RenameStep[] = [];
  for (const step of journal.steps) {
    if (step.kind !== "rename") continue;
    const [fromThere, toThere] = await Promise.all([exists(path.join(root, step.from)), exists(path.join(root, step.to))]);
    if (fromThere === toThere) problems.push(fromThere ? `both ${step.from} and ${step.to} exist` : `neither ${step.from} nor ${step.to} exists`);
    if (toThere && !fromThere) renamed.push(step);
  }
  for (const step of journal.steps) {
    if (step.kind === "rename") {
      states.push({ step, done: renamed.includes(step) });
      continue;
    }
    const at = throughRenames(renamed, step.path);
    const text = await readFile(path.join(root, at), "utf8").catch(() => null);
    const now = text === null ? null : identifyText(step, text);
    if (text === null || now === null) {
      problems.push(text === null ? `${at} is missing` : `${at} has changed since`);
      continue;
    }
    states.push({ step, done: now === "after", at, ...toTexts(step, text, now) });
  }
  if (problems.length > 0) {
    throw new UserError(`Cannot ${action} the interrupted rfc number: ${problems.join("; ")}. Nothing was changed.`, {
      hint: "put those files back as the interrupted run left them (`git status` shows what changed), or finish by hand and remove the journal the message of `rfc number` names.",
    });
  }
  return states;
}

/**
 * Brings git's index in line with a rename done on the disk: `git mv` interrupted after it
 * renamed but before it wrote the index leaves the old paths tracked and the new ones not. The
 * entries move as `git mv` moves them, with their staged content, not the files' content now.
 */
async function finishGitMove(root: string, from: string, to: string): Promise<void> {
  const entries = ((await git(root, ["ls-files", "-s", "-z", "--", from])) ?? "").split("\0").filter(Boolean);
  if (entries.length === 0) return;
  const lines: string[] = [];
  for (const entry of entries) {
    const [info, file] = entry.split("\t") as [string, string];
    const [mode, blob] = info.split(" ") as [string, string];
    lines.push(`0 ${"0".repeat(blob.length)}\t${file}`, `${mode} ${blob}\t${file === from ? to : to + file.slice(from.length)}`);
  }
  if ((await gitWithInput(root, ["update-index", "-z", "--index-info"], lines.map((l) => `${l}\0`).join(""))) === null) {
    throw new Error(`git could not record the rename of ${from} to ${to} in its index`);
  }
}

/**
 * Removes the temporary files the interrupted run left: those `writeFileAtomic` names after the
 * files the plan writes (`.name.<12 hex>.tmp`, beside each file, at its old and new path) and the
 * journal's own. Nothing else is touched.
 */
async function removeStaleTemps(root: string, journal: NumberJournal): Promise<string[]> {
  const renames = journal.steps.filter((s): s is RenameStep => s.kind === "rename");
  const byFolder = new Map<string, Set<string>>();
  for (const step of journal.steps) {
    if (step.kind !== "write") continue;
    for (const p of new Set([step.path, throughRenames(renames, step.path)])) {
      const folder = path.posix.dirname(p);
      byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(path.posix.basename(p)));
    }
  }
  const removed: string[] = [];
  for (const [folder, names] of byFolder) {
    const entries = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const entry of entries) {
      const match = /^\.(.+)\.[0-9a-f]{12}\.tmp$/.exec(entry);
      if (!match || !names.has(match[1]!)) continue;
      await rm(path.join(root, folder, entry), { force: true });
      removed.push(path.posix.join(folder, entry));
    }
  }
  return removed.sort();
}

/** Where `p` is after `renames` (of files or folders). */
function throughRenames(renames: readonly RenameStep[], p: string): string {
  for (const r of renames) {
    if (p === r.from) return r.to;
    if (p.startsWith(`${r.from}/`)) return r.to + p.slice(r.from.length);
  }
  return p;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
