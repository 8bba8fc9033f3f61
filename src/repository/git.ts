import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs git in `cwd`; resolves to its stdout, or null when git fails or is not installed. */
export async function git(cwd: string, args: readonly string[]): Promise<string | null> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch {
    return null;
  }
}

/** True when `cwd` is inside a git work tree that has at least one commit. */
export async function hasGitHistory(cwd: string): Promise<boolean> {
  return (await git(cwd, ["rev-parse", "--verify", "-q", "HEAD"])) !== null;
}

/** One commit that changed a file: its hash and committer date (`YYYY-MM-DD`). */
export interface FileRevision {
  commit: string;
  date: string;
}

/** The commits that changed `file` (relative to `cwd`), newest first, following renames. */
export async function readFileRevisions(cwd: string, file: string): Promise<FileRevision[]> {
  const out = await git(cwd, ["log", "--follow", "--format=%H %cs", "--", file]);
  if (!out) return [];
  return out
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [commit, date] = line.split(" ");
      return { commit: commit!, date: date! };
    });
}

/** Files changed on this branch since it left `base`, plus uncommitted and untracked ones (paths relative to `cwd`). */
export async function readChangedFiles(cwd: string, base: string): Promise<string[] | null> {
  const committed = await git(cwd, ["diff", "--name-only", "--relative", "--no-renames", `${base}...HEAD`]);
  if (committed === null) return null;
  const working = (await git(cwd, ["diff", "--name-only", "--relative", "HEAD"])) ?? "";
  const untracked = (await git(cwd, ["ls-files", "--others", "--exclude-standard"])) ?? "";
  return [...new Set([committed, working, untracked].flatMap((s) => s.split("\n")).filter(Boolean))];
}

/** The branch a pull request would merge into: the remote's default branch, else `main` or `master`. */
export async function readDefaultBase(cwd: string): Promise<string | null> {
  const remoteHead = await git(cwd, ["symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD"]);
  if (remoteHead?.trim()) return remoteHead.trim();
  for (const candidate of ["origin/main", "origin/master", "main", "master"]) {
    if ((await git(cwd, ["rev-parse", "--verify", "-q", candidate])) !== null) return candidate;
  }
  return null;
}

/** The repository's default branch (`main`, `master`…), from the remote's HEAD or the branches there; null when unknown. */
export async function readDefaultBranch(cwd: string): Promise<string | null> {
  const base = await readDefaultBase(cwd);
  return base === null ? null : base.replace(/^origin\//, "");
}

/** Where `cwd` sits inside its git work tree (`rfcs/`), or "" at the top or outside git. */
export async function readGitPrefix(cwd: string): Promise<string> {
  return ((await git(cwd, ["rev-parse", "--show-prefix"])) ?? "").trim();
}

/** Pathspecs for folders relative to `cwd`: the folders themselves, `.` for the root, `.` when there are none. */
export function toPathspecs(folders: readonly string[]): string[] {
  return folders.length === 0 ? ["."] : folders.map((f) => (f === "" ? "." : f));
}
