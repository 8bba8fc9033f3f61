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

/** Runs git in `cwd` with `input` on its standard input; resolves to its stdout, or null when git fails or is not installed. */
export function gitWithInput(cwd: string, args: readonly string[], input: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (error, stdout) => resolve(error ? null : stdout));
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(input);
  });
}

/** True when `cwd` is inside a git work tree that has at least one commit. */
export async function hasGitHistory(cwd: string): Promise<boolean> {
  return (await git(cwd, ["rev-parse", "--verify", "-q", "HEAD"])) !== null;
}

/**
 * Whether the clone holds only the latest commits (`git clone --depth`, as CI checkouts are by
 * default): its oldest commit seems to add every file, so history read from it would be wrong.
 */
export async function isShallowClone(cwd: string): Promise<boolean> {
  return (await git(cwd, ["rev-parse", "--is-shallow-repository"]))?.trim() === "true";
}

/** Files changed on this branch since it left `base`, plus uncommitted and untracked ones (paths relative to `cwd`). */
export async function readChangedFiles(cwd: string, base: string): Promise<string[] | null> {
  const [committed, working, untracked] = await Promise.all([
    git(cwd, ["diff", "--name-only", "--relative", "--no-renames", `${base}...HEAD`]),
    git(cwd, ["diff", "--name-only", "--relative", "HEAD"]),
    git(cwd, ["ls-files", "--others", "--exclude-standard"]),
  ]);
  if (committed === null) return null;
  return [...new Set([committed, working ?? "", untracked ?? ""].flatMap((s) => s.split("\n")).filter(Boolean))];
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
