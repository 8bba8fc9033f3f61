import { findDateWithin } from "../markdown/parse-value.ts";
import type { Rfc } from "../model/repository.ts";

/** The day an RFC was started, where it is known, and why that day. */
export interface StartedOn {
  date: string;
  why: string;
}

/**
 * What to write for a date value that is not one: the date it holds inside other words (the
 * template's, mostly: "2024-05-01 (fill in)"), alone; for a start date, the day the RFC was
 * started where that is known (`startedOn`); else the form with today's date. The same in `date`
 * and `metadata-placeholder`.
 */
export function dateHint(raw: string, today: string, started: StartedOn | null = null): string {
  const within = findDateWithin(raw);
  if (within) return `write it as ${within}, without the words around it.`;
  if (started) return `write the date as YYYY-MM-DD: ${started.date}, ${started.why}.`;
  return `write the date as YYYY-MM-DD, e.g. today's: ${today}.`;
}

/** The day an RFC was started, where it is known: its first commit's, or today for a draft git has not seen. */
export function startedOn(rfc: Rfc, today: string): StartedOn | null {
  if (rfc.git?.firstCommitDate) return { date: rfc.git.firstCommitDate, why: "the file was first committed that day" };
  if (rfc.isDraft && (rfc.git === null || rfc.git.changedLines === null)) return { date: today, why: "today, the day it is started" };
  return null;
}
