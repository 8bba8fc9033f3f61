import assert from "node:assert/strict";
import { chmod, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { diffArrays } from "diff";
import { applyEdits } from "../../src/check/apply-edits.ts";
import { fixRepository, loadRepository, parseDocument, rules } from "../../src/index.ts";
import { corpus } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp } from "../support/temp-repo.ts";

/** Every `.md` file under `dir`, by path relative to it, with its bytes. */
async function markdownFiles(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".md")) out.set(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return out;
}

/** A writable copy of a read-only corpus. */
async function writableCopy(dir: string): Promise<string> {
  const root = await copyToTemp(dir);
  await chmod(root, 0o755);
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    await chmod(path.join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
  return root;
}

for (const name of ["metalbear-rfcs", "rust-rfcs"] as const) {
  const { dir, skip } = corpus(name);
  describe(`rfc fix on every Markdown file of ${name}`, { skip }, () => {
    test("read, parsed and written back without an edit, every .md file keeps its bytes", async () => {
      for (const [file, bytes] of await markdownFiles(dir)) {
        const doc = parseDocument(bytes.toString("utf8"));
        const text = (doc.hasBom ? "\uFEFF" : "") + applyEdits(doc.source, []).text;
        assert.ok(Buffer.from(text, "utf8").equals(bytes), file);
      }
    });

    test("files with nothing to fix keep every byte; fixed files change only what the fixes name; a second run changes nothing", async () => {
      const root = await writableCopy(dir);
      const original = await markdownFiles(root);
      const expected = fixRepository(await loadRepository({ root }), { rules });
      const result = await runRfc(["fix", "--all"], { cwd: root });
      assert.equal(result.stderr, "");
      const fixed = await markdownFiles(root);
      const changed = new Map(expected.files.map((f) => [f.path, f]));
      for (const [file, bytes] of original) {
        const after = fixed.get(file)!;
        const planned = changed.get(file);
        if (!planned) {
          assert.ok(after.equals(bytes), `${file} has nothing to fix, yet changed`);
          continue;
        }
        assert.equal(after.toString("utf8"), planned.after, file);
        const before = bytes.toString("utf8");
        const text = after.toString("utf8");
        assert.equal(text.startsWith("\uFEFF"), before.startsWith("\uFEFF"), `${file}: byte-order mark`);
        if (before.includes("\r\n") && !/(?<!\r)\n/.test(before)) assert.doesNotMatch(text, /(?<!\r)\n/, `${file}: a CRLF file got a bare LF`);
        // Every line the fixes took out is one a `replace` fix rewrote: no other line was touched.
        const replaced = expected.applied.filter((a) => a.diagnostic.file === file && a.diagnostic.fix.kind === "replace").length;
        const removed = diffArrays(before.split("\n"), text.split("\n")).filter((p) => p.removed).reduce((n, p) => n + p.value.length, 0);
        assert.ok(removed <= replaced, `${file}: ${removed} lines removed, but only ${replaced} replace fixes`);
      }
      assert.ok(expected.files.length > 0, "the corpus has something to fix");

      const again = await runRfc(["fix", "--all"], { cwd: root });
      assert.match(again.stdout, /^Nothing to fix\.\n/);
      assert.deepEqual(await markdownFiles(root), fixed);
    });
  });
}
