import assert from "node:assert/strict";
import { test } from "node:test";
import type { CompletionItem } from "vscode-languageserver";
import { startTestClient, type TestClient } from "../support/lsp-client.ts";
import { draft, writeMetalBearRepo } from "./fixture.ts";

async function complete(client: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  return client.request("textDocument/completion", { textDocument: { uri }, position: { line, character } });
}

/** Opens `text` as the draft and returns its URI once it has been checked. */
async function openDraft(client: TestClient, root: string, text: string): Promise<string> {
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const checked = client.diagnostics(uri);
  await client.open(uri, text);
  await checked;
  return uri;
}

test("on an empty line of the metadata list, completion offers the template's keys the RFC lacks, with the template's value as a snippet", async () => {
  const root = await writeMetalBearRepo();
  const withSnippets = await startTestClient({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } } });
  const lines = draft.split("\n").filter((l) => !l.startsWith("- Last Updated:"));
  const text = [...lines.slice(0, 3), "", ...lines.slice(3)].join("\n");
  const uri = await openDraft(withSnippets, root, text);
  const items = await complete(withSnippets, uri, 3, 0);
  assert.deepEqual(items.map((i) => i.label), ["Last Updated"]);
  assert.equal(items[0]!.insertTextFormat, 2);
  assert.deepEqual(items[0]!.textEdit, {
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
    newText: "- Last Updated: ${1:(fill me in with today's date if you are updating me, YYYY-MM-DD)}",
  });

  const plain = await startTestClient();
  const plainUri = await openDraft(plain, root, text);
  const [item] = await complete(plain, plainUri, 3, 0);
  assert.equal(item!.insertTextFormat, undefined);
  assert.equal((item!.textEdit as { newText: string }).newText, "- Last Updated: (fill me in with today's date if you are updating me, YYYY-MM-DD)");
  // Below the header, an empty line is prose: no keys.
  assert.deepEqual(await complete(plain, plainUri, 9, 0), []);
});

test("after # at the start of a line, completion offers the template's sections the RFC lacks, in template order, with their anchor lines", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const text = draft.replace(/## Motivation\n\[motivation\]: #motivation\n\nBuilds are slow and people are bored.\n\n/, "").replace(/## Drawbacks\n\[drawbacks\]: #drawbacks\n\nBoots cost money.\n\n/, "") + "\n## \n";
  const uri = await openDraft(client, root, text);
  const last = text.split("\n").length - 2;
  const items = await complete(client, uri, last, 3);
  assert.deepEqual(items.map((i) => i.label), ["## Motivation", "## Drawbacks"]);
  assert.deepEqual((items[1]!.textEdit as { newText: string }).newText, "## Drawbacks\n[drawbacks]: #drawbacks");
});

test("in a link's target, completion offers the other RFCs, titled, to insert their paths, and after # the target's anchors", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const text = draft.replace("Put the boots on and jump.", "Like [boots](");
  const uri = await openDraft(client, root, text);
  const line = text.split("\n").findIndex((l) => l.startsWith("Like [boots]("));
  const items = await complete(client, uri, line, "Like [boots](".length);
  assert.deepEqual(items.map((i) => [i.label, i.detail, (i.textEdit as { newText: string }).newText]), [["Rocket boots", "0001-rocket-boots.md", "0001-rocket-boots.md"]]);

  const withHash = text.replace("Like [boots](", "Like [boots](0001-rocket-boots.md#");
  const anchored = client.diagnostics(uri);
  await client.change(uri, withHash);
  await anchored;
  const anchors = await complete(client, uri, line, "Like [boots](0001-rocket-boots.md#".length);
  assert.deepEqual(anchors.slice(0, 2).map((i) => [i.label, i.detail]), [["0001-rocket-boots.md#summary", "Summary"], ["0001-rocket-boots.md#motivation", "Motivation"]]);
});

test("after Start Date: completion offers today's date", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const text = draft.replace("- Start Date: 2026-01-10", "- Start Date: ");
  const uri = await openDraft(client, root, text);
  const [today] = await complete(client, uri, 1, "- Start Date: ".length);
  assert.match(today!.label, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(today!.detail, "today");
});
