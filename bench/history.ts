import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the corpus's git bundle is by convention: `<corpus>/../git/<name>.bundle`. */
export function defaultBundle(corpus: string): string {
  return path.join(path.dirname(corpus), "git", `${path.basename(corpus)}.bundle`);
}

/**
 * A clone of `bundle` in `dir`, with one more commit that changes one RFC, so that
 * `rfc check --changed --base HEAD~1` has exactly one RFC to check: the pull-request case.
 * Null when the bundle does not exist. Nothing here is measured.
 */
export function prepareHistoryClone(bundle: string, dir: string, log: (line: string) => void): string | null {
  if (!existsSync(bundle)) return null;
  rmSync(dir, { recursive: true, force: true });
  log(`cloning ${bundle} into ${dir} (not measured) …`);
  execFileSync("git", ["clone", "-q", bundle, dir], { stdio: ["ignore", "ignore", "ignore"] });
  checkOutBranch(dir);
  const text = path.join(dir, "text");
  const rfc = readdirSync(text).filter((f) => /^\d+-.*\.md$/.test(f)).sort()[0];
  if (rfc === undefined) throw new Error(`${text} holds no RFC to change.`);
  const file = path.join(text, rfc);
  writeFileSync(file, `${readFileSync(file, "utf8")}\nOne more line, for the bench.\n`);
  const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "bench@example.com", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "bench@example.com" };
  execFileSync("git", ["commit", "-q", "-am", "bench: change one RFC"], { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] });
  return dir;
}

/** Some bundles name a HEAD they do not hold, which leaves the clone with no files: check out their branch. */
function checkOutBranch(dir: string): void {
  try {
    execFileSync("git", ["rev-parse", "--verify", "-q", "HEAD"], { cwd: dir, stdio: "ignore" });
  } catch {
    const branch = execFileSync("git", ["for-each-ref", "--format=%(refname:short)", "refs/remotes/origin"], { cwd: dir, encoding: "utf8" })
      .split("\n")
      .find((b) => b !== "" && b !== "origin/HEAD");
    if (branch === undefined) throw new Error(`${dir}: the bundle holds no branch.`);
    execFileSync("git", ["checkout", "-q", "-B", branch.replace(/^origin\//, ""), branch], { cwd: dir, stdio: "ignore" });
  }
}
