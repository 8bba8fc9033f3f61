import type { MetadataEntry } from "../model/metadata.ts";
import { normaliseKey } from "../model/metadata.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import { findDateWithin } from "../markdown/parse-value.ts";
import { defineRule, reportingHistoryAsWarnings } from "./define-rule.ts";

const monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

export default defineRule({
  id: "date",
  description: "Dates are real YYYY-MM-DD dates, in order, and not in the future",
  severity: "error",
  tags: ["metadata"],
  fixable: false,
  check(ctx) {
    const { doc, schema, repo } = ctx;
    // The form of a date is the template's convention: on an accepted RFC as committed, a warning.
    const report = reportingHistoryAsWarnings(ctx);
    const placeholders = new Map(schema.metadata.map((k) => [normaliseKey(k.key), k.placeholder]));
    const isDateKey = (key: string) => key === "start date" || key === "last updated" || /YYYY-MM-DD/.test(placeholders.get(key) ?? "");
    const dates = new Map<string, { entry: MetadataEntry; iso: string }>();
    for (const entry of doc.metadata.entries) {
      const key = normaliseKey(entry.key);
      if (!isDateKey(key) || isPlaceholder(entry.value.raw, placeholders.get(key))) continue;
      const { value } = entry;
      const raw = value.raw.trim();
      const at = { line: value.line, column: value.column, endColumn: value.column + value.raw.length };
      // A template that shows no form (Go's `Last updated: [Date]`) takes a date in any form that reads one way.
      const readable = value.shape.kind === "text" && !asksForIsoDates(placeholders.get(key)) ? toIsoDate(raw) : null;
      if (readable) {
        if (readable > repo.today) report({ ...at, message: `"${entry.key}" is ${raw}, which is after today (${repo.today}).`, hint: "write the date it happened; it cannot be in the future." });
        else dates.set(key, { entry, iso: readable });
      } else if (value.shape.kind === "empty") {
        report({ ...at, message: `"${entry.key}" is empty.`, hint: `write the date as YYYY-MM-DD, e.g. today's: ${repo.today}.` });
      } else if (value.shape.kind !== "date") {
        const iso = toIsoDate(raw);
        const within = iso ? null : findDateWithin(raw);
        report({
          ...at,
          message: `"${entry.key}" is "${raw}", not a date in the form YYYY-MM-DD.`,
          hint: iso ? `write it as ${iso}.` : within ? keepTheDateAlone(within) : `write the date as YYYY-MM-DD, e.g. today's: ${repo.today}.`,
        });
      } else if (!value.shape.valid) {
        report({ ...at, message: `"${entry.key}" is ${raw}, which is not a real date.`, hint: "write a date that exists on the calendar, as YYYY-MM-DD." });
      } else if (raw > repo.today) {
        report({ ...at, message: `"${entry.key}" is ${raw}, which is after today (${repo.today}).`, hint: "write the date it happened; it cannot be in the future." });
      } else {
        dates.set(key, { entry, iso: raw });
      }
    }
    const start = dates.get("start date");
    const updated = dates.get("last updated");
    if (start && updated && updated.iso < start.iso) {
      const { value } = updated.entry;
      report({
        line: value.line,
        column: value.column,
        endColumn: value.column + value.raw.length,
        message: `"${updated.entry.key}" is ${updated.iso}, before "${start.entry.key}" ${start.iso}.`,
        hint: `an RFC cannot be updated before it starts: correct one of the two dates.`,
      });
    }
  },
});

/**
 * Whether the template asks for `YYYY-MM-DD` dates under a key: its placeholder says so or is such
 * a date. Without the key in the template, the form `rfc new` writes is the one asked for.
 */
function asksForIsoDates(placeholder: string | undefined): boolean {
  return placeholder === undefined || placeholder.trim() === "" || /YYYY|\d{4}-\d{2}-\d{2}/i.test(placeholder);
}

/** The hint for a date written inside other words (the template's, mostly): the same in `metadata-placeholder`. */
export function keepTheDateAlone(date: string): string {
  return `write it as ${date}, without the words around it.`;
}

/** Reads a date written another way (`2024/1/5`, `Jan 5, 2024`, `5 January 2024`) when only one reading exists. */
function toIsoDate(text: string): string | null {
  const t = text.replace(/^[\s(`*_]+|[\s)`*_.]+$/g, "");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // 05/01/2024 is May 1st or January 5th depending on who wrote it: only suggest when one reading is impossible.
    if (a > 12 && b <= 12) return iso(year, b, a);
    if (b > 12 && a <= 12) return iso(year, a, b);
    if (a === b) return iso(year, a, b);
    return null;
  }
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(t);
  if (m) return iso(Number(m[3]), month(m[1]!), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(t);
  if (m) return iso(Number(m[3]), month(m[2]!), Number(m[1]));
  return null;
}

function month(name: string): number {
  const lower = name.toLowerCase();
  if (lower.length < 3) return 0;
  return monthNames.findIndex((full) => full.startsWith(lower)) + 1;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
