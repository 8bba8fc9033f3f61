import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, rename, symlink, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { publishAsset } from "../../src/book/publish-asset.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

const secret = "[remote] token=SECRET-OF-THE-CHECKOUT\n";

/** A repository with one RFC, an image, a text file and a .git/config, loaded. */
async function loaded() {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-x.md": "# X\n",
    "text/0001-x/a.png": "PNG",
    "text/0001-x/b.txt": "text",
    "docs/c.png": "PNG2",
    ".git/config": secret,
  });
  await symlink("../../docs/c.png", path.join(root, "text/0001-x/c.png"));
  return { root, repo: await loadRepository({ root, history: false, today: "2026-06-15" }) };
}

test("a regular file and a link to a file of the tree are published as they are", async () => {
  const { repo } = await loaded();
  const a = await publishAsset(repo, "text/0001-x/a.png");
  assert.ok("bytes" in a && a.bytes.toString() === "PNG");
  const c = await publishAsset(repo, "text/0001-x/c.png");
  assert.ok("bytes" in c && c.bytes.toString() === "PNG2");
});

test("the file is judged as it is when read, not as it was loaded", async () => {
  const { root, repo } = await loaded();
  // Loaded as a regular file, then made a link to .git/config.
  await unlink(path.join(root, "text/0001-x/a.png"));
  await symlink("../../.git/config", path.join(root, "text/0001-x/a.png"));
  assert.deepEqual(await publishAsset(repo, "text/0001-x/a.png"), { refusal: { kind: "symlink", target: ".git/config", why: "unlisted" } });
  // Its folder made a link to .git.
  await rename(path.join(root, "text/0001-x"), path.join(root, "text/moved"));
  await mkdir(path.join(root, ".git/x"));
  await writeFile(path.join(root, ".git/x/b.txt"), secret);
  await symlink("../.git/x", path.join(root, "text/0001-x"));
  const b = await publishAsset(repo, "text/0001-x/b.txt");
  assert.ok("refusal" in b, "a file under a folder that became a link is not read through it");
  // A FIFO in its place: refused at once, not waited on.
  await unlink(path.join(root, "text/0001-x"));
  await mkdir(path.join(root, "text/0001-x"));
  execFileSync("mkfifo", [path.join(root, "text/0001-x/b.txt")]);
  assert.deepEqual(await publishAsset(repo, "text/0001-x/b.txt"), { refusal: { kind: "special" } });
});

test("a type the book does not publish is refused before the disk is read", async () => {
  const { repo } = await loaded();
  assert.deepEqual(await publishAsset(repo, "text/0001-x/missing.html"), { refusal: { kind: "type", extension: "html" } });
});
