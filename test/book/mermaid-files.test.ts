import assert from "node:assert/strict";
import { test } from "node:test";
import { knownKindChunks, mermaidEntry, selectMermaidFiles, toChunkName, toDiagramKind } from "../../src/book/mermaid-files.ts";
import { readMermaidFiles } from "../../src/cli/read-mermaid-files.ts";

const files = await readMermaidFiles();
const chunkNames = (pages: readonly { path: string }[]) => new Set(pages.filter((p) => p.path.endsWith(".mjs")).map((p) => toChunkName(p.path)));

test("every chunk the kind table names is one chunk of the installed Mermaid", () => {
  const installed = files.map((p) => toChunkName(p.path));
  for (const name of knownKindChunks) assert.equal(installed.filter((n) => n === name).length, 1, `${name} in mermaid/dist/chunks`);
});

test("a diagram's kind is its first word after front matter, directives and comments", () => {
  assert.equal(toDiagramKind("flowchart LR\n  a --> b"), "flowchart");
  assert.equal(toDiagramKind("graph TD; A-->B"), "graph");
  assert.equal(toDiagramKind("---\ntitle: States\n---\nstateDiagram-v2\n  [*] --> a"), "stateDiagram-v2");
  assert.equal(toDiagramKind("%%{init: {'theme': 'forest'}}%%\n%% a comment\n\nsequenceDiagram\n  a->>b: hi"), "sequenceDiagram");
  assert.equal(toDiagramKind("erDiagram\n"), "erDiagram");
  assert.equal(toDiagramKind("\n\n"), "");
});

test("a book gets Mermaid's entry, its imports and the chunks of its diagrams' kinds only", () => {
  const flowchart = selectMermaidFiles(files, ["flowchart LR\n  a --> b"]);
  const names = chunkNames(flowchart);
  assert.ok(flowchart.some((p) => p.path === mermaidEntry));
  assert.ok(names.has("flowDiagram"));
  assert.ok(!names.has("sequenceDiagram") && !names.has("ganttDiagram"), "other kinds' chunks are left out");
  assert.ok(flowchart.some((p) => p.path.endsWith("/LICENSE")), "the licence goes with it");
  assert.ok(flowchart.length < files.length / 2, `${flowchart.length} of ${files.length} files`);

  const both = chunkNames(selectMermaidFiles(files, ["flowchart LR\n  a --> b", "sequenceDiagram\n  a->>b: hi"]));
  assert.ok(both.has("flowDiagram") && both.has("sequenceDiagram"));
});

test("a kind the table does not know gets all of Mermaid, and a book without diagrams none", () => {
  assert.equal(selectMermaidFiles(files, ["flowchart LR\n  a --> b", "packet-beta\n  0-15: \"Source Port\""]).length, files.length);
  assert.deepEqual(selectMermaidFiles(files, []), []);
});
