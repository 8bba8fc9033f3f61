import { git, toPathspecs } from "./git.ts";

// Past this many files their folders are asked about, rather than a command line of names.
const mostNamed = 200;

/**
 * The pull request a commit's subject says it merged: GitHub's merge commit (`Merge pull request
 * #12 from …`) or squash merge (`Title (#12)`); null for any other subject.
 */
export function toMergedPullRequest(subject: string): number | null {
  const number = /^Merge pull request #(\d+)\b/.exec(subject)?.[1] ?? /\(#(\d+)\)$/.exec(subject.trim())?.[1];
  return number === undefined ? null : Number(number);
}

/**
 * The pull request that brought each of `files` (under `folders`) onto the main line: the oldest
 * commit of the first-parent history that adds the file under its name, where that commit's
 * subject names the pull request it merged, looking back to `since` (a day) where it is given.
 * Files without one are absent. One git process.
 */
export async function readAddingPullRequests(root: string, folders: readonly string[], files: readonly string[], since?: string): Promise<Map<string, number>> {
  const pullRequests = new Map<string, number>();
  if (files.length === 0) return pullRequests;
  const wanted = new Set(files);
  const pathspecs = files.length > mostNamed ? toPathspecs(folders) : files;
  // The walk stops at `since` (the files were started after it): most of a long history is older.
  const bound = since ? [`--since=${since}`] : [];
  const log = await git(root, ["log", "-z", "--first-parent", "--diff-merges=first-parent", "--diff-filter=A", "--no-renames", ...bound, "--format=>%s", "--name-only", "--relative", "--", ...pathspecs]);
  let pullRequest: number | null = null;
  for (const raw of (log ?? "").split("\0")) {
    const token = raw.replace(/^\n+/, "");
    if (token.startsWith(">")) pullRequest = toMergedPullRequest(token.slice(1));
    else if (!wanted.has(token)) continue;
    // Newest first: the oldest add is seen last, and decides.
    else if (pullRequest === null) pullRequests.delete(token);
    else pullRequests.set(token, pullRequest);
  }
  return pullRequests;
}
