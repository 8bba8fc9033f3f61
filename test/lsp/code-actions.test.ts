import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { CodeAction, TextEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { messageOf, startTestClient, type TestClient } from "../support/lsp-client.ts";
import { runRfc } from "../support/run-cli.ts";
import { draft, writeMetalBearRepo } from "./fixture.ts";

const draftPath = "text/0000-jet-pack.md";

function apply(text: string, action: CodeAction, uri: string): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, `action "${action.title}" has no edits for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, "markdown", 1, text), edits);
}

/** Opens the draft with `text` (also written to disk, so `rfc fix` sees the same) and waits for its diagnostics. */
async function openDraft(client: TestClient, root: string, text: string) {
  writeFileSync(path.join(root, draftPath), text);
  const uri = client.uriOf(root, draftPath);
  const published = client.diagnostics(uri);
  await client.open(uri, text);
  return { uri, diagnostics: await published };
}

async function actionsAt(client: TestClient, uri: string, line: number, only?: string[]): Promise<CodeAction[]> {
  return client.request("textDocument/codeAction", {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: [], ...(only ? { only } : {}) },
  });
}

test("a rule's fix is a quick fix on its line, and applying it leaves the file as rfc fix writes it", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const bad = draft.replace("`jet_pack`", "jet pack");
  const { uri, diagnostics } = await openDraft(client, root, bad);
  assert.deepEqual(diagnostics.map((d) => d.code), ["feature-name"]);
  const [fix, ...rest] = await actionsAt(client, uri, 0);
  assert.equal(fix!.kind, "quickfix");
  assert.equal(fix!.isPreferred, true);
  assert.match(fix!.title, /^Fix: /);
  assert.deepEqual(fix!.diagnostics?.map((d) => d.code), ["feature-name"]);
  assert.deepEqual(rest, [], "one fixable problem in the file: no fix-all besides it");
  const fixed = apply(bad, fix!, uri);

  const cli = await runRfc(["fix", draftPath], { cwd: root });
  assert.equal(cli.exitCode, 0, cli.stderr);
  assert.equal(fixed, readFileSync(path.join(root, draftPath), "utf8"));
  assert.notEqual(fixed, bad);
  assert.deepEqual(await actionsAt(client, uri, 5), [], "no actions where there is no problem");
});

test("fix all in this file makes every fix rfc fix makes, as edits of the changed lines only", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const bad = draft.replace("`jet_pack`", "jet pack").replace("[motivation]: #motivation\n", "");
  const { uri, diagnostics } = await openDraft(client, root, bad);
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ["feature-name", "section-anchor"]);
  const [fixAll] = await actionsAt(client, uri, 0, ["source.fixAll"]);
  assert.equal(fixAll!.kind, "source.fixAll.rfckit");
  const edits = fixAll!.edit!.changes![uri]!;
  assert.equal(edits.length, 2, "the two changed places, not the whole file");
  const fixed = apply(bad, fixAll!, uri);
  const cli = await runRfc(["fix", draftPath], { cwd: root });
  assert.equal(cli.exitCode, 0, cli.stderr);
  assert.equal(fixed, readFileSync(path.join(root, draftPath), "utf8"));
  // On the line of one of them, the quick fix and fix-all are both offered.
  assert.deepEqual((await actionsAt(client, uri, 0)).map((a) => a.kind), ["quickfix", "source.fixAll.rfckit"]);
});

test("a missing section can be added: its heading and the template's anchor line, above the next section the RFC has", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const without = draft.replace(/## Drawbacks\n\[drawbacks\]: #drawbacks\n\nBoots cost money.\n\n/, "");
  const { uri, diagnostics } = await openDraft(client, root, without);
  const missing = diagnostics.find((d) => d.code === "section-missing")!;
  assert.match(messageOf(missing), /"Drawbacks"/);
  const actions = await actionsAt(client, uri, missing.range.start.line);
  const add = actions.find((a) => a.title === 'Add section "Drawbacks"');
  assert.ok(add, `actions: ${actions.map((a) => a.title).join(", ")}`);
  const added = apply(without, add, uri);
  assert.match(added, /Faster builds|boots are here today/);
  assert.ok(added.includes("## Drawbacks\n[drawbacks]: #drawbacks\n\n## Rationale and alternatives\n"), added);
  const after = client.diagnostics(uri);
  await client.change(uri, added);
  assert.deepEqual((await after).filter((d) => d.code === "section-missing"), []);
});
