import { access } from "node:fs/promises";
import path from "node:path";
import { git } from "../repository/git.ts";

/**
 * The `owner/name` of a GitHub repository from a git remote URL: `https://github.com/o/n(.git)`,
 * `git@github.com:o/n.git` or `ssh://git@github.com/o/n.git`. Null for other hosts.
 */
export function parseGitHubRemote(url: string): string | null {
  const m = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com(?::\d+)?\/)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : null;
}

/**
 * The GitHub repository `dir` is a clone of, from its `origin` remote, or null. `dir` need not
 * exist yet: git is asked in its nearest existing ancestor, since a folder created inside a clone
 * belongs to that clone.
 */
export async function readOriginRepository(dir: string): Promise<string | null> {
  let at = path.resolve(dir);
  while (!(await exists(at))) {
    const parent = path.dirname(at);
    if (parent === at) return null;
    at = parent;
  }
  const url = await git(at, ["remote", "get-url", "origin"]);
  return url === null ? null : parseGitHubRemote(url);
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}
