import { git } from "./git.ts";

/**
 * The pull request a commit's subject says it merged: GitHub's merge commit (`Merge pull request
 * #12 from …`) or squash merge (`Title (#12)`); null for any other subject.
 */
export function toMergedPullRequest(subject: string): number | null {
  const number = /^Merge pull request #(\d+)\b/.exec(subject)?.[1] ?? /\(#(\d+)\)$/.exec(subject.trim())?.[1];
  return number === undefined ? null : Number(number);
}

/**
 * The pull request that brought each file onto the main line: the oldest commit of the first-parent
 * history that adds the file under its name, where that commit's subject names the pull request
 * it merged. Files without one are absent. One git process for all the files.
 */
export async function readAddingPullRequests(root: string, files: readonly string[]): Promise<Map<string, number>> {
  const pullRequests = new Map<string, number>();
  if (files.length === 0) return pullRequests;
  const log = await git(root, ["log", "-z", "--first-parent", "--diff-merges=first-parent", "--diff-filter=A", "--no-renames", "--format=>%s", "--name-only", "--relative", "--", ...files]);
  let pullRequest: number | null = null;
  for (const raw of (log ?? "").split("\0")) {
    const token = raw.replace(/^\n+/, "");
    if (token.startsWith(">")) pullRequest = toMergedPullRequest(token.slice(1));
    // Newest first: the oldest add is seen last, and decides.
    else if (token !== "" && pullRequest === null) pullRequests.delete(token);
    else if (token !== "") pullRequests.set(token, pullRequest!);
  }
  return pullRequests;
}
