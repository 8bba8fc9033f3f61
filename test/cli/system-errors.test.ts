import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { smallTemplate } from "../support/templates.ts";

/** A 128 KB tmpfs for this file's tests, or why there is none (mounting needs root). */
function mountSmallDisk(): { dir: string } | { skip: string } {
  const parent = mkdtempSync(path.join(tmpdir(), "rfckit-disk-"));
  const dir = path.join(parent, "disk");
  mkdirSync(dir);
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=128k", "tmpfs", dir], { stdio: "pipe" });
  } catch (error) {
    rmSync(parent, { recursive: true, force: true });
    return { skip: `a small tmpfs cannot be mounted here (${String((error as Error).message).split("\n")[0]}): full-disk tests skipped` };
  }
  after(() => {
    execFileSync("umount", [dir], { stdio: "ignore" });
    rmSync(parent, { recursive: true, force: true });
  });
  return { dir };
}

const disk = mountSmallDisk();
const skip = "skip" in disk ? disk.skip : false;

function writeRepo(root: string): void {
  mkdirSync(path.join(root, "text"), { recursive: true });
  writeFileSync(path.join(root, "0000-template.md"), smallTemplate);
  writeFileSync(path.join(root, "README.md"), "# RFCs\n\nCopy `0000-template.md` to `text/0000-my-feature.md`.\n");
}

/** Fills the disk up to its last byte. */
function fill(dir: string): string {
  const filler = path.join(dir, "filler");
  const chunk = Buffer.alloc(1024, 120);
  writeFileSync(filler, "");
  try {
    for (;;) writeFileSync(filler, chunk, { flag: "a" });
  } catch {
    return filler;
  }
}

test("on a full disk, rfc new says so in one line naming the file (exit 2), leaves no empty file, and works once there is room", { skip }, async () => {
  const root = path.join((disk as { dir: string }).dir, "repo");
  writeRepo(root);
  const filler = fill((disk as { dir: string }).dir);
  try {
    const full = await runRfc(["new", "Remote build cache"], { cwd: root });
    assert.equal(full.exitCode, 2, full.stderr);
    assert.match(full.stderr, /^Could not write text\/0000-remote-build-cache\.md: no space left on the device \(ENOSPC\)\.\n {2}hint: free some space/);
    assert.doesNotMatch(full.stderr, /internal error|\n\s+at /);
    assert.deepEqual(readdirSync(path.join(root, "text")), []);
  } finally {
    rmSync(filler);
  }
  const retry = await runRfc(["new", "Remote build cache"], { cwd: root });
  assert.equal(retry.exitCode, 0, retry.stderr);
  assert.ok(existsSync(path.join(root, "text/0000-remote-build-cache.md")));
  rmSync(root, { recursive: true });
});

test("on a read-only disk, rfc new and rfc fix say so (exit 2) and change nothing", { skip }, async () => {
  const dir = (disk as { dir: string }).dir;
  const root = path.join(dir, "repo");
  writeRepo(root);
  writeFileSync(path.join(root, "text/0000-jet-pack.md"), smallTemplate.replace("(fill me in with a unique ident, `my_awesome_feature`)", "jet pack"));
  execFileSync("mount", ["-o", "remount,ro", dir]);
  try {
    const created = await runRfc(["new", "Remote build cache"], { cwd: root });
    assert.equal(created.exitCode, 2, created.stderr);
    assert.match(created.stderr, /^Could not write text\/0000-remote-build-cache\.md: the file system is read-only \(EROFS\)\./);
    const fixed = await runRfc(["fix", "text/0000-jet-pack.md"], { cwd: root });
    assert.equal(fixed.exitCode, 2, fixed.stderr);
    assert.match(fixed.stderr, /cannot be fixed: its folder is not writable; nothing was written/);
    assert.deepEqual(readdirSync(path.join(root, "text")), ["0000-jet-pack.md"]);
  } finally {
    execFileSync("mount", ["-o", "remount,rw", dir]);
  }
});
