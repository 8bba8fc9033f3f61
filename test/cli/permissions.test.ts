import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { draft, numbered, writeNumberingFixture } from "../authoring/numbering-fixture.ts";
import { readTree } from "../support/read-tree.ts";
import { packageRoot } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";

// A file rfckit rewrites stays the user's file: its permissions, its owner where the process may
// set one, and a read-only file is left alone.

test("rfc number keeps a private draft private, and the mode of every file whose links it rewrites", async () => {
  const root = await writeNumberingFixture({ git: true });
  await chmod(path.join(root, draft), 0o600);
  await chmod(path.join(root, "text/0002-ingest-pipelines.md"), 0o640);
  const result = await runRfc(["number", draft, "--pr", "21"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.equal((await stat(path.join(root, numbered))).mode & 0o777, 0o600);
  assert.equal((await stat(path.join(root, "text/0002-ingest-pipelines.md"))).mode & 0o777, 0o640);
});

test("rfc fix refuses a read-only file, and writes nothing", async () => {
  const root = await writeNumberingFixture({ git: false });
  const file = path.join(root, draft);
  await writeFile(file, (await readFile(file, "utf8")).replace(/- Feature Name: .*/, "- Feature Name: retention tiers"));
  await chmod(file, 0o444);
  const before = await readTree(root);
  const result = await runRfc(["fix", draft], { cwd: root });
  assert.equal(result.exitCode, 2, result.stderr);
  assert.match(result.stderr, /^text\/0000-retention-tiers\.md: text\/0000-retention-tiers\.md cannot be fixed: it is read-only; nothing was written\./);
  assert.deepEqual(await readTree(root), before);
  assert.equal((await stat(file)).mode & 0o777, 0o444);
});

const asRoot = process.getuid?.() === 0 ? false : "not running as root: the owner of a rewritten file can only be kept by root";
test("run as root, rfc fix leaves a file owned by its user, not by root", { skip: asRoot }, async () => {
  const root = await writeNumberingFixture({ git: false });
  const file = path.join(root, draft);
  await writeFile(file, (await readFile(file, "utf8")).replace(/- Feature Name: .*/, "- Feature Name: retention tiers"));
  await chown(file, 65534, 65534);
  const result = await runRfc(["fix", draft], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(await readFile(file, "utf8"), /- Feature Name: `?retention_tiers`?/);
  const info = await stat(file);
  assert.deepEqual([info.uid, info.gid], [65534, 65534]);
});

// Root reads every folder whatever its mode: the unreadable folder is made for another user.
const asNobody = ((): string | false => {
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/setpriv")) return "needs root and setpriv, to run rfc as a user a folder is closed to";
  const reads = spawnSync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", `require("fs").accessSync(${JSON.stringify(path.join(packageRoot, "src/cli/main.ts"))})`]);
  return reads.status === 0 ? false : `user nobody cannot read ${packageRoot} (a private checkout), so cannot run rfc from it`;
})();
test("a folder rfc cannot read is an error naming it, not a repository with fewer RFCs; exclude leaves it out", { skip: asNobody }, async () => {
  const root = await writeNumberingFixture({ git: false });
  await mkdir(path.join(root, "text/private"));
  await writeFile(path.join(root, "text/private/0042-secret.md"), "# Secret\n");
  await chmod(root, 0o755);
  await chown(path.join(root, "text/private"), 0, 0);
  await chmod(path.join(root, "text/private"), 0o700);
  const asUser = (args: string[]) => spawnSync("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "--import", pathToFileURL(path.join(packageRoot, "node_modules/tsx/dist/esm/index.mjs")).href, path.join(packageRoot, "src/cli/main.ts"), ...args], { cwd: root, encoding: "utf8" });
  // The folders up to the repository must be open to that user, as a user's own repository is.
  for (let dir = path.dirname(root); dir !== "/"; dir = path.dirname(dir)) await chmod(dir, (await stat(dir)).mode | 0o005);
  const refused = asUser(["check"]);
  assert.equal(refused.status, 2, refused.stderr);
  assert.match(refused.stderr, /^text\/private: The folder text\/private cannot be read: permission denied\.\n {2}hint: give your user permission to read it \(chmod u\+rx text\/private\), or leave it out with exclude = \["text\/private"\]/);
  await writeFile(path.join(root, "book.toml"), '[rfckit]\nexclude = ["text/private"]\n');
  const excluded = asUser(["check"]);
  assert.notEqual(excluded.status, 2, excluded.stderr);
});
