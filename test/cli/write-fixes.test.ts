import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import { writeFixes } from "../../src/cli/write-fixes.ts";
import { loadRepository, rules, UserError } from "../../src/index.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

test("a file edited after it was read is never overwritten, and no other file is written either", async () => {
  const bad = goodRfc.replace("`rocket_boots`", "Rocket Boots");
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": bad, "text/0002-b.md": bad.replace("Rocket Boots", "Jet Pack") });
  const repo = await loadRepository({ root, history: false, today: "2026-06-15" });
  const edited = `${bad}\nWritten while rfc fix ran.\n`;
  await writeFile(path.join(root, "text/0002-b.md"), edited);
  let out = "";
  const io = {
    cwd: root,
    env: {},
    stdout: { write: (text: string) => void (out += text) },
    stderr: { write: (text: string) => void (out += text) },
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
  };
  await assert.rejects(writeFixes(repo, { rules, dryRun: false, format: "pretty", color: false }, io), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.equal(error.message, "text/0002-b.md changed while it was being fixed; nothing was written.");
    return true;
  });
  assert.equal(await readFile(path.join(root, "text/0001-a.md"), "utf8"), bad);
  assert.equal(await readFile(path.join(root, "text/0002-b.md"), "utf8"), edited);
  assert.equal(out, "");
});
