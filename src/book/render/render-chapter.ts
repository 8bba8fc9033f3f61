import { toMdBookId, toSlug } from "../../markdown/slug.ts";
import { resolveSource } from "../resolve-source.ts";
import type { Book, Chapter, SiteSettings } from "../types.ts";
import { encodePath } from "../url-policy.ts";
import { renderChapterContent } from "./chapter-page.ts";
import { renderLayout, toRelativeUrl } from "./layout.ts";
import { createMarkdownRenderer } from "./markdown.ts";

/**
 * A chapter as its page is rendered: the chapter without its parsed file, and the sources of its
 * diagrams. Plain data, which a worker thread can be sent.
 */
export type ChapterJob = Omit<Chapter, "file"> & { diagramSources: string[] };

/** What every page's rendering reads of the book besides its own chapter: plain data, sent once to a worker thread. */
export interface RenderContext {
  settings: SiteSettings;
  /** Output path of the index of RFCs. */
  listOut: string;
  /** Source path → output path of every page. */
  outBySource: ReadonlyMap<string, string>;
  /** Source path → output path of every copied asset. */
  copied: ReadonlyMap<string, string>;
  rfcDirs: readonly string[];
  files: ReadonlySet<string>;
}

export function toRenderContext(book: Book): RenderContext {
  return {
    settings: book.settings,
    listOut: book.places.list,
    outBySource: book.outBySource,
    copied: new Map(book.assets.map((a) => [a.from, a.to])),
    rfcDirs: book.rfcDirs,
    files: book.files,
  };
}

export function toChapterJob(chapter: Chapter): ChapterJob {
  const { file, ...job } = chapter;
  return { ...job, diagramSources: toDiagramSources(chapter) };
}

/** The sources of a chapter's Mermaid diagrams, for the book to take the Mermaid files they need. */
export function toDiagramSources(chapter: Chapter): string[] {
  return chapter.diagrams;
}

/** The paths a chapter's page is written at: its own, and `index.html` for an introduction with a page of its own (mdBook's first chapter, again). */
export function toPagePaths(chapter: Pick<Chapter, "entry">): string[] {
  return chapter.entry.kind === "intro" && chapter.entry.out !== "index.html" ? [chapter.entry.out, "index.html"] : [chapter.entry.out];
}

/** Renders chapters to whole pages, with one markdown-it for all of them. */
export function createChapterRenderer(context: RenderContext): (job: ChapterJob) => string {
  const { settings, listOut } = context;
  const render = createMarkdownRenderer({ imageHosts: settings.imageHosts, smartPunctuation: settings.smartPunctuation });
  return (chapter) => {
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
      videoHosts: settings.videoHosts,
      imageHosts: settings.imageHosts,
      resolveLink: (href: string) => resolveLink(context, chapter, href),
    });
    const body = render(chapter.markdown, toEnv(chapter.slugByLine));
    const content = renderChapterContent(chapter, body, {
      renderValue: (markdown) => render.inline(markdown, toEnv(new Map())),
      titleMdBookId: titleMdBookId !== null && titleMdBookId !== "" && !pageIds.has(titleMdBookId) ? titleMdBookId : null,
    });
    return renderLayout({ settings, out: chapter.entry.out, title: chapter.title, content, listOut });
  };
}

/**
 * A link as the book needs it: to another page's `.html`, to a copied asset's place, to the
 * repository for other files, and as written otherwise.
 */
function resolveLink(context: RenderContext, chapter: ChapterJob, href: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return href;
  const hash = href.indexOf("#");
  const fragment = hash === -1 ? "" : href.slice(hash);
  const source = resolveSource(chapter.entry.source, href);
  if (source === null) return href;
  // A link to the RFC folder itself (a README's "see text/") goes to the index of RFCs.
  if (context.rfcDirs.includes(source.replace(/\/+$/, "") || ".")) return toRelativeUrl(chapter.entry.out, context.listOut);
  const page = context.outBySource.get(source);
  if (page !== undefined) return page === chapter.entry.out ? fragment || "#" : toRelativeUrl(chapter.entry.out, page) + fragment;
  const asset = context.copied.get(source);
  if (asset !== undefined) return toRelativeUrl(chapter.entry.out, asset) + (href.includes("?") ? href.slice(href.indexOf("?")) : fragment);
  const repoUrl = context.settings.gitRepositoryUrl;
  if (repoUrl && context.files.has(source)) return `${repoUrl}/blob/${encodePath(context.settings.branch)}/${encodePath(context.settings.gitPrefix + source)}${fragment}`;
  return href;
}
