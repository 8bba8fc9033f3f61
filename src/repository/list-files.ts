import { readdir } from "node:fs/promises";
import path from "node:path";

/** Folders never listed: version control, dependencies, and the book's own output. */
const skipped = new Set([".git", "node_modules"]);

/** Every file and folder under `root` (relative, `/`-separated), skipping `.git`, `node_modules` and `exclude`. */
export async function listTree(root: string, exclude: readonly string[]): Promise<{ files: string[]; folders: string[] }> {
  const files: string[] = [];
  const folders: string[] = [];
  const excluded = new Set(exclude);
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) {
          if (skipped.has(entry.name) || excluded.has(child)) return;
          folders.push(child);
          await walk(child);
        } else {
          files.push(child);
        }
      }),
    );
  };
  await walk("");
  files.sort();
  folders.sort();
  return { files, folders };
}
