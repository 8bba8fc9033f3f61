import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SearchIndexBuilder, searchDir, toPageSearch, toTextsFile, type SearchPage } from "../book/search/search-index.ts";

/** What the index needs of every page before any is added: its place, title and sections (see `SearchIndexBuilder`). */
export type SearchHead = Pick<SearchPage, "out" | "title" | "sections">;

/**
 * The search index written under a book's folder as its pages arrive: each page's texts file at
 * once, `meta.js` and the shards once all are in. Runs in `rfc build`'s worker thread, or in
 * its own thread where no worker can start.
 */
export class SearchIndexFiles {
  private readonly builder: SearchIndexBuilder;
  private readonly writes: Promise<void>[] = [];
  private written = 0;

  constructor(
    heads: readonly SearchHead[],
    private readonly dir: string,
  ) {
    this.builder = new SearchIndexBuilder(heads);
    this.writes.push(mkdir(path.join(dir, ...searchDir.split("/")), { recursive: true }).then(() => undefined));
  }

  /** Adds pages `start`, `start + 1`… */
  add(start: number, pages: readonly SearchPage[]): void {
    pages.forEach((page, i) => {
      const part = toPageSearch(page);
      this.builder.add(start + i, part.docs);
      this.write(toTextsFile(start + i, part));
    });
  }

  /** Writes `meta.js` and the shards once every page is added; resolves to the number of files written. */
  async finish(): Promise<number> {
    for (const file of this.builder.toFiles()) this.write(file);
    await Promise.all(this.writes);
    return this.written;
  }

  private write(file: { path: string; html: string }): void {
    // After the folder is made (the first write), never over a file that is there.
    const made = this.writes[0]!;
    const done = made.then(() => writeFile(path.join(this.dir, ...file.path.split("/")), file.html, { flag: "wx" }));
    done.catch(() => {});
    this.writes.push(done);
    this.written++;
  }
}
