import { toOneLine } from "../report/sanitize.ts";
import type { RfcRow } from "./list-rfcs.ts";

/** The output formats of `rfc list`. */
export const listFormats = ["table", "json", "csv"] as const;
export type ListFormat = (typeof listFormats)[number];

/** How to lay out a table. */
export interface TableOptions {
  /** Fit lines to this many columns (a terminal's width); no limit when absent. */
  width?: number | undefined;
}

/**
 * A column of the table: heading, cell text, how narrow it may be cut with `…` (none: never cut,
 * as a date cut is no date): first to a width that still reads well (`comfortable`), at last to
 * `min`; and whether it may be left out to fit a narrow terminal.
 */
interface Column {
  heading: string;
  cell: (row: RfcRow) => string;
  comfortable?: number;
  min?: number;
  droppable?: boolean;
}

const allColumns: Column[] = [
  { heading: "#", cell: (row) => row.numberText ?? (row.status === "misnamed" ? "?" : "-") },
  { heading: "Title", cell: (row) => row.title, comfortable: 30, min: 12 },
  { heading: "Feature", cell: (row) => row.featureName ?? "-", comfortable: 16, min: 8, droppable: true },
  { heading: "Started", cell: (row) => row.startDate ?? "-", droppable: true },
  { heading: "Updated", cell: (row) => row.lastUpdated ?? "-", droppable: true },
  { heading: "PR", cell: (row) => row.pr ?? "-", comfortable: 16, min: 8, droppable: true },
  { heading: "Status", cell: (row) => row.status },
  { heading: "Gate", cell: (row) => row.gate, comfortable: 16, min: 8, droppable: true },
];
/** Shown after the title where RFCs are kept in category folders. */
const categoryColumn: Column = { heading: "Category", cell: (row) => row.category ?? "-", comfortable: 16, min: 8, droppable: true };
const titleColumn = 1;
const gap = "  ";

/**
 * The rows as an aligned table with a heading line. With `width`, lines are fitted to it, widest
 * column first: columns that may be cut lose a character at a time (their cells cut with `…`)
 * down to a width that reads well; then columns that may be left out are; then the cut columns
 * go down to their narrowest. Number, title and status always stay; a line still too long then
 * overflows.
 */
export function renderListTable(rows: readonly RfcRow[], options: TableOptions = {}): string {
  if (rows.length === 0) return "No RFCs match.\n";
  const columns = rows.some((row) => row.category !== null) ? [...allColumns.slice(0, titleColumn + 1), categoryColumn, ...allColumns.slice(titleColumn + 1)] : allColumns;
  const cells = rows.map((row) => columns.map((c) => toOneLine(c.cell(row))));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.heading), ...cells.map((r) => displayWidth(r[i]!))));
  const shown = options.width === undefined ? columns.map(() => true) : fitColumns(columns, widths, options.width);
  const keptWidths = widths.filter((_, i) => shown[i]);
  const line = (texts: readonly string[]) =>
    texts
      .map((text, i) => cut(text, widths[i]!))
      .filter((_, i) => shown[i])
      .map((text, i, kept) => (i === kept.length - 1 ? text : text + " ".repeat(Math.max(0, keptWidths[i]! - displayWidth(text)))))
      .join(gap)
      .trimEnd();
  return [line(columns.map((c) => c.heading)), ...cells.map(line)].join("\n") + "\n";
}

/** Narrows `widths` in place and says which columns are shown, so that lines fit `limit` where they can. */
function fitColumns(columns: readonly Column[], widths: number[], limit: number): boolean[] {
  const shown = columns.map(() => true);
  const total = () => widths.reduce((sum, w, i) => sum + (shown[i] ? w + gap.length : 0), -gap.length);
  const widest = (can: (c: Column, i: number) => boolean) => maxIndex(widths.map((w, i) => (shown[i] && can(columns[i]!, i) ? w : -1)));
  const narrowTo = (floor: (c: Column) => number | undefined) => {
    for (let i = widest((c, j) => (floor(c) ?? Infinity) < widths[j]!); total() > limit && i !== -1; i = widest((c, j) => (floor(c) ?? Infinity) < widths[j]!)) widths[i]!--;
  };
  narrowTo((c) => c.comfortable);
  for (let i = widest((c) => c.droppable === true); total() > limit && i !== -1; i = widest((c) => c.droppable === true)) shown[i] = false;
  narrowTo((c) => c.min);
  return shown;
}

/** The index of the largest value when it is not negative; -1 otherwise. Ties go to the rightmost column. */
function maxIndex(values: readonly number[]): number {
  let best = -1;
  for (const [i, v] of values.entries()) if (v >= 0 && (best === -1 || v >= values[best]!)) best = i;
  return best;
}

/** The rows as a JSON array of objects, keys in `RfcRow` order. */
export function renderListJson(rows: readonly RfcRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** The rows as CSV (RFC 4180: CRLF line ends, fields with `"`, `,` or line breaks quoted), with a header line of the JSON keys. */
export function renderListCsv(rows: readonly RfcRow[]): string {
  const keys: (keyof RfcRow)[] = ["path", "number", "numberText", "title", "featureName", "startDate", "lastUpdated", "pr", "prUrl", "status", "category", "gate"];
  const field = (value: unknown): string => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [keys.join(","), ...rows.map((row) => keys.map((k) => field(row[k])).join(","))].map((l) => `${l}\r\n`).join("");
}

/** Shortens `text` to `width` columns, ending in `…` when cut. */
function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  let used = 0;
  for (const char of text) {
    used += displayWidth(char);
    if (used > width - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** Columns a string takes in a terminal: wide (CJK, emoji) characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += wide.test(char) ? 2 : 1;
  return width;
}

const wide = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
