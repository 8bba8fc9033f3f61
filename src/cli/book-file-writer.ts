import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes files under `dir` by their `/`-separated paths relative to it, making each folder once,
 * and never over a file that is there. How `rfc build` writes every file of the book into its new
 * folder, from either thread. The writes are synchronous: with `fs/promises` the main thread spent
 * as long on its thread-pool round trips as the writes take, and held pages waiting.
 */
export function createBookFileWriter(dir: string): (relative: string, content: string | Uint8Array) => void {
  const folders = new Set<string>();
  return (relative, content) => {
    const file = path.join(dir, ...relative.split("/"));
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(file, content, { flag: "wx" });
  };
}
