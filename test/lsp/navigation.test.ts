import assert from "node:assert/strict";
import { test } from "node:test";
import type { DocumentLink, DocumentSymbol, Hover, Location } from "vscode-languageserver";
import { startTestClient, type TestClient } from "../support/lsp-client.ts";
import { draft, writeMetalBearRepo } from "./fixture.ts";

const linking = draft.replace("Put the boots on and jump.", "Like [the boots](0001-rocket-boots.md), see [its drawbacks](0001-rocket-boots.md#drawbacks) and [ours](#drawbacks).");
const linkLine = linking.split("\n").findIndex((l) => l.startsWith("Like [the boots]"));

async function openLinking(client: TestClient, root: string): Promise<string> {
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const checked = client.diagnostics(uri);
  await client.open(uri, linking);
  await checked;
  return uri;
}

const at = (uri: string, line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

test("go to definition on a link to another RFC opens it, at the heading its anchor names; an anchor of the file itself goes to its heading", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = await openLinking(client, root);
  const target = client.uriOf(root, "text/0001-rocket-boots.md");
  const line = linking.split("\n")[linkLine]!;
  const whole = await client.request<Location>("textDocument/definition", at(uri, linkLine, line.indexOf("the boots")));
  assert.deepEqual(whole, { uri: target, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  const anchored = await client.request<Location>("textDocument/definition", at(uri, linkLine, line.indexOf("#drawbacks)")));
  const drawbacksLine = draft.split("\n").indexOf("## Drawbacks");
  assert.deepEqual(anchored.uri, target);
  assert.equal(anchored.range.start.line, drawbacksLine);
  const own = await client.request<Location>("textDocument/definition", at(uri, linkLine, line.indexOf("(#drawbacks)") + 2));
  assert.deepEqual([own.uri, own.range.start.line], [uri, linking.split("\n").indexOf("## Drawbacks")]);
  assert.equal(await client.request("textDocument/definition", at(uri, 0, 0)), null);
});

test("hover on a link to an RFC shows its title, status and the first lines of its Summary", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = await openLinking(client, root);
  const line = linking.split("\n")[linkLine]!;
  const hover = await client.request<Hover>("textDocument/hover", at(uri, linkLine, line.indexOf("the boots") + 2));
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /^\*\*Rocket boots\*\* · text\/0001-rocket-boots\.md · accepted\n\nBoots that let engineers jump over slow builds\.$/);
  const section = await client.request<Hover>("textDocument/hover", at(uri, linkLine, line.indexOf("its drawbacks")));
  assert.match((section.contents as { value: string }).value, /\*Drawbacks\*\n\nBoots cost money\./);
});

test("hover on a diagnostic's range shows the rule's documentation", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const checked = client.diagnostics(uri);
  await client.open(uri, draft.replace("`jet_pack`", "jet pack"));
  await checked;
  const hover = await client.request<Hover>("textDocument/hover", at(uri, 0, 18));
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /^\*\*rfckit: `feature-name`\*\*\n\nChecks that `Feature Name` is an identifier/);
  assert.match(value, /\[The rule's page\]\(https:\/\/github\.com\/rfckit\/rfckit\/blob\/main\/docs\/rules\/feature-name\.md\)$/);
  assert.equal(await client.request("textDocument/hover", at(uri, 10, 0)), null);
});

test("the outline is the section tree, and links to other files are document links", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = await openLinking(client, root);
  const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ["Summary", "Motivation", "Guide-level explanation", "Reference-level explanation", "Drawbacks", "Rationale and alternatives"]);
  assert.equal(symbols[0]!.selectionRange.start.line, draft.split("\n").indexOf("## Summary"));
  const links = await client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri } });
  const target = client.uriOf(root, "text/0001-rocket-boots.md");
  const linksOnLine = links.filter((l) => l.range.start.line === linkLine);
  assert.deepEqual(linksOnLine.map((l) => l.target), [target, target]);
});
