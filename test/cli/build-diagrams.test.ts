import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { examplesDir } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp } from "../support/temp-repo.ts";

const diagramPage = "0003-saved-search-alerts.html";
const mermaidDist = path.join(path.dirname(createRequire(import.meta.url).resolve("mermaid/package.json")), "dist");

test("a book with a diagram carries Mermaid's module and chunks, and the diagram's source in a pre.mermaid", async () => {
  const root = await copyToTemp(examplesDir);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const tree = await readTree(path.join(root, "book"));
  assert.deepEqual(tree.get("_rfckit/mermaid/mermaid.esm.min.mjs"), await readFile(path.join(mermaidDist, "mermaid.esm.min.mjs")));
  const mermaidFiles = [...tree.keys()].filter((file) => file.startsWith("_rfckit/mermaid/chunks/mermaid.esm.min/") && !file.endsWith("/"));
  assert.ok(mermaidFiles.length > 20, `the chunks the module imports (${mermaidFiles.length})`);
  assert.deepEqual(
    mermaidFiles.filter((file) => !file.endsWith(".mjs")),
    [],
    "no source maps",
  );
  const page = tree.get(diagramPage)!.toString();
  assert.match(page, /<pre class="mermaid">stateDiagram-v2\n {4}\[\*\] --&gt; ok\n/);
});

test("a book without a diagram has no Mermaid files", async () => {
  const root = await copyToTemp(examplesDir);
  const rfc = path.join(root, "text/0003-saved-search-alerts.md");
  await writeFile(rfc, (await readFile(rfc, "utf8")).replace("```mermaid", "```text"));
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.equal(existsSync(path.join(root, "book", diagramPage)), true);
  assert.equal(existsSync(path.join(root, "book/_rfckit/mermaid")), false);
});
