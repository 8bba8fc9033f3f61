import { SearchIndexBuilder, toPageSearch, toTextsFile, type SearchPage } from "../book/search/search-index.ts";
import { createBookFileWriter } from "./book-file-writer.ts";

/** What the index needs of every page before any is added: its place, title and sections (see `SearchIndexBuilder`). */
export type SearchHead = Pick<SearchPage, "out" | "title" | "sections">;

/**
 * The search index written under a book's folder as its pages arrive: each page's texts file at
 * once, `meta.js` and the shards once all are in. Runs in `rfc build`'s worker thread, or in
 * its own thread where no worker can start.
 */
export class SearchIndexFiles {
  private readonly builder: SearchIndexBuilder;
  private readonly writeFile: ReturnType<typeof createBookFileWriter>;
  private written = 0;

  constructor(heads: readonly SearchHead[], dir: string) {
    this.builder = new SearchIndexBuilder(heads);
    this.writeFile = createBookFileWriter(dir);
  }

  /** Adds pages `start`, `start + 1`… */
  add(start: number, pages: readonly SearchPage[]): void {
    pages.forEach((page, i) => {
      const part = toPageSearch(page);
      this.builder.add(start + i, part.docs);
      this.write(toTextsFile(start + i, part));
    });
  }

  /** Writes `meta.js` and the shards once every page is added; returns the number of files written. */
  finish(): number {
    for (const file of this.builder.toFiles()) this.write(file);
    return this.written;
  }

  private write(file: { path: string; html: string }): void {
    this.writeFile(file.path, file.html);
    this.written++;
  }
}
