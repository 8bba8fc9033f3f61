import type { Book, Page } from "../types.ts";
import { escapeText } from "./escape.ts";
import { renderLayout } from "./layout.ts";

/** mdBook's page of the whole book, for printing. */
export const printPath = "print.html";

/**
 * `print.html`: every chapter on one page, to print the book at once, as mdBook has it. The page
 * holds none of them: the reader's browser fetches the published pages and puts their content
 * here (`src/client/print.ts`), so the site does not carry the book twice (Rust's would grow by
 * 12 MB). Without JavaScript, or opened from files where browsers refuse to fetch, it says so.
 */
export function renderPrintPage(book: Book): Page {
  const content = [
    '<article class="page print-book" id="print-book">',
    `<header class="page-header"><h1>${escapeText(book.settings.title)}</h1></header>`,
    '<p class="print-status" id="print-status" role="status">This page gathers every chapter of the book for printing, once the book is opened from its site with JavaScript on.</p>',
    "</article>",
  ].join("\n");
  return { path: printPath, html: renderLayout({ settings: book.settings, out: printPath, title: "Print", content, listOut: book.places.list }) };
}
