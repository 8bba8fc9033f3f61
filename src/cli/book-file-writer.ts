import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes files under `dir` by their `/`-separated paths relative to it, making each folder once
 * (writes into one new folder wait for the same `mkdir`), and never over a file that is there.
 * How `rfc build` writes every file of the book into its new folder, from either thread.
 */
export function createBookFileWriter(dir: string): (relative: string, content: string | Uint8Array) => Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  return async (relative, content) => {
    const file = path.join(dir, ...relative.split("/"));
    const folder = path.dirname(file);
    let made = folders.get(folder);
    if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
    await made;
    await writeFile(file, content, { flag: "wx" });
  };
}
