import { createHash, randomBytes } from "node:crypto";
import { link, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { git } from "../repository/git.ts";
import type { FileStep } from "./file-plan.ts";
import type { NumberPlan } from "./number-plan.ts";

/**
 * What `rfc number` writes down before it changes a file, and removes once every step is done:
 * the plan, with enough of each file's text to tell from the disk whether a step was done, to do
 * it, and to undo it. A run that was killed half-way leaves it behind, and `rfc number --continue`
 * or `--abort` reads it.
 */
export interface NumberJournal {
  version: 1;
  startedAt: string;
  /** What the run does, as `rfc number` reports it at the end. */
  plan: Omit<NumberPlan, "root" | "steps">;
  steps: JournalStep[];
}

/**
 * A step of the plan as the journal keeps it. A write keeps only the part of the text it
 * changes (the two texts share their first `head` and last `tail` characters), and a hash of
 * each whole text, so that a file changed since by someone else is never taken for either.
 */
export type JournalStep =
  | { kind: "rename"; from: string; to: string; git: boolean }
  | { kind: "write"; path: string; beforeHash: string; afterHash: string; head: number; tail: number; beforeMiddle: string; afterMiddle: string };

const journalName = "rfckit-number.json";

/** Where the journal of a repository lives: in its git folder (`.git/rfckit-number.json`), else at its root as a dot file. */
export async function toJournalPath(root: string): Promise<string> {
  const inGit = (await git(root, ["rev-parse", "--git-path", journalName]))?.trim();
  return inGit ? path.resolve(root, inGit) : path.join(root, `.${journalName}`);
}

/** The journal of a plan about to be applied. */
export function toJournal(plan: NumberPlan, startedAt: Date): NumberJournal {
  const { number, numberText, source, file, folder, rewritten, pr, notes } = plan;
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    plan: { number, numberText, source, file, folder, rewritten, pr, notes },
    steps: plan.steps.map(toJournalStep),
  };
}

function toJournalStep(step: FileStep): JournalStep {
  if (step.kind === "rename") return step;
  const { before, after } = step;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return {
    kind: "write",
    path: step.path,
    beforeHash: hashText(before),
    afterHash: hashText(after),
    head,
    tail,
    beforeMiddle: before.slice(head, before.length - tail),
    afterMiddle: after.slice(head, after.length - tail),
  };
}

/** Which of a write step's two texts `text` is, or null when it is neither (the file changed since). */
export function identifyText(step: Extract<JournalStep, { kind: "write" }>, text: string): "before" | "after" | null {
  const hash = hashText(text);
  return hash === step.afterHash ? "after" : hash === step.beforeHash ? "before" : null;
}

/** The write step's text before and after, rebuilt from the file as it is now (which must be one of them). */
export function toTexts(step: Extract<JournalStep, { kind: "write" }>, text: string, now: "before" | "after"): { before: string; after: string } {
  const middle = now === "before" ? step.beforeMiddle : step.afterMiddle;
  const head = text.slice(0, step.head);
  const tail = text.slice(text.length - step.tail);
  if (text.length !== step.head + middle.length + step.tail) throw new Error(`the journal does not fit ${step.path}`);
  return { before: head + step.beforeMiddle + tail, after: head + step.afterMiddle + tail };
}

/**
 * Writes the journal, refusing when one is there already: another `rfc number` is running, or
 * one was interrupted. The text goes to a temporary file first and is linked into place, which
 * fails rather than replace an existing journal, so the journal is never seen half-written.
 */
export async function writeJournal(file: string, journal: NumberJournal): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, `${JSON.stringify(journal)}\n`, { flag: "wx" });
  try {
    await link(temp, file);
  } catch (error) {
    // ENOENT: another run, holding the journal, removed this one's temporary file as stale.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOENT") {
      throw new UserError(`Another rfc number is running in this repository, or one was interrupted (${file} is there).`, {
        hint: "wait for it to end, or run `rfc number --continue` to finish an interrupted one (`--abort` to undo it).",
      });
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

/** The journal left by an `rfc number` that did not end, or null when there is none. */
export async function readJournal(file: string): Promise<NumberJournal | null> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (text === null) return null;
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch {
    journal = null;
  }
  if (!isJournal(journal)) {
    throw new UserError(`${file} is not a journal this version of rfckit can read.`, {
      hint: "if no rfc number is running, check `git status` for what the interrupted run changed, then remove the file.",
    });
  }
  return journal;
}

function isJournal(value: unknown): value is NumberJournal {
  if (typeof value !== "object" || value === null) return false;
  const journal = value as Partial<NumberJournal>;
  return journal.version === 1 && Array.isArray(journal.steps) && typeof journal.plan === "object" && journal.plan !== null;
}

/** Removes the temporary files a run killed while writing the journal left beside it; returns their names. */
export async function removeJournalTemps(file: string): Promise<string[]> {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const entries = await readdir(folder).catch(() => [] as string[]);
  const temps = entries.filter((e) => e.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(e.slice(prefix.length)));
  await Promise.all(temps.map((e) => rm(path.join(folder, e), { force: true })));
  return temps;
}

/** Removes the journal: the run it recorded has ended, done or undone. */
export async function removeJournal(file: string): Promise<void> {
  await rm(file, { force: true });
}

function hashText(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
