import { resolveSource } from "../to-book.ts";
import { renderSearchIndex } from "../search/search-index.ts";
import type { Book, Chapter, Page, RenderedBook } from "../types.ts";
import { selectMermaidFiles } from "../mermaid-files.ts";
import { toMdBookId, toSlug } from "../../markdown/slug.ts";
import { encodePath } from "../url-policy.ts";
import { renderChapterContent } from "./chapter-page.ts";
import { renderFeed } from "./feed.ts";
import { renderIndexContent } from "./index-page.ts";
import { renderLayout, themeDir, toRelativeUrl } from "./layout.ts";
import { renderNotFoundPage } from "./not-found-page.ts";
import { renderPrintPage } from "./print-page.ts";
import { renderRedirectPages } from "./redirect-page.ts";
import { createMarkdownRenderer } from "./markdown.ts";
import { bookCss } from "./theme-css.ts";
import { renderTocScript } from "./toc-script.ts";

/** What the renderer needs besides the book. */
export interface RenderOptions {
  /** The browser script (`src/client/`, bundled), copied as `_rfckit/book.js`. */
  clientScript: string;
  /**
   * Mermaid's files (`_rfckit/mermaid/`), of which the book gets those its diagrams need, and none
   * when it has none; without them, diagrams stay as their source.
   */
  mermaidFiles?: readonly Page[];
  /**
   * Render only these chapters (by output path), and leave out the files made from every chapter
   * (the sidebar's list, the search index, the feed): a partial render after an edit, whose
   * caller keeps the other pages and makes those files from the whole book.
   */
  only?: ReadonlySet<string>;
  /** Leave the search index out: the caller makes it (rfc build, in a worker thread) and adds it with `addPages`. */
  withoutSearch?: boolean;
}

/**
 * Renders the book to pages held in memory: one per chapter, the RFC index (`index.html` when
 * there is no README, else `rfcs.html`), the stylesheet, the sidebar's `toc.js` and the client
 * script, the search index (`_rfckit/search/`), the Atom feed (`feed.xml`), `404.html` and `print.html`. Pages are sorted by path, so the output is the same bytes for the same input.
 */
export function renderBook(book: Book, options: RenderOptions): RenderedBook {
  const render = createMarkdownRenderer({ imageHosts: book.settings.imageHosts, smartPunctuation: book.settings.smartPunctuation });
  const listOut = book.places.list;
  const copied = new Map(book.assets.map((a) => [a.from, a.to]));
  const chapters = options.only ? book.chapters.filter((c) => options.only!.has(c.entry.out)) : book.chapters;
  const pages: Page[] = chapters.map((chapter) => {
    // mdBook numbers its ids with the page's title first, unless the title's id is written as an
    // attribute (`{ #id }`), which it takes as it is (the model's id is then not the title's slug).
    const mdBookSeen = new Map<string, number>();
    const titleMdBookId = chapter.titleId && chapter.titleId === toSlug(chapter.title) ? toMdBookId(chapter.title, mdBookSeen) : null;
    const pageIds = new Set([...chapter.slugByLine.values(), ...(chapter.titleId ? [chapter.titleId] : [])]);
    // A new env for each render: markdown-it's plugins keep state in it (the footnotes met so far).
    const toEnv = (slugByLine: ReadonlyMap<number, string>) => ({
      slugByLine,
      seen: new Map<string, number>(),
      mdBookSeen,
      pageIds,
      videoHosts: book.settings.videoHosts,
      imageHosts: book.settings.imageHosts,
      resolveLink: (href: string) => resolveLink(book, chapter, copied, listOut, href),
    });
    const body = render(chapter.markdown, toEnv(chapter.slugByLine));
    const content = renderChapterContent(chapter, body, {
      renderValue: (markdown) => render.inline(markdown, toEnv(new Map())),
      titleMdBookId: titleMdBookId !== null && titleMdBookId !== "" && !pageIds.has(titleMdBookId) ? titleMdBookId : null,
    });
    return { path: chapter.entry.out, html: renderLayout({ settings: book.settings, out: chapter.entry.out, title: chapter.title, content, listOut }) };
  });
  // mdBook's `index.html` is its first chapter again: the introduction, where it has a page of its own.
  const intro = pages.find((p, i) => chapters[i]!.entry.kind === "intro" && p.path !== "index.html");
  if (intro) pages.push({ path: "index.html", html: intro.html });
  pages.push(
    { path: listOut, html: renderLayout({ settings: book.settings, out: listOut, title: "All RFCs", content: renderIndexContent(book, listOut), listOut }) },
    { path: `${themeDir}/book.css`, html: bookCss },
    { path: `${themeDir}/book.js`, html: options.clientScript },
    ...book.settings.stylesheets,
  );
  if (!options.only) pages.push({ path: `${themeDir}/toc.js`, html: renderTocScript(book) }, ...(options.withoutSearch ? [] : renderSearchIndex(book)), renderFeed(book), renderNotFoundPage(book), ...(book.settings.print ? [renderPrintPage(book)] : []));
  pages.push(...selectMermaidFiles(options.mermaidFiles ?? [], chapters.flatMap(toDiagramSources)));
  if (!options.only) pages.push(...renderRedirectPages(book.settings.redirects, [...pages, ...book.chapters.map((c) => ({ path: c.entry.out, html: "" })), ...book.assets.map((a) => ({ path: a.to, html: "" }))]));
  pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { pages, assets: book.assets };
}

/** The rendered book with `more` pages, in path order like the rest. */
export function addPages(rendered: RenderedBook, more: readonly Page[]): RenderedBook {
  const pages = [...rendered.pages, ...more].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...rendered, pages };
}

function toDiagramSources(chapter: Chapter): string[] {
  return (chapter.file.document?.codeBlocks ?? []).filter((block) => block.lang.toLowerCase() === "mermaid").map((block) => block.content);
}

/**
 * A link as the book needs it: to another page's `.html`, to a copied asset's place, to the
 * repository for other files, and as written otherwise.
 */
function resolveLink(book: Book, chapter: Chapter, copied: ReadonlyMap<string, string>, listOut: string, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return href;
  const hash = href.indexOf("#");
  const fragment = hash === -1 ? "" : href.slice(hash);
  const source = resolveSource(chapter.entry.source, href);
  if (source === null) return href;
  // A link to the RFC folder itself (a README's "see text/") goes to the index of RFCs.
  if (book.rfcDirs.includes(source.replace(/\/+$/, "") || ".")) return toRelativeUrl(chapter.entry.out, listOut);
  const page = book.outBySource.get(source);
  if (page !== undefined) return page === chapter.entry.out ? fragment || "#" : toRelativeUrl(chapter.entry.out, page) + fragment;
  const asset = copied.get(source);
  if (asset !== undefined) return toRelativeUrl(chapter.entry.out, asset) + (href.includes("?") ? href.slice(href.indexOf("?")) : fragment);
  const repoUrl = book.settings.gitRepositoryUrl;
  if (repoUrl && book.files.has(source)) return `${repoUrl}/blob/${encodePath(book.settings.branch)}/${encodePath(book.settings.gitPrefix + source)}${fragment}`;
  return href;
}
