import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import path from "node:path";
import type { SpecialFile } from "../model/repository.ts";
import { readSymlinkTarget } from "./list-files.ts";

/**
 * What a file of the tree is at this moment: a regular file (null), a link (with where it leads)
 * or something else; or why it cannot be looked at. Read again when an asset is published, not
 * taken from the load: `rfc serve` publishes long after it loaded, and a file may have changed.
 * A file under a folder that has become a link counts as a link.
 */
export async function readFileKind(root: string, file: string): Promise<{ entry: SpecialFile | null } | { unreadable: string }> {
  const full = path.join(root, ...file.split("/"));
  try {
    const stat = await lstat(full);
    if (!stat.isSymbolicLink() && !stat.isFile()) return { entry: { kind: "other" } };
    const realRoot = await realpath(root);
    const target = await readSymlinkTarget(realRoot, full);
    if (!stat.isSymbolicLink() && target.kind === "inside" && target.path === file) return { entry: null };
    return { entry: { kind: "symlink", target } };
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

/**
 * The bytes of the regular file at `file` (relative to the root with its links resolved), or null
 * when it is no longer one. Opened without following a link and without blocking (a FIFO put in
 * its place would otherwise hang the build), then checked to be a regular file before it is read.
 */
export async function readRegularFile(root: string, file: string): Promise<Buffer | null> {
  const realRoot = await realpath(root).catch(() => null);
  if (realRoot === null) return null;
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(path.join(realRoot, ...file.split("/")), flags).catch(() => null);
  if (handle === null) return null;
  try {
    if (!(await handle.stat()).isFile()) return null;
    return await handle.readFile();
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
