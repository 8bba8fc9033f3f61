import { execFileSync } from "node:child_process";

/** Runs git in `cwd` with a fixed identity, and `date` as author and committer date when given. */
export function gitIn(cwd: string, args: readonly string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.com",
    ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
  };
  return execFileSync("git", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Makes `dir` a git repository on branch `main`. */
export function gitInit(dir: string): void {
  gitIn(dir, ["init", "-q", "-b", "main"]);
}

/** Stages everything and commits it, dated `date` (`YYYY-MM-DD`). */
export function commitAll(dir: string, message: string, date: string): void {
  gitIn(dir, ["add", "-A"]);
  gitIn(dir, ["commit", "-q", "-m", message], date);
}

/**
 * Makes a change on a branch of its own and merges it into `main` with a merge commit, as a pull
 * request lands: `write` changes the files, which are committed on `branch` as `commit` says,
 * then merged as `merge` says.
 */
export async function mergeBranch(
  dir: string,
  change: { branch: string; write: () => Promise<void>; commit: { message: string; date: string }; merge: { message: string; date: string } },
): Promise<void> {
  gitIn(dir, ["checkout", "-q", "-b", change.branch]);
  await change.write();
  commitAll(dir, change.commit.message, change.commit.date);
  gitIn(dir, ["checkout", "-q", "main"]);
  gitIn(dir, ["merge", "-q", "--no-ff", "-m", change.merge.message, change.branch], change.merge.date);
}

/**
 * Clones a git bundle into `dir` and checks out its branch: some bundles name a HEAD they do not
 * hold, which leaves a plain clone with no files.
 */
export function cloneBundle(bundle: string, dir: string): void {
  execFileSync("git", ["clone", "-q", bundle, dir], { stdio: ["ignore", "ignore", "ignore"] });
  try {
    gitIn(dir, ["rev-parse", "--verify", "-q", "HEAD"]);
  } catch {
    const branch = gitIn(dir, ["for-each-ref", "--format=%(refname:short)", "refs/remotes/origin"]).split("\n").find((b) => b !== "" && b !== "origin/HEAD");
    if (branch === undefined) throw new Error(`${bundle} holds no branch.`);
    gitIn(dir, ["checkout", "-q", "-B", branch.replace(/^origin\//, ""), branch]);
  }
}
