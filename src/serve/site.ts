import { preprocessors } from "../book/preprocessors/index.ts";
import { feedPath, renderFeed } from "../book/render/feed.ts";
import { themeDir } from "../book/render/layout.ts";
import { renderBook } from "../book/render/render-book.ts";
import { renderTocScript } from "../book/render/toc-script.ts";
import { renderSearchIndex, searchDir } from "../book/search/search-index.ts";
import { toSummary } from "../book/summary.ts";
import { toBook } from "../book/to-book.ts";
import type { Book, Chapter, Page } from "../book/types.ts";
import type { MarkdownFile, Repository } from "../model/repository.ts";
import { readDefaultBranch, readGitPrefix } from "../repository/git.ts";
import { readBookPages } from "../repository/read-book-pages.ts";
import { mermaidDir } from "../book/mermaid-files.ts";

/** The book as `serve` holds it: the loaded book, and every output file by its path. */
export interface Site {
  book: Book;
  /** Output path → page text (HTML, CSS, script). */
  pages: Map<string, string>;
  /** Output path → source path of a copied asset, relative to the repository root. */
  assets: Map<string, string>;
}

/** What building needs besides the repository. */
export interface SiteInputs {
  clientScript: string;
  /** highlight.js for the pages' code (see `RenderOptions`). */
  highlighterScript?: string;
  /** Mermaid's files, for pages with a diagram (see `RenderOptions`). */
  mermaidFiles?: readonly Page[];
}

/** Builds the whole book in memory, as `rfc build` does, without writing anything. */
export async function toSite(repo: Repository, inputs: SiteInputs): Promise<Site> {
  const [gitPrefix, branch] = await Promise.all([readGitPrefix(repo.root), readDefaultBranch(repo.root)]);
  const book = await toLoadedBook(repo, { gitPrefix, branch: branch ?? undefined });
  const rendered = renderBook(book, inputs);
  return {
    book,
    pages: new Map(rendered.pages.map((p) => [p.path, p.html])),
    assets: new Map(rendered.assets.map((a) => [a.to, a.from])),
  };
}

/**
 * Updates `site` for a repository in which only the contents of some Markdown files changed:
 * the book is reloaded (cheap: no Markdown is rendered), and only the pages whose chapter
 * changed are rendered again: the edited page, and those whose title, neighbours or
 * "Referenced by" moved with it, plus the index and the sidebar. The search index is kept as it
 * was (`searchStale`): made from every page, it takes seconds on a large repository, so the
 * caller refreshes it with `withSearchIndex` once the reloaded page has been served.
 */
export async function toUpdatedSite(site: Site, repo: Repository, inputs: SiteInputs): Promise<{ site: Site; rendered: number; searchStale: boolean }> {
  const previousPages = new Map(site.book.chapters.filter((c) => c.entry.kind === "intro" || c.entry.kind === "page").map((c) => [c.entry.source, c.file]));
  const { gitPrefix, branch } = site.book.settings;
  const book = await toLoadedBook(repo, { gitPrefix: gitPrefix.replace(/\/$/, ""), branch }, previousPages);
  const before = new Map(site.book.chapters.map((c) => [c.entry.out, c]));
  const changed = book.chapters.filter((c) => {
    const old = before.get(c.entry.out);
    return old === undefined || !sameChapter(old, c);
  });
  const rendered = renderBook(book, { ...inputs, only: new Set(changed.map((c) => c.entry.out)) });
  const chapterOuts = new Set(book.chapters.map((c) => c.entry.out));
  const known = new Set([book.places.list, "index.html", `${themeDir}/book.css`, `${themeDir}/book.js`, `${themeDir}/highlighter.js`, `${themeDir}/toc.js`, feedPath, ...book.settings.stylesheets.map((css) => css.path)]);
  const isSearch = (out: string) => out.startsWith(`${searchDir}/`);
  // Mermaid's files are the same for every page that has a diagram.
  const isMermaid = (out: string) => out.startsWith(`${mermaidDir}/`);
  // A page built from every chapter that this file does not know would come out of a partial
  // render incomplete: build it all instead.
  if (rendered.pages.some((p) => !chapterOuts.has(p.path) && !known.has(p.path) && !isSearch(p.path) && !isMermaid(p.path)) || site.book.chapters.length !== book.chapters.length) {
    return { site: await toSite(repo, inputs), rendered: book.chapters.length, searchStale: false };
  }
  const pages = new Map(site.pages);
  for (const page of rendered.pages) if (!isSearch(page.path)) pages.set(page.path, page.html);
  // The sidebar is made from every chapter, so from the whole book (it is cheap).
  pages.set(`${themeDir}/toc.js`, renderTocScript(book));
  // So is the feed, which picks the newest RFCs among all of them.
  pages.set(feedPath, renderFeed(book).html);
  return { site: { book, pages, assets: new Map(rendered.assets.map((a) => [a.to, a.from])) }, rendered: changed.length, searchStale: true };
}

/** The site with its search index made again from the whole book. */
export function withSearchIndex(site: Site): Site {
  const pages = new Map([...site.pages].filter(([out]) => !out.startsWith(`${searchDir}/`)));
  for (const page of renderSearchIndex(site.book)) pages.set(page.path, page.html);
  return { ...site, pages };
}

/** True when a chapter's page would render the same: same parsed file and the same things around it. */
function sameChapter(a: Chapter, b: Chapter): boolean {
  return (
    a.file.document === b.file.document &&
    a.title === b.title &&
    JSON.stringify([a.previous, a.next, a.referencedBy, a.editUrl, a.row]) === JSON.stringify([b.previous, b.next, b.referencedBy, b.editUrl, b.row])
  );
}

/** The loaded and preprocessed book; the git facts are read once per full build (they cost git processes). */
async function toLoadedBook(repo: Repository, git: { gitPrefix: string; branch: string | undefined }, previousPages: ReadonlyMap<string, MarkdownFile> = new Map()): Promise<Book> {
  const pages = readBookPages(repo, previousPages);
  const summary = toSummary(repo, { pages, overrides: git });
  let book = toBook(summary, repo, { pages });
  for (const preprocessor of preprocessors) book = preprocessor.run({ repo }, book);
  return book;
}

