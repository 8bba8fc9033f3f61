import { applyPlan, PlanError, type ApplyOptions } from "./apply-plan.ts";
import { removeJournal, removeJournalTemps, toJournal, toJournalPath, writeJournal } from "./number-journal.ts";
import type { NumberPlan } from "./number-plan.ts";

/**
 * Applies a numbering plan with a journal: written before the first step, removed after the
 * last. A step that fails undoes the steps before it (`applyPlan`); a run that is killed leaves
 * the journal, from which `continueNumbering` or `abortNumbering` ends it.
 */
export async function applyNumberPlan(plan: NumberPlan, options: ApplyOptions = {}): Promise<void> {
  const journalFile = await toJournalPath(plan.root);
  await writeJournal(journalFile, toJournal(plan, new Date()));
  // The journal is ours now, so a temporary file beside it is one a killed run left.
  await removeJournalTemps(journalFile);
  try {
    await applyPlan(plan, options);
  } catch (error) {
    // Undone in full, the run has nothing left to resume.
    if (error instanceof PlanError && error.notUndone.length === 0) await removeJournal(journalFile);
    throw error;
  }
  await removeJournal(journalFile);
}
