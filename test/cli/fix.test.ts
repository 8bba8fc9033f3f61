import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { appendFile, chmod, lstat, mkdir, readFile, readdir, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { corpus } from "../support/paths.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { copyToTemp, makeTempDir, writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";


/** Today in the local time zone, as the CLI computes it. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function checkJson(root: string): Promise<JsonDiagnostic[]> {
  return JSON.parse((await runRfc(["check", "--format", "json"], { cwd: root })).stdout) as JsonDiagnostic[];
}

const lineOf = async (file: string, line: number) => (await readFile(file, "utf8")).split("\n")[line - 1];

/** Every file under `dir` (but `.git`) with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !path.relative(dir, full).startsWith(".git")) out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}

const metalbear = corpus("metalbear-rfcs");

describe("rfc fix on MetalBear's RFC repository", { skip: metalbear.skip }, () => {
  async function committedCopy(): Promise<string> {
    const root = await copyToTemp(metalbear.dir);
    await chmodTree(root);
    gitInit(root);
    // Dated before every Last Updated in the corpus, so only the files fixed now are due a new one.
    commitAll(root, "import", "2026-02-01");
    return root;
  }

  test("fixes what it claims, says so, and rfc check then reports none of them", async () => {
    const root = await committedCopy();
    const before = await checkJson(root);
    const untouched = await readFile(path.join(root, "text/0002-dashboard-backend.md"));
    const result = await runRfc(["fix", "--all"], { cwd: root });
    assert.equal(result.stderr, "");
    assert.match(result.stdout, /^text\/0001-multi-cluster\.md:4:11 {2}pr-link {2}"RFC PR" says metalbear-co\/rfcs#0001 in its text but links to metalbear-co\/rfcs#4\.$/m);
    assert.match(result.stdout, /^text\/0003-mirrord-magic\.md:1:17 {2}feature-name {2}Feature Name "mirrord Magic" is not an identifier/m);
    assert.match(result.stdout, /^✔ Fixed \d+ problems in 2 files\.$/m);
    // The bytes fixed: the PR link's text from its URL, the feature's ident, and (the files changed) Last Updated.
    assert.equal(await lineOf(path.join(root, "text/0001-multi-cluster.md"), 4), "- RFC PR: [metalbear-co/rfcs#4](https://github.com/metalbear-co/rfcs/pull/4)");
    assert.equal(await lineOf(path.join(root, "text/0001-multi-cluster.md"), 3), `- Last Updated: ${localToday()}`);
    assert.equal(await lineOf(path.join(root, "text/0001-multi-cluster.md"), 7), "[summary]: #summary");
    assert.equal(await lineOf(path.join(root, "text/0003-mirrord-magic.md"), 1), "- Feature Name: mirrord_magic");
    assert.deepEqual(await readFile(path.join(root, "text/0002-dashboard-backend.md")), untouched);
    // 0006 lacks only anchor lines, a drafting convention an accepted RFC is not asked to follow: untouched.
    assert.deepEqual(
      gitIn(root, ["status", "--porcelain"]).split("\n").filter(Boolean).sort(),
      [" M text/0001-multi-cluster.md", " M text/0003-mirrord-magic.md"],
    );
    // What is left is what rfc check reports, after the fixes.
    const after = await checkJson(root);
    // The files fixed are being written now (changed, not committed), and are held to what a
    // draft is; every other file is told exactly what it was.
    const fixedFiles = ["text/0001-multi-cluster.md", "text/0003-mirrord-magic.md"];
    const elsewhere = (ds: typeof before) => ds.filter((d) => !fixedFiles.includes(d.file)).map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`);
    assert.deepEqual(elsewhere(after), elsewhere(before));
    for (const rule of ["pr-link", "feature-name", "section-anchor", "last-updated"]) {
      assert.deepEqual(after.filter((d) => d.rule === rule && d.file !== "text/0005-template-charts-operator-unification.md"), [], rule);
    }
    assert.equal(result.exitCode, after.some((d) => d.severity === "error") ? 1 : 0);
  });

  test("a second run finds nothing to fix and changes no byte", async () => {
    const root = await committedCopy();
    await runRfc(["fix", "--all"], { cwd: root });
    const once = await snapshot(root);
    const again = await runRfc(["fix", "--all"], { cwd: root });
    assert.match(again.stdout, /^Nothing to fix\.\n/);
    assert.deepEqual(await snapshot(root), once);
  });

  test("--dry-run prints a diff that git applies to the same result, and writes nothing", async () => {
    const dry = await committedCopy();
    const result = await runRfc(["fix", "--all", "--dry-run"], { cwd: dry });
    assert.equal(gitIn(dry, ["status", "--porcelain"]), "");
    assert.match(result.stdout, /^diff --git a\/text\/0001-multi-cluster\.md b\/text\/0001-multi-cluster\.md\n--- a\/text\/0001-multi-cluster\.md\n\+\+\+ b\/text\/0001-multi-cluster\.md\n/);
    assert.match(result.stdout, /^-- RFC PR: \[metalbear-co\/rfcs#0001\]\(https:\/\/github\.com\/metalbear-co\/rfcs\/pull\/4\)$/m);
    assert.match(result.stdout, /^\+- RFC PR: \[metalbear-co\/rfcs#4\]\(https:\/\/github\.com\/metalbear-co\/rfcs\/pull\/4\)$/m);
    assert.match(result.stdout, /^Would fix \d+ problems in 2 files \(dry run: nothing written\)\.$/m);
    const diff = result.stdout.slice(0, result.stdout.search(/^text\//m));
    const patch = path.join(await makeTempDir(), "fix.patch");
    await writeFile(patch, diff);
    execFileSync("git", ["apply", patch], { cwd: dry });

    const real = await committedCopy();
    await runRfc(["fix", "--all"], { cwd: real });
    assert.deepEqual(await snapshot(dry), await snapshot(real));
  });

  test("paths limit the fixes to those RFCs", async () => {
    const root = await committedCopy();
    const result = await runRfc(["fix", "text/0003-mirrord-magic.md"], { cwd: root });
    assert.match(result.stdout, /Fixed 2 problems in 1 file\./);
    assert.deepEqual(gitIn(root, ["status", "--porcelain"]), " M text/0003-mirrord-magic.md\n");
  });

  test("rfc check --fix --format json keeps stdout for the JSON and tells the fixes on stderr", async () => {
    const root = await committedCopy();
    const result = await runRfc(["check", "--fix", "--all", "--format", "json"], { cwd: root });
    const diagnostics = JSON.parse(result.stdout) as JsonDiagnostic[];
    assert.deepEqual(diagnostics.filter((d) => d.rule === "pr-link"), []);
    assert.match(result.stderr, /^text\/0001-multi-cluster\.md:4:11 {2}pr-link/m);
    assert.match(result.stderr, /✔ Fixed \d+ problems in 2 files\./);
  });
});

describe("rfc fix and Last Updated", () => {
  test("a committed file gets its last commit's date; an edit not committed yet gets today", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-boots.md": goodRfc });
    gitInit(root);
    commitAll(root, "add the RFC", "2026-03-05");
    const file = path.join(root, "text/0001-boots.md");

    // Accepted as committed, its last commit may be the merge: only named is it being written.
    assert.match((await runRfc(["fix", "--all"], { cwd: root })).stdout, /^Nothing to fix\./);
    const first = await runRfc(["fix", "text/0001-boots.md"], { cwd: root });
    assert.match(first.stdout, /^text\/0001-boots\.md:3:17 {2}last-updated {2}"Last Updated" is 2026-02-01, but the file was last changed in a commit of 2026-03-05\.$/m);
    assert.equal(await readFile(file, "utf8"), goodRfc.replace("2026-02-01", "2026-03-05"));
    // Its own edit does not count as an edit of the RFC: running again changes nothing.
    assert.match((await runRfc(["fix", "text/0001-boots.md"], { cwd: root })).stdout, /^Nothing to fix\./);

    await appendFile(file, "\nAn edit in progress.\n");
    const edited = await runRfc(["fix"], { cwd: root });
    assert.match(edited.stdout, /changes not committed yet/);
    assert.equal(await readFile(file, "utf8"), `${goodRfc.replace("2026-02-01", localToday())}\nAn edit in progress.\n`);
  });
});

describe("rfc fix writes safely", () => {
  test("through a symlink to the file it names, keeping the link and the file's permissions", async () => {
    const bad = goodRfc.replace("`rocket_boots`", "Rocket Boots");
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "drafts/boots.md": bad });
    await mkdir(path.join(root, "text"));
    await symlink("../drafts/boots.md", path.join(root, "text/0001-boots.md"));
    await chmod(path.join(root, "drafts/boots.md"), 0o640);
    const result = await runRfc(["fix", "--all"], { cwd: root });
    assert.match(result.stdout, /Fixed 1 problem in 1 file\./);
    assert.ok((await lstat(path.join(root, "text/0001-boots.md"))).isSymbolicLink());
    assert.equal(await readFile(path.join(root, "drafts/boots.md"), "utf8"), goodRfc.replace("`rocket_boots`", "rocket_boots"));
    assert.equal((await stat(path.join(root, "drafts/boots.md"))).mode & 0o777, 0o640);
  });

  test("--dry-run without --fix is a usage error for rfc check", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-boots.md": goodRfc });
    const result = await runRfc(["check", "--dry-run"], { cwd: root });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /--dry-run only makes sense with --fix/);
  });
});

/** The corpus is read-only; its copy must be writable to be fixed. */
async function chmodTree(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    await chmod(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}
