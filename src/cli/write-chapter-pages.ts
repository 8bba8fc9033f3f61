import { createChapterRenderer, toChapterJob, toPagePaths, toRenderContext } from "../book/render/render-chapter.ts";
import type { Book } from "../book/types.ts";
import { createBookFileWriter } from "./book-file-writer.ts";
import type { SearchIndexWriter } from "./write-search-index.ts";

/** Chapters handed to the search index at a time. */
const searchBatch = 16;

/**
 * Renders every chapter of the book and writes its page under `dir` as it is made: a page is not
 * kept once it is written, and its file's text is let go of (`MarkdownFile.release`), so a book
 * of any size renders in bounded memory. Each chapter also goes to `search`, which makes its part
 * of the search index (in a worker thread, meanwhile). Returns the number of files written.
 */
export async function writeChapterPages(book: Book, dir: string, search: SearchIndexWriter | null): Promise<number> {
  const renderChapter = createChapterRenderer(toRenderContext(book));
  const write = createBookFileWriter(dir);
  let written = 0;
  for (let start = 0; start < book.chapters.length; start += searchBatch) {
    const chapters = book.chapters.slice(start, start + searchBatch);
    await search?.add(start, chapters);
    for (const chapter of chapters) {
      const html = renderChapter(toChapterJob(chapter));
      for (const out of toPagePaths(chapter)) {
        write(out, html);
        written++;
      }
    }
    for (const chapter of chapters) chapter.file.release?.();
  }
  return written;
}
