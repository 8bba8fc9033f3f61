import { renderSearchIndex } from "../search/search-index.ts";
import type { Book, Chapter, Page, RenderedBook } from "../types.ts";
import { selectMermaidFiles } from "../mermaid-files.ts";
import { renderFeed } from "./feed.ts";
import { renderIndexContent } from "./index-page.ts";
import { renderLayout, themeDir } from "./layout.ts";
import { renderNotFoundPage } from "./not-found-page.ts";
import { renderPrintPage } from "./print-page.ts";
import { renderRedirectPages } from "./redirect-page.ts";
import { createChapterRenderer, toChapterJob, toDiagramSources, toPagePaths, toRenderContext } from "./render-chapter.ts";
import { bookCss } from "./theme-css.ts";
import { renderTocScript } from "./toc-script.ts";

/** What the renderer needs besides the book. */
export interface RenderOptions {
  /** The browser script (`src/client/`, bundled), copied as `_rfckit/book.js`. */
  clientScript: string;
  /**
   * highlight.js (`src/client/highlighter.ts`, bundled), copied as `_rfckit/highlighter.js`, which
   * book.js loads on pages with code; without it, code stays plain.
   */
  highlighterScript?: string;
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
  const renderChapter = createChapterRenderer(toRenderContext(book));
  const chapters = options.only ? book.chapters.filter((c) => options.only!.has(c.entry.out)) : book.chapters;
  const pages: Page[] = chapters.flatMap((chapter) => {
    const html = renderChapter(toChapterJob(chapter));
    return toPagePaths(chapter).map((path) => ({ path, html }));
  });
  pages.push(...renderBookFiles(book, { ...options, chapters }));
  pages.sort(byPath);
  return { pages, assets: book.assets };
}

/**
 * The book's files that are not chapters' pages (see `renderBook`), for `chapters` rendered
 * (all, unless `only` is set). `rfc build` renders the chapters' pages apart, in two threads.
 */
export function renderBookFiles(book: Book, options: RenderOptions & { chapters: readonly Chapter[] }): Page[] {
  const listOut = book.places.list;
  const pages: Page[] = [
    { path: listOut, html: renderLayout({ settings: book.settings, out: listOut, title: "All RFCs", content: renderIndexContent(book, listOut), listOut }) },
    { path: `${themeDir}/book.css`, html: bookCss },
    { path: `${themeDir}/book.js`, html: options.clientScript },
    ...(options.highlighterScript === undefined ? [] : [{ path: `${themeDir}/highlighter.js`, html: options.highlighterScript }]),
    ...book.settings.stylesheets,
  ];
  if (!options.only) pages.push({ path: `${themeDir}/toc.js`, html: renderTocScript(book) }, ...(options.withoutSearch ? [] : renderSearchIndex(book)), renderFeed(book), renderNotFoundPage(book), ...(book.settings.print ? [renderPrintPage(book)] : []));
  pages.push(...selectMermaidFiles(options.mermaidFiles ?? [], options.chapters.flatMap(toDiagramSources)));
  if (!options.only) {
    const taken = [...pages, ...book.chapters.flatMap(toPagePaths).map((path) => ({ path, html: "" })), ...book.assets.map((a) => ({ path: a.to, html: "" }))];
    pages.push(...renderRedirectPages(book.settings.redirects, taken));
  }
  return pages;
}

/** The rendered book with `more` pages, in path order like the rest. */
export function addPages(rendered: RenderedBook, more: readonly Page[]): RenderedBook {
  const pages = [...rendered.pages, ...more].sort(byPath);
  return { ...rendered, pages };
}

function byPath(a: Page, b: Page): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
