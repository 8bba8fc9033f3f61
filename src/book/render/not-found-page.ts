import type { Book, Page } from "../types.ts";
import { encodePath } from "../url-policy.ts";
import { escapeAttr } from "./escape.ts";
import { renderLayout } from "./layout.ts";

/** Where static hosts (GitHub Pages, Netlify, mdBook's own output) look for the page of a missing path. */
export const notFoundPath = "404.html";

/**
 * The page a host serves for a path the book does not have, whatever folder that path is in: its
 * links start from the book's root as `site-url` gives it (its path: `/rfcs/`), else `/`, as
 * mdBook's 404 page does, since relative links would resolve from the missing path's folder.
 */
export function renderNotFoundPage(book: Book): Page {
  const listOut = book.places.list;
  const rootUrl = toRootUrl(book.settings.siteUrl);
  const hasIntro = book.chapters.some((c) => c.entry.kind === "intro");
  const link = (to: string, text: string) => `<a href="${escapeAttr(rootUrl + encodePath(to))}">${text}</a>`;
  const content = [
    '<article class="page">',
    '<header class="page-header"><h1>Page not found</h1></header>',
    '<div class="markdown-body">',
    `<p>This page is not in the book: it may have moved, or the link may be mistyped. Search for it above, or go to ${hasIntro ? `${link("index.html", "the introduction")} or ` : ""}${link(listOut, "the list of all RFCs")}.</p>`,
    "</div>",
    "</article>",
  ].join("\n");
  return { path: notFoundPath, html: renderLayout({ settings: book.settings, out: notFoundPath, title: "Page not found", content, listOut, rootUrl }) };
}

/** The path part of `site-url` (`https://acme.github.io/rfcs/` → `/rfcs/`), or `/` without one. */
function toRootUrl(siteUrl: string | null): string {
  if (siteUrl === null) return "/";
  const pathname = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(siteUrl)?.[1] ?? siteUrl;
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}
