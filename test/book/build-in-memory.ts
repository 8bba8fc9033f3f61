import { createDocumentParser, loadRepository, preprocessors, renderBook, toBook, toSummary, type Book, type RenderedBook, type SettingsOverrides } from "../../src/index.ts";
import { toParsedFile } from "../../src/repository/read-markdown.ts";

/** Runs the book's pure stages on a repository folder and returns the pages in memory. */
export async function buildInMemory(root: string, options: { readme?: string; overrides?: SettingsOverrides } = {}): Promise<{ book: Book; rendered: RenderedBook; page(path: string): string }> {
  const repo = await loadRepository({ root, history: false });
  const intro = options.readme === undefined ? null : toParsedFile("README.md", createDocumentParser()(options.readme));
  const pages = { intro, summaryFile: null, pages: [], stylesheets: [], warnings: [] };
  let book = toBook(toSummary(repo, { pages, overrides: options.overrides ?? {} }), repo, { pages });
  for (const preprocessor of preprocessors) book = preprocessor.run({ repo }, book);
  const rendered = renderBook(book, { clientScript: "/* client */" });
  const page = (path: string) => {
    const found = rendered.pages.find((p) => p.path === path);
    if (!found) throw new Error(`no page ${path}; pages: ${rendered.pages.map((p) => p.path).join(", ")}`);
    return found.html;
  };
  return { book, rendered, page };
}

/**
 * Every opening tag of a page, as the browser would parse it. Escaped text (`&lt;script&gt;`)
 * holds no `<`, so only real markup is returned.
 */
export function toTags(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
}

/** The layout's own script tags, which load the book's files from `_rfckit/`. */
export const layoutScript = /^<script src="(?:\.\.\/)*_rfckit\/(?:book|toc)\.js"(?: defer)?>$/;
