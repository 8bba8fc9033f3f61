import { readdir, realpath } from "node:fs/promises";
import path from "node:path";
import type { SpecialFile, SymlinkTarget } from "../model/repository.ts";

/** Folders never listed: version control, dependencies, and the book's own output. */
const skipped = new Set([".git", "node_modules"]);

/**
 * Every file and folder under `root` (relative, `/`-separated), skipping `.git`, `node_modules` and
 * `exclude`, and what each file that is not a regular one is. A link is listed as a file, even
 * one to a folder: the walk does not follow links. A folder that cannot be read is in
 * `unreadable` with the system's code (`EACCES`), for the caller to refuse: it may hold RFCs.
 */
export async function listTree(root: string, exclude: readonly string[]): Promise<{ files: string[]; folders: string[]; special: Map<string, SpecialFile>; unreadable: { path: string; code: string }[] }> {
  const unreadable: { path: string; code: string }[] = [];
  const files: string[] = [];
  const folders: string[] = [];
  const links: string[] = [];
  const special = new Map<string, SpecialFile>();
  const excluded = new Set(exclude);
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      unreadable.push({ path: relative === "" ? "." : relative, code: error.code ?? String(error) });
      return [];
    });
    await Promise.all(
      entries.map(async (entry) => {
        const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (entry.isDirectory()) {
          if (skipped.has(entry.name) || excluded.has(child)) return;
          folders.push(child);
          await walk(child);
        } else {
          files.push(child);
          if (entry.isSymbolicLink()) links.push(child);
          else if (!entry.isFile()) special.set(child, { kind: "other" });
        }
      }),
    );
  };
  await walk("");
  files.sort();
  folders.sort();
  if (links.length > 0) {
    const realRoot = await realpath(root);
    for (const link of links.sort()) special.set(link, { kind: "symlink", target: await readSymlinkTarget(realRoot, path.join(root, ...link.split("/"))) });
  }
  unreadable.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, folders, special, unreadable };
}

/** Where the link at `file` leads, relative to `realRoot` (the root with its own links resolved). */
export async function readSymlinkTarget(realRoot: string, file: string): Promise<SymlinkTarget> {
  const real = await realpath(file).catch(() => null);
  if (real === null) return { kind: "missing" };
  const relative = path.relative(realRoot, real);
  if (relative === "" || relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { kind: "outside" };
  return { kind: "inside", path: relative.split(path.sep).join("/") };
}
