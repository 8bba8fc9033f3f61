import type { Book } from "../types.ts";
import { escapeAttr, escapeText } from "./escape.ts";
import { feedPath } from "./feed.ts";
import { toRelativeUrl } from "./layout.ts";

/**
 * The index of every RFC as a plain table, readable without script; `book.js` adds sorting
 * and filtering. Cells carry `data-sort` where the shown text does not sort well.
 */
export function renderIndexContent(book: Book, out: string): string {
  const rows = book.rows.map(({ row, out: page }) => {
    const number = /(\d+)-[^/]*$/.exec(row.path)?.[1] ?? "";
    const cells = [
      `<td data-sort="${escapeAttr(row.number === null ? "" : String(row.number).padStart(6, "0"))}">${escapeText(number)}</td>`,
      `<td><a href="${escapeAttr(toRelativeUrl(out, page))}">${escapeText(row.title)}</a></td>`,
      `<td>${row.featureName ? `<code>${escapeText(row.featureName)}</code>` : ""}</td>`,
      `<td>${escapeText(row.startDate ?? "")}</td>`,
      `<td>${escapeText(row.lastUpdated ?? "")}</td>`,
      `<td>${row.prUrl && /^https:\/\//.test(row.prUrl) ? `<a href="${escapeAttr(row.prUrl)}">${escapeText(row.pr ?? row.prUrl)}</a>` : ""}</td>`,
      `<td><span class="status status-${escapeAttr(row.status.toLowerCase().replace(/[^a-z0-9]+/g, "-"))}">${escapeText(row.status)}</span></td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<article class="page rfc-index">
<h1>All RFCs</h1>
<p class="rfc-count">${book.rows.length} RFC${book.rows.length === 1 ? "" : "s"}. <a class="feed-link" href="${escapeAttr(toRelativeUrl(out, feedPath))}" type="application/atom+xml">Feed</a> of the latest changes.</p>
<p class="rfc-filter-box" hidden><label>Filter <input type="search" id="rfc-filter" placeholder="number, title, feature, status…"></label></p>
<div class="table-wrap">
<table class="rfc-table" id="rfc-table">
<thead><tr><th scope="col">RFC</th><th scope="col">Title</th><th scope="col">Feature</th><th scope="col">Started</th><th scope="col">Last updated</th><th scope="col">Pull request</th><th scope="col">Status</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>
</article>`;
}
