import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { toSearchHead, type SearchPage } from "../book/search/search-index.ts";
import type { Book, Chapter } from "../book/types.ts";
import { SearchIndexFiles, type SearchHead } from "./search-index-files.ts";

/** Messages to the search worker: the pages' heads and where to write, then pages a batch at a time, then the end. */
export type ToSearchWorker = { kind: "start"; heads: SearchHead[]; dir: string } | { kind: "pages"; start: number; pages: SearchPage[] } | { kind: "finish" };
export type FromSearchWorker = { kind: "added" } | { kind: "finished"; files: number } | { kind: "failed"; error: string };

/**
 * Batches of pages sent and not yet indexed, at most (512 pages, some 8 MB of text on Rust's
 * RFCs): where the worker is slower than the rendering, the sender waits, rather than the
 * worker's queue holding a copy of every page's text.
 */
const maxBatchesAhead = 32;

/** The search index of a book being written, fed with its chapters as they are rendered. */
export interface SearchIndexWriter {
  /** Hands over chapters `start`, `start + 1`…; resolves once there is room for the next batch. */
  add(start: number, chapters: readonly Chapter[]): Promise<void>;
  /** Resolves, once every file of the index is written, to their number. */
  finish(): Promise<number>;
  /** Stops the work, done or not (a build that failed): the worker thread must not outlive it. */
  close(): Promise<void>;
}

/**
 * Starts writing the book's search index under `dir`: in a worker thread, so that `rfc build`
 * renders pages meanwhile (on the Rust RFCs the index is over a second of the build's work), or
 * in this thread where no worker can start. The pages' cache keys are not sent: they are for
 * `rfc serve`'s cache, not part of the index.
 */
export function startSearchIndexWriter(book: Book, dir: string): SearchIndexWriter {
  // A chapter's Markdown is made each time it is read (see toBook): the pages keep it only while they are sent.
  const heads = book.chapters.map(toSearchHead);
  const toPages = (start: number, chapters: readonly Chapter[]): SearchPage[] => chapters.map((chapter, i) => ({ ...heads[start + i]!, markdown: chapter.markdown }));
  const worker = startWorker();
  if (worker === null) {
    const files = new SearchIndexFiles(heads, dir);
    return { add: async (start, chapters) => files.add(start, toPages(start, chapters)), finish: async () => files.finish(), close: async () => {} };
  }
  let ahead = 0;
  let ended = false;
  let makeRoom: (() => void) | null = null;
  const wake = () => {
    makeRoom?.();
    makeRoom = null;
  };
  const finished = new Promise<number>((resolve, reject) => {
    worker.on("message", (message: FromSearchWorker) => {
      if (message.kind === "added") ahead--;
      else if (message.kind === "finished") resolve(message.files);
      else reject(new Error(`the search index's worker thread failed: ${message.error}`));
      wake();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the search index's worker thread stopped (exit code ${code})`)));
  }).finally(() => {
    // A worker that failed answers no more: nothing waits for it, and finish() says why.
    ended = true;
    wake();
  });
  finished.catch(() => {});
  const send = (message: ToSearchWorker) => worker.postMessage(message);
  send({ kind: "start", heads: heads.map(({ out, title, sections }) => ({ out, title, sections })), dir });
  return {
    add: async (start, chapters) => {
      send({ kind: "pages", start, pages: toPages(start, chapters).map(({ cacheKey, ...page }) => page) });
      ahead++;
      while (ahead >= maxBatchesAhead && !ended) await new Promise<void>((resolve) => (makeRoom = resolve));
    },
    finish: () => {
      send({ kind: "finish" });
      return finished;
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * The worker: the bundled module beside the command (`dist/bin/`), or, run from source (tests,
 * development), the TypeScript module loaded through tsx, which a worker does not inherit. Null
 * where neither can start.
 */
function startWorker(): Worker | null {
  const bundled = new URL("./search-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled);
  const source = new URL("./search-worker.ts", import.meta.url);
  if (!existsSync(fileURLToPath(source))) return null;
  let tsx: string;
  try {
    tsx = import.meta.resolve("tsx/esm/api");
  } catch {
    return null;
  }
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`, { eval: true });
}
