import { execFile } from "node:child_process";
import { lstat, rename } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** How to move a path: with `git mv`, so the index records the rename and history follows it, or on the disk only. */
export interface MoveOptions {
  git: boolean;
}

/**
 * Moves the file or folder `from` to `to` (both relative to `root`), refusing to replace anything:
 * `rename(2)` would silently overwrite a file or an empty folder at `to`. Throws when the move fails.
 */
export async function movePath(root: string, from: string, to: string, options: MoveOptions): Promise<void> {
  const target = path.join(root, to);
  if (await lstat(target).then(() => true, () => false)) {
    throw Object.assign(new Error(`${to} already exists`), { code: "EEXIST" });
  }
  if (!options.git) {
    await rename(path.join(root, from), target);
    return;
  }
  try {
    await run("git", ["mv", "--", from, to], { cwd: root, encoding: "utf8" });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`git mv ${from} ${to} failed${stderr ? `: ${stderr}` : ""}`, { cause: error });
  }
}
