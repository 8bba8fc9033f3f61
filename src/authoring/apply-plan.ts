import path from "node:path";
import { movePath } from "../repository/move-path.ts";
import { writeFileAtomic } from "../repository/write-file.ts";
import type { FilePlan, FileStep } from "./file-plan.ts";

/** Hooks into applying a plan. */
export interface ApplyOptions {
  /**
   * Called before each step runs; a throw fails that step. Tests use it to fail step k on
   * purpose and check that the steps before it are undone.
   */
  beforeStep?: (index: number, step: FileStep) => void | Promise<void>;
}

/** Applying failed; every step done so far was undone unless `notUndone` lists it. */
export class PlanError extends Error {
  /** The step that failed. */
  readonly step: FileStep;
  /** Steps done that could not be undone (each with why), empty when the files are as before. */
  readonly notUndone: { step: FileStep; reason: string }[];

  constructor(step: FileStep, cause: unknown, notUndone: { step: FileStep; reason: string }[]) {
    super(`${describeStep(step)} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "PlanError";
    this.step = step;
    this.notUndone = notUndone;
  }
}

/**
 * Applies the steps in order. All or nothing: when a step fails, the steps already done are
 * undone in reverse order (renamed back, old content written back), and a `PlanError` is thrown.
 */
export async function applyPlan(plan: FilePlan, options: ApplyOptions = {}): Promise<void> {
  const done: FileStep[] = [];
  for (const [index, step] of plan.steps.entries()) {
    try {
      await options.beforeStep?.(index, step);
      await runStep(plan.root, step);
    } catch (error) {
      throw new PlanError(step, error, await undo(plan.root, done));
    }
    done.push(step);
  }
}

async function runStep(root: string, step: FileStep): Promise<void> {
  if (step.kind === "rename") await movePath(root, step.from, step.to, { git: step.git });
  else await writeFileAtomic(path.join(root, step.path), step.after);
}

/** Undoes `done` from the last step back; returns the steps it could not undo. */
async function undo(root: string, done: readonly FileStep[]): Promise<{ step: FileStep; reason: string }[]> {
  const failed: { step: FileStep; reason: string }[] = [];
  for (const step of [...done].reverse()) {
    try {
      if (step.kind === "rename") await movePath(root, step.to, step.from, { git: step.git });
      else await writeFileAtomic(path.join(root, step.path), step.before);
    } catch (error) {
      failed.push({ step, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed;
}

/** One line for a step, e.g. `rename text/0000-x.md → text/0042-x.md`. */
export function describeStep(step: FileStep): string {
  return step.kind === "rename" ? `rename ${step.from} → ${step.to}` : `write ${step.path}`;
}
