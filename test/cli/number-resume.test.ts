import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { draft, writeNumberingFixture } from "../authoring/numbering-fixture.ts";
import { gitIn } from "../support/git.ts";
import { packageRoot } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp } from "../support/temp-repo.ts";

const numberDraft = ["number", draft, "--pr", "21"];
const journal = (root: string) => path.join(root, ".git/rfckit-number.json");
const isTemp = (file: string) => /(^|\/)\.[^/]+\.[0-9a-f]{12}\.tmp$/.test(file);

/**
 * Runs `rfc` as its own process, killed (SIGKILL) just before its `killAt`th change to the disk
 * (test/support/kill-at-step.mjs); with `log`, each change is written there.
 */
function runKilled(root: string, killAt: number, args: readonly string[], log?: string) {
  const tsx = pathToFileURL(path.join(packageRoot, "node_modules/tsx/dist/esm/index.mjs")).href;
  const killer = pathToFileURL(path.join(packageRoot, "test/support/kill-at-step.mjs")).href;
  return spawnSync(process.execPath, ["--import", tsx, "--import", killer, path.join(packageRoot, "src/cli/main.ts"), ...args], {
    cwd: root,
    env: { ...process.env, RFCKIT_TEST_KILL_AT: String(killAt), ...(log ? { RFCKIT_TEST_CHANGE_LOG: log } : {}) },
    encoding: "utf8",
  });
}

/**
 * The fixture committed; the tree and git status an uninterrupted `rfc number` leaves in a copy
 * of it, what it prints, and its changes to the disk in order (`["writeFile", "/…/.README.md.<hex>.tmp"]`).
 */
async function prepare() {
  const fixture = await writeNumberingFixture({ git: true });
  const reference = await copyToTemp(fixture);
  const log = path.join(reference, ".git/changes.log");
  const done = runKilled(reference, 0, numberDraft, log);
  assert.equal(done.status, 0, done.stderr);
  const changes = (await readFile(log, "utf8")).trimEnd().split("\n").map((line) => line.split(" ").slice(1) as [string, string]);
  await rm(log);
  return {
    changes,
    fixture,
    before: { tree: await readTree(fixture), status: gitIn(fixture, ["status", "--porcelain"]) },
    after: { tree: await readTree(reference), status: gitIn(reference, ["status", "--porcelain"]) },
    report: String(done.stdout),
  };
}

async function tempsIn(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith(".tmp"));
}

