import assert from "node:assert/strict";
import { test } from "node:test";
import type { Location } from "vscode-languageserver";
import type { Repository } from "../../src/model/repository.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { readTree } from "../support/read-tree.ts";
import { messageOf, startTestClient } from "../support/lsp-client.ts";
import { draft, writeMetalBearRepo } from "./fixture.ts";

test("the server lives through what an RFC being typed looks like: half a table, an unclosed fence, a 5 MB paste, binary bytes; and writes nothing", async () => {
  const root = await writeMetalBearRepo();
  const before = await readTree(root);
  const client = await startTestClient({ debounceMs: 0 });
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const opened = client.diagnostics(uri);
  await client.open(uri, draft);
  await opened;
  const texts = [
    draft.replace("Boots cost money.", "| a | b |\n|---"),
    draft.replace("Boots cost money.", "```rust\nfn main() {"),
    draft + "x".repeat(5 * 1024 * 1024),
    "\u0000\u0001PNG\r\n\u001a\n\uFFFD\uFFFD".repeat(1000),
    "",
  ];
  for (const text of texts) {
    const published = client.diagnostics(uri);
    await client.change(uri, text);
    const diagnostics = await published;
    if (text.length > 1_000_000) assert.deepEqual(diagnostics.map((d) => d.code), ["file-content"]);
    if (text === "") assert.deepEqual(diagnostics.map((d) => d.code), ["file-content"]);
    assert.ok(Array.isArray(await client.request("textDocument/documentSymbol", { textDocument: { uri } })));
    assert.ok(Array.isArray(await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 2, character: 3 } })));
  }
  const back = client.diagnostics(uri);
  await client.change(uri, draft.replace("`jet_pack`", "jet pack"));
  assert.deepEqual((await back).map((d) => d.code), ["feature-name"]);
  // Fixes offered are edits for the editor to apply, never writes.
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.ok((await client.request<unknown[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [], only: ["source.fixAll"] } })).length > 0);
  assert.equal(await client.stop(), 0);
  assert.deepEqual(await readTree(root), before);
});

test("a request that fails is answered with an error and logged, and the server goes on", async () => {
  const root = await writeMetalBearRepo();
  let broken = false;
  // A repository whose file list fails when asked, as a bug in a request would.
  const load = async (dir: string): Promise<Repository> => {
    const repo = await loadRepository({ root: dir });
    const files = new (class extends Set<string> {
      override has(file: string): boolean {
        if (broken) throw new Error("the file list broke");
        return super.has(file);
      }
    })(repo.files);
    return { ...repo, files };
  };
  const client = await startTestClient({ load });
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const text = draft.replace("Put the boots on and jump.", "Like [boots](0001-rocket-boots.md).");
  const opened = client.diagnostics(uri);
  await client.open(uri, text);
  await opened;
  const line = text.split("\n").findIndex((l) => l.startsWith("Like [boots]"));
  const params = { textDocument: { uri }, position: { line, character: 7 } };
  broken = true;
  await assert.rejects(client.request("textDocument/definition", params), /rfckit: definition failed: the file list broke/);
  assert.ok(client.logs.some((l) => l.includes("the file list broke")));
  broken = false;
  const found = await client.request<Location>("textDocument/definition", params);
  assert.equal(found.uri, client.uriOf(root, "text/0001-rocket-boots.md"));
});

test("exit after shutdown ends the server with 0; exit without it, or the editor going away, with 1", async () => {
  const client = await startTestClient();
  assert.equal(await client.stop(), 0);
  const abrupt = await startTestClient();
  await abrupt.connection.sendNotification("exit");
  assert.equal(await abrupt.exited, 1);
  const dropped = await startTestClient();
  dropped.endInput();
  assert.equal(await dropped.exited, 1);
});

test("a repository that cannot be read is one diagnostic on the open file, naming the file and what to do", async () => {
  const root = await writeMetalBearRepo({ "book.toml": "[rfckit]\nrules = 3\n" });
  const client = await startTestClient();
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const published = client.diagnostics(uri);
  await client.open(uri, draft);
  const [diagnostic, ...rest] = await published;
  assert.deepEqual(rest, []);
  assert.match(messageOf(diagnostic!), /^rfckit could not read the repository: .*book\.toml/s);
  assert.match(messageOf(diagnostic!), /\nhint: /);
});
