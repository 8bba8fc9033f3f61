import { git } from "./git.ts";

/**
 * The names of the entries in `folder` (relative to `cwd`, `/`-separated) at the git revision
 * `ref`: what the folder holds on that branch, whatever the working tree has. Null when `ref`
 * is not a revision of the repository (or `cwd` is not in one); [] when the folder is absent there.
 */
export async function readFolderAt(cwd: string, ref: string, folder: string): Promise<string[] | null> {
  // `rev-parse` first: ls-tree prints nothing, and succeeds, for a folder the revision lacks.
  if ((await git(cwd, ["rev-parse", "--verify", "-q", `${ref}^{tree}`])) === null) return null;
  const out = await git(cwd, ["ls-tree", "-z", "--name-only", ref, "--", `${folder}/`]);
  if (out === null) return null;
  return out
    .split("\0")
    .filter(Boolean)
    .map((p) => p.slice(p.lastIndexOf("/") + 1));
}

/**
 * Which of `paths` (relative to `cwd`) git tracks: a file that is in the index, or a folder
 * holding at least one file that is. Null when `cwd` is not inside a git work tree.
 */
export async function readTrackedPaths(cwd: string, paths: readonly string[]): Promise<Set<string> | null> {
  if ((await git(cwd, ["rev-parse", "--is-inside-work-tree"]))?.trim() !== "true") return null;
  const tracked = new Set<string>();
  for (const p of paths) {
    const out = await git(cwd, ["ls-files", "-z", "--", p]);
    if (out) tracked.add(p);
  }
  return tracked;
}
