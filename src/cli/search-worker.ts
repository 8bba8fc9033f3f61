// `rfc build`'s worker thread: makes the search index from the pages the main thread sends while
// it renders them, and writes its files (src/cli/write-search-index.ts).
import { parentPort } from "node:worker_threads";
import { SearchIndexFiles } from "./search-index-files.ts";
import type { FromSearchWorker, ToSearchWorker } from "./write-search-index.ts";

let files: SearchIndexFiles | null = null;
const reply = (message: FromSearchWorker) => parentPort!.postMessage(message);
const failed = (error: unknown) => reply({ kind: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
parentPort?.on("message", (message: ToSearchWorker) => {
  try {
    if (message.kind === "start") files = new SearchIndexFiles(message.heads, message.dir);
    else if (message.kind === "pages") {
      files!.add(message.start, message.pages);
      reply({ kind: "added" });
    }
    else reply({ kind: "finished", files: files!.finish() });
  } catch (error) {
    failed(error);
  }
});
