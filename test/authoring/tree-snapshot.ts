import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Every file under `root` (but `.git`) with its bytes, and every folder, by relative path:
 * two snapshots are equal exactly when no byte, file or folder changed.
 */
export async function readTreeSnapshot(root: string): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === ".git") continue;
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        snapshot.set(`${child}/`, "");
        await walk(child);
      } else {
        snapshot.set(child, (await readFile(path.join(root, child))).toString("base64"));
      }
    }
  };
  await walk("");
  return snapshot;
}
