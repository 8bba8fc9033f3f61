import assert from "node:assert/strict";
import { chmod, chown, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { draft, numbered, writeNumberingFixture } from "../authoring/numbering-fixture.ts";
import { readTree } from "../support/read-tree.ts";
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
