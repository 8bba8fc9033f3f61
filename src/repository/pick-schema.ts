import type { RfcDocument } from "../model/document.ts";
import { findEntry, type MetadataValue } from "../model/metadata.ts";
import type { MarkdownFile, Rfc } from "../model/repository.ts";
import type { Schema } from "../model/schema.ts";
import { matchSections } from "../rules/match-sections.ts";
import { toRewrittenSchema } from "./rewritten-header.ts";
import type { TemplateHistory } from "./template-history.ts";

/**
 * The template revision an RFC is held to: the one that stood on its `Start Date`, or on the day
 * it was first committed, or before a change made by a pull request opened after the RFC's own
 * (`pullRequest`, from its header), or one its sections fit better (for an RFC being read:
 * `isRead`) of those landed in the year after that day and, for a numbered RFC (`numbered`), the
 * one that stood three months before it; for metadata, the current template where the header has
 * been rewritten into its form. `history` is undefined when the repository has no history to read.
 */
export function pickSchema(
  file: MarkdownFile,
  current: Schema,
  history: TemplateHistory | null | undefined,
  firstCommitDate: string | undefined,
  isRead: boolean,
  numbered: boolean,
  pullRequest?: number,
): { schema: Schema; basis: Rfc["schemaBasis"] } {
  if (history === undefined) return { schema: current, basis: "no-history" };
  if (history === null) return { schema: current, basis: "current" };
  let date = readStartDate(file) ?? firstCommitDate;
  if (!date) return { schema: current, basis: "history" };
  // Its pull request opened before the one that changed the template (a lower number): the RFC
  // was written from the template before that change, whatever its date says (Rust 0599 is
  // dated the day it was accepted, after the template gained `Feature Name` in #815).
  const changed = pullRequest === undefined ? null : history.changedByLaterPullRequest(pullRequest, date);
  if (changed !== null) date = dayBefore(changed);
  let dated = history.schemaAt(date);
  if (isRead && file.document) {
    // A Start Date is often the day the pull request was opened, after weeks of drafting from the
    // template as it was then (Rust 2603 is dated 2018-11-27, but was first committed six weeks
    // before `Future possibilities` was added on 2018-11-01). A draft (`0000-…`) is not.
    const drafted = numbered ? [history.schemaAt(shiftMonths(date, -draftingMonths))].filter((schema) => schema !== dated) : [];
    dated = fitInReview(dated, [...drafted, ...history.schemasAfter(date, aYearAfter(date))], file.document);
  }
  return { schema: file.header ? toRewrittenSchema(dated, current, file.header.metadata) : dated, basis: "history" };
}

/** How long before its Start Date an RFC may have been drafted, from the template as it stood then. */
const draftingMonths = 3;

/**
 * The revision an RFC's sections follow, of the one that stood when it was started and `others`:
 * those that landed while it was likely in review (its first year), and the one it was likely
 * drafted from. An RFC is reviewed for months, and its author may take up a template change made
 * meanwhile, or one whose pull request was open when the RFC was started (Rust's 2089, started
 * three days before the guide- and reference-level sections landed). Another revision is taken
 * only where fewer of its sections are missing; of two as good, the earlier in `others`.
 */
function fitInReview(dated: Schema, others: readonly Schema[], document: RfcDocument): Schema {
  if (others.length === 0) return dated;
  const missing = (schema: Schema) => matchSections(schema, document).filter((m) => m.section === null).length;
  let best = dated;
  let fewest = missing(dated);
  for (const schema of others) {
    if (fewest === 0) break;
    const count = missing(schema);
    if (count < fewest) [best, fewest] = [schema, count];
  }
  return best;
}

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The day of a file's valid `Start Date`: of an ISO timestamp (`2014-08-14T00:00:00.000Z`), its first ten characters. */
export function readStartDate(file: Pick<MarkdownFile, "header">): string | undefined {
  const start = file.header ? findEntry(file.header.metadata, "Start Date")?.value : undefined;
  return start && isValidDate(start) ? start.raw.trim().slice(0, 10) : undefined;
}

function aYearAfter(date: string): string {
  return shiftYears(date, 1);
}

function shiftMonths(date: string, months: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCMonth(day.getUTCMonth() + months);
  return day.toISOString().slice(0, 10);
}

/** The same day `years` years later (or earlier), as `YYYY-MM-DD`. */
export function shiftYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
}

export function isValidDate(value: MetadataValue | undefined): boolean {
  return value?.shape.kind === "date" && value.shape.valid;
}
