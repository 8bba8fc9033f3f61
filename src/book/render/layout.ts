import path from "node:path";
import type { SiteSettings } from "../types.ts";
import { encodePath } from "../url-policy.ts";
import { toContentSecurityPolicy } from "./content-security-policy.ts";
import { escapeAttr, escapeText } from "./escape.ts";
import { feedPath } from "./feed.ts";

/** Where the book's own files live, apart from the RFCs' pages and assets. */
export const themeDir = "_rfckit";

/** Everything the layout wraps around one page's content. */
export interface LayoutInput {
  settings: SiteSettings;
  /** The page's path relative to the book root. */
  out: string;
  title: string;
  /** The page's main content, already safe HTML. */
  content: string;
  /** Output path of the RFC index page, linked from the top bar. */
  listOut: string;
  /**
   * The URL of the book's root, for a page served at other paths than its own (`404.html`, which
   * GitHub Pages serves for any missing path): `/rfcs/`. By default links are relative to `out`.
   */
  rootUrl?: string;
}

/** The relative path from a page back to the book root (`""`, `"../"`…), so the book works from `file://`. */
export function toRootPath(out: string): string {
  return "../".repeat(out.split("/").length - 1);
}

/** The relative URL from page `from` to page `to`, both relative to the book root; scheme-safe whatever the file names (see `encodePath`). */
export function toRelativeUrl(from: string, to: string): string {
  return encodePath(path.posix.relative(path.posix.dirname(from), to));
}

/**
 * A whole HTML page: head with the stylesheet and scripts (all in the book, never from another
 * host), a top bar, the sidebar filled by `toc.js` (one file for the book, so pages do not each
 * repeat the list of RFCs), and the content.
 */
export function renderLayout(input: LayoutInput): string {
  const { settings, out, title } = input;
  const root = input.rootUrl ?? toRootPath(out);
  const asset = (name: string) => escapeAttr(`${root}${themeDir}/${name}`);
  const pageTitle = title === settings.title ? title : `${title} · ${settings.title}`;
  const canonical = settings.siteUrl && input.rootUrl === undefined ? `\n<link rel="canonical" href="${escapeAttr(settings.siteUrl + encodePath(out))}">` : "";
  const description = settings.description ? `\n<meta name="description" content="${escapeAttr(settings.description)}">` : "";
  // The repository's own stylesheets (`additional-css`), after the book's so they can override it.
  const extraCss = settings.stylesheets.map((css) => `\n<link rel="stylesheet" href="${escapeAttr(root + encodePath(css.path))}">`).join("");
  // The theme for a reader who has chosen none, where book.toml sets one (read by book.js in the <head>).
  const themes = (["light", "dark"] as const).map((system) => (settings.theme[system] ? ` data-${system}-system-theme="${settings.theme[system]}"` : "")).join("");
  const classes = ` data-mdbook-themes="${escapeAttr(`${settings.themeClasses.light} ${settings.themeClasses.dark}`)}"`;
  const search = settings.search
    ? `\n<div class="search" id="search" role="search" hidden><input type="search" id="search-input" placeholder="Search RFCs (/)" aria-label="Search the RFCs" autocomplete="off" data-root="${escapeAttr(root)}"><div class="search-results" id="search-results" aria-live="polite" hidden></div></div>`
    : "";
  return `<!DOCTYPE html>
<html lang="${escapeAttr(settings.language ?? "en")}"${themes}${classes}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(toContentSecurityPolicy(input.content, settings.imageHosts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(pageTitle)}</title>${description}${canonical}
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset("book.css")}">${extraCss}
<link rel="alternate" type="application/atom+xml" title="${escapeAttr(settings.title)}" href="${escapeAttr(root + feedPath)}">
<script src="${asset("book.js")}"></script>
<script src="${asset("toc.js")}" defer></script>
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="top-bar">
<button type="button" class="sidebar-toggle" id="sidebar-toggle" aria-controls="sidebar" aria-expanded="false" title="RFC list">☰</button>
<a class="book-title" href="${escapeAttr(`${root}index.html`)}">${escapeText(settings.title)}</a>
<a class="all-rfcs" href="${escapeAttr(input.rootUrl === undefined ? toRelativeUrl(out, input.listOut) : input.rootUrl + encodePath(input.listOut))}">All RFCs</a>${search}
${settings.print ? `<a class="print-link" href="${escapeAttr(`${root}print.html`)}" title="Print the whole book" aria-label="Print the whole book"><svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M6 9V3h12v6M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2M6 14h12v7H6z"/></svg></a>\n` : ""}<select class="theme-select" id="theme-select" aria-label="Theme" title="Theme" hidden><option value="system">◐ System</option><option value="light">☀ Light</option><option value="dark">☾ Dark</option></select>
</header>
<div class="layout">
<nav class="sidebar" id="sidebar" aria-label="RFCs" data-root="${escapeAttr(root)}" data-current="${escapeAttr(out)}"><a href="${escapeAttr(input.rootUrl === undefined ? toRelativeUrl(out, input.listOut) : input.rootUrl + encodePath(input.listOut))}">All RFCs</a></nav>
<main id="content">
${input.content}
</main>
</div>
</body>
</html>
`;
}
