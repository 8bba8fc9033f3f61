// The search index made in a worker thread: `rfc build` sends the book's search pages here and
// renders the pages meanwhile (src/cli/render-search-in-worker.ts).
import { parentPort } from "node:worker_threads";
import { renderSearchFiles, type SearchPage } from "./search-index.ts";

parentPort?.once("message", (pages: SearchPage[]) => {
  parentPort!.postMessage(renderSearchFiles(pages));
});
