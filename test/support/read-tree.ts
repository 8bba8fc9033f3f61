import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Every file under `root` (`.git` left out) with its bytes, and every folder (with a trailing
 * `/`), by relative path: two reads are equal exactly when no file or folder changed.
 */
export async function readTree(root: string): Promise<Map<string, Buffer | null>> {
  const tree = new Map<string, Buffer | null>();
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === ".git") continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        tree.set(`${child}/`, null);
        await walk(child);
      } else {
        tree.set(child, await readFile(path.join(root, child)));
      }
    }
  };
  await walk("");
  return tree;
}
