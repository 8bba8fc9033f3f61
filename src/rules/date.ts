import type { MetadataEntry } from "../model/metadata.ts";
import { normaliseKey } from "../model/metadata.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import { toIsoDate } from "../markdown/parse-value.ts";
import { dateHint, startedOn } from "./date-hint.ts";
import { defineRule, reportingHistoryAsWarnings } from "./define-rule.ts";

export default defineRule({
  id: "date",
  description: "Dates are real YYYY-MM-DD dates, in order, and not in the future",
  severity: "error",
  tags: ["metadata"],
  fixable: false,
  check(ctx) {
    const { doc, schema, repo, rfc } = ctx;
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
      const hint = () => dateHint(raw, repo.today, key === "start date" ? startedOn(rfc, repo.today) : null);
      // A template that shows no form (Go's `Last updated: [Date]`) takes a date in any form that reads one way.
      const readable = value.shape.kind === "text" && !asksForIsoDates(placeholders.get(key)) ? toIsoDate(raw) : null;
      if (readable) {
        if (readable > repo.today) report({ ...at, message: `"${entry.key}" is ${raw}, which is after today (${repo.today}).`, hint: "write the date it happened; it cannot be in the future." });
        else dates.set(key, { entry, iso: readable });
      } else if (value.shape.kind === "empty") {
        report({ ...at, message: `"${entry.key}" is empty.`, hint: hint() });
      } else if (value.shape.kind !== "date") {
        const iso = toIsoDate(raw);
        report({
          ...at,
          message: `"${entry.key}" is "${raw}", not a date in the form YYYY-MM-DD.`,
          hint: iso ? `write it as ${iso}.` : hint(),
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
