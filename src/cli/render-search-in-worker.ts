import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { renderSearchFiles, type SearchPage } from "../book/search/search-index.ts";
import type { Page } from "../book/types.ts";

/**
 * The search index's files, made in a worker thread so that the caller can render the pages
 * meanwhile: on the Rust RFCs the index takes over a second of a build's five, and the build
 * takes 3.9 s instead of 5.3. The worker starts before this returns; its result arrives once the
 * caller's thread is free again. Where no worker can run, the index is made in this thread.
 */
export function renderSearchInWorker(pages: readonly SearchPage[]): Promise<Page[]> {
  let worker: Worker | null = null;
  try {
    worker = startWorker();
  } catch {
    // No worker thread here (tsx missing when run from source): the work is done in this thread.
  }
  if (worker === null) return Promise.resolve(renderSearchFiles(pages));
  const started = worker;
  return new Promise<Page[]>((resolve, reject) => {
    let done = false;
    started.once("message", (files: Page[]) => {
      done = true;
      resolve(files);
      void started.terminate();
    });
    // A worker that cannot run (no threads, a failed load) leaves the work to this thread.
    const inThisThread = () => {
      if (done) return;
      done = true;
      try {
        resolve(renderSearchFiles(pages));
      } catch (error) {
        reject(error);
      }
    };
    started.once("error", inThisThread);
    started.once("exit", inThisThread);
    // The documents are the memo's keys, not part of the index, and would cost a copy.
    started.postMessage(pages.map(({ document: _document, ...page }) => page));
  });
}

/**
 * The worker: the bundled module beside the command (`dist/bin/`), or, run from source (tests,
 * development), the TypeScript module loaded through tsx, which a worker does not inherit.
 */
function startWorker(): Worker | null {
  const bundled = new URL("./search-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled);
  const source = new URL("../book/search/search-worker.ts", import.meta.url);
  if (!existsSync(fileURLToPath(source))) return null;
  const tsx = import.meta.resolve("tsx/esm/api");
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`, { eval: true });
}