describe("rfc number, interrupted", () => {
  test("killed before any of its changes to the disk, it is finished by --continue or undone by --abort, and no file is ever half-written", async () => {
    const { fixture, before, after, report, changes } = await prepare();
    // The journal (a temporary file, linked into place), then five files (each a temporary file
    // renamed into place), two git mv, and the journal's removal.
    assert.equal(changes.length, 3 + 5 * 2 + 2 + 1, changes.join("\n"));
    const whole = new Set([...before.tree.values(), ...after.tree.values()].map((bytes) => bytes?.toString("hex") ?? "folder"));
    for (let killAt = 1; killAt <= changes.length; killAt++) {
      const root = await copyToTemp(fixture);
      const run = runKilled(root, killAt, numberDraft);
      assert.equal(run.signal, "SIGKILL");
      for (const [file, bytes] of await readTree(root)) {
        assert.ok(whole.has(bytes?.toString("hex") ?? "folder"), `kill ${killAt}: ${file} is neither as it was nor as numbering makes it`);
      }
      if (!existsSync(journal(root))) {
        // Killed before the journal was in place: nothing was changed, and a new run starts afresh.
        assert.deepEqual(await readTree(root), before.tree, `kill ${killAt}: no journal, yet the files changed`);
        const again = await runRfc(numberDraft, { cwd: root });
        assert.equal(again.exitCode, 0, again.stderr);
        assert.deepEqual(await readTree(root), after.tree);
        assert.deepEqual(await tempsIn(path.join(root, ".git")), []);
        continue;
      }
      const again = await runRfc(numberDraft, { cwd: root });
      assert.equal(again.exitCode, 2);
      assert.match(again.stderr, /^An earlier rfc number was interrupted while numbering text\/0000-retention-tiers\.md as 0004 \(started \d{4}-\d\d-\d\d \d\d:\d\d UTC\), and not every file is changed yet\.\n {2}hint: run `rfc number --continue` to finish it, or `rfc number --abort`/);
      const action = killAt % 2 === 1 ? "--continue" : "--abort";
      const ended = await runRfc(["number", action], { cwd: root });
      assert.equal(ended.exitCode, 0, `kill ${killAt}, ${action}: ${ended.stderr}`);
      const expected = action === "--continue" ? after : before;
      const tree = await readTree(root);
      assert.deepEqual([...tree.keys()].filter(isTemp), [], `kill ${killAt}, ${action}: temporary files left`);
      assert.deepEqual(tree, expected.tree, `kill ${killAt}, ${action}: the files differ`);
      assert.equal(gitIn(root, ["status", "--porcelain"]), expected.status, `kill ${killAt}, ${action}: git status differs`);
      assert.equal(existsSync(journal(root)), false);
      assert.deepEqual(await tempsIn(path.join(root, ".git")), []);
      if (action === "--continue") assert.equal(ended.stdout.split("\n")[0], report.split("\n")[0]!.replace("Numbered", "Finished numbering"));
      else assert.match(ended.stdout, /^Undid the rfc number interrupted while numbering text\/0000-retention-tiers\.md as 0004 \(started .*\): every file is as it was before\.\n/);
    }
  });

  test("a temporary file the killed run left is removed, and named", async () => {
    const { fixture, after, changes } = await prepare();
    const root = await copyToTemp(fixture);
    // Killed just before the README's temporary copy is renamed into place.
    const run = runKilled(root, changes.findIndex(([name, target]) => name === "rename" && /\/\.README\.md\.[0-9a-f]{12}\.tmp$/.test(target)) + 1, numberDraft);
    assert.equal(run.signal, "SIGKILL");
    assert.equal([...(await readTree(root)).keys()].filter(isTemp).length, 1);
    const ended = await runRfc(["number", "--continue"], { cwd: root });
    assert.equal(ended.exitCode, 0, ended.stderr);
    assert.match(ended.stdout, /\n {2}removed {2}\.README\.md\.[0-9a-f]{12}\.tmp \(left by the interrupted run\)\n$/);
    assert.deepEqual(await readTree(root), after.tree);
  });

  test("a git mv stopped after it renamed on the disk, before it wrote the index, is finished in the index", async () => {
    const { fixture, before, after, changes } = await prepare();
    const killAt = changes.findIndex(([name, target]) => name === "git-mv" && target === "text/0000-retention-tiers") + 1;
    for (const [action, expected] of [["--continue", after], ["--abort", before]] as const) {
      const root = await copyToTemp(fixture);
      // Killed just before the folder's git mv; then done on the disk what git mv does before it writes the index.
      const run = runKilled(root, killAt, numberDraft);
      assert.equal(run.signal, "SIGKILL");
      await rename(path.join(root, "text/0000-retention-tiers"), path.join(root, "text/0004-retention-tiers"));
      const ended = await runRfc(["number", action], { cwd: root });
      assert.equal(ended.exitCode, 0, ended.stderr);
      assert.deepEqual(await readTree(root), expected.tree);
      assert.equal(gitIn(root, ["status", "--porcelain"]), expected.status, action);
    }
  });

  test("--continue and --abort refuse, changing nothing, when a file was changed since the run was killed", async () => {
    const { fixture, changes } = await prepare();
    const root = await copyToTemp(fixture);
    // Killed after the README was written, before the draft is.
    const run = runKilled(root, changes.findIndex(([name, target]) => name === "writeFile" && target.includes("/text/.0000-retention-tiers.md.")) + 1, numberDraft);
    assert.equal(run.signal, "SIGKILL");
    await writeFile(path.join(root, "README.md"), "# Rewritten meanwhile\n");
    const tree = await readTree(root);
    for (const action of ["--continue", "--abort"]) {
      const result = await runRfc(["number", action], { cwd: root });
      assert.equal(result.exitCode, 2);
      assert.match(result.stderr, new RegExp(`^Cannot ${action.slice(2)} the interrupted rfc number: README\\.md has changed since\\. Nothing was changed\\.\\n {2}hint: `));
      assert.deepEqual(await readTree(root), tree);
      assert.equal(existsSync(journal(root)), true);
    }
  });

  test("--continue with no interrupted run, or with a draft, is refused", async () => {
    const { fixture } = await prepare();
    const none = await runRfc(["number", "--continue"], { cwd: fixture });
    assert.equal(none.exitCode, 2);
    assert.match(none.stderr, /^There is no interrupted rfc number to continue in .*\.\n {2}hint: /);
    const withDraft = await runRfc(["number", "--abort", draft], { cwd: fixture });
    assert.equal(withDraft.exitCode, 2);
    assert.match(withDraft.stderr, /^rfc number --abort takes no draft and no other option \(got text\/0000-retention-tiers\.md\)\./);
  });
});
