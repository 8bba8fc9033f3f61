import { toOneLine } from "../report/sanitize.ts";
import type { RfcRow } from "./list-rfcs.ts";

/** The output formats of `rfc list`. */
export const listFormats = ["table", "json", "csv"] as const;
export type ListFormat = (typeof listFormats)[number];

/** How to lay out a table. */
export interface TableOptions {
  /** Fit lines to this many columns by shortening titles with `…`; no limit when absent. */
  width?: number | undefined;
}

/** The columns of the table: heading and cell text. */
const allColumns: { heading: string; cell: (row: RfcRow) => string }[] = [
  { heading: "#", cell: (row) => row.numberText ?? (row.status === "misnamed" ? "?" : "-") },
  { heading: "Title", cell: (row) => row.title },
  { heading: "Feature", cell: (row) => row.featureName ?? "-" },
  { heading: "Started", cell: (row) => row.startDate ?? "-" },
  { heading: "Updated", cell: (row) => row.lastUpdated ?? "-" },
  { heading: "PR", cell: (row) => row.pr ?? "-" },
  { heading: "Status", cell: (row) => row.status },
  { heading: "Gate", cell: (row) => row.gate },
];
/** Shown after the title where RFCs are kept in category folders. */
const categoryColumn = { heading: "Category", cell: (row: RfcRow) => row.category ?? "-" };
const titleColumn = 1;
const gap = "  ";
/** Titles are never cut below this, even if the line then overflows. */
const minTitle = 12;

/**
 * The rows as an aligned table with a heading line. With `width`, the title column shrinks (its
 * cells cut with `…`) until lines fit; other columns keep their full text.
 */
export function renderListTable(rows: readonly RfcRow[], options: TableOptions = {}): string {
  if (rows.length === 0) return "No RFCs match.\n";
  const columns = rows.some((row) => row.category !== null) ? [...allColumns.slice(0, titleColumn + 1), categoryColumn, ...allColumns.slice(titleColumn + 1)] : allColumns;
  const cells = rows.map((row) => columns.map((c) => toOneLine(c.cell(row))));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.heading), ...cells.map((r) => displayWidth(r[i]!))));
  if (options.width !== undefined) {
    const total = widths.reduce((a, b) => a + b, 0) + gap.length * (widths.length - 1);
    const over = total - options.width;
    if (over > 0) widths[titleColumn] = Math.max(minTitle, widths[titleColumn]! - over);
  }
  const line = (texts: readonly string[]) =>
    texts
      .map((text, i) => (i === titleColumn ? cut(text, widths[i]!) : text))
      .map((text, i) => (i === texts.length - 1 ? text : text + " ".repeat(Math.max(0, widths[i]! - displayWidth(text)))))
      .join(gap)
      .trimEnd();
  return [line(columns.map((c) => c.heading)), ...cells.map(line)].join("\n") + "\n";
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
