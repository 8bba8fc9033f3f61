import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { messageOf, startTestClient } from "../support/lsp-client.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { makeTempDir } from "../support/temp-repo.ts";
import { goodRfc } from "../support/templates.ts";
import { draft, writeMetalBearRepo } from "./fixture.ts";

test("a bad Feature Name gets a diagnostic on its value, with the rule as code and its page; fixing the line clears it", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const bad = draft.replace("`jet_pack`", "jet pack!");
  const first = client.diagnostics(uri);
  await client.open(uri, bad);
  const [diagnostic, ...others] = await first;
  assert.deepEqual(others, []);
  assert.equal(diagnostic!.code, "feature-name");
  assert.equal(diagnostic!.source, "rfckit");
  assert.equal(diagnostic!.severity, 1);
  assert.equal(diagnostic!.codeDescription?.href, "https://github.com/rfckit/rfckit/blob/main/docs/rules/feature-name.md");
  assert.match(messageOf(diagnostic!), /"jet pack!" is not an identifier/);
  assert.match(messageOf(diagnostic!), /\nhint: /);
  const line = bad.split("\n")[0]!;
  assert.deepEqual(diagnostic!.range, { start: { line: 0, character: line.indexOf("jet") }, end: { line: 0, character: line.length } });

  const cleared = client.diagnostics(uri);
  await client.change(uri, draft);
  assert.deepEqual(await cleared, []);
});

test("a file that is not an RFC, such as the README, gets no diagnostics, nor does a Markdown file outside any RFC repository", async () => {
  const root = await writeMetalBearRepo({ "notes/elsewhere.md": "# Notes\n" });
  // A folder of its own: the temporary folder holds other tests' repositories, which would make it one.
  const outside = path.join(await makeTempDir(), "notes");
  mkdirSync(outside);
  const client = await startTestClient();
  const readme = client.uriOf(root, "README.md");
  const published = client.diagnostics(readme);
  await client.open(readme, "# Acme RFCs\n\n[broken](nowhere.md)\n");
  assert.deepEqual(await published, []);
  const stray = client.uriOf(outside, "stray-notes.md");
  await client.open(stray, "# Stray\n");
  assert.deepEqual(await client.request("textDocument/documentSymbol", { textDocument: { uri: stray } }), []);
  assert.deepEqual(await client.request("textDocument/completion", { textDocument: { uri: stray }, position: { line: 0, character: 0 } }), []);
});

test("rules see the unsaved text of other open RFCs: a feature name taken in an open editor is a duplicate", async () => {
  const root = await writeMetalBearRepo({ "text/0002-sky-hook.md": draft.replace("`jet_pack`", "`sky_hook`").replace("acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)", "acme/rfcs#14](https://github.com/acme/rfcs/pull/14)") });
  const client = await startTestClient();
  const earlier = client.uriOf(root, "text/0001-rocket-boots.md");
  const later = client.uriOf(root, "text/0002-sky-hook.md");
  const laterText = readFileSync(path.join(root, "text/0002-sky-hook.md"), "utf8");
  const clean = client.diagnostics(later);
  await client.open(later, laterText);
  assert.deepEqual((await clean).map((d) => d.code), []);
  const earlierText = readFileSync(path.join(root, "text/0001-rocket-boots.md"), "utf8");
  await client.open(earlier, earlierText);
  // Not saved: only the editor knows 0001 now claims `sky_hook`.
  const duplicate = client.diagnostics(later, (ds) => ds.length > 0);
  await client.change(earlier, earlierText.replace("`rocket_boots`", "`sky_hook`"));
  const [found] = await duplicate;
  assert.equal(found!.code, "feature-name");
  assert.match(messageOf(found!), /0001-rocket-boots\.md/);
});

test("edits in a burst are checked once, for the newest text: no diagnostics are published for a version already replaced", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient({ debounceMs: 40 });
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const opened = client.diagnostics(uri);
  await client.open(uri, draft);
  await opened;
  // The repository is loaded for the opened file first, then all of it, and the file checked again.
  await client.diagnostics(uri);
  const from = client.published.length;
  const last = client.diagnostics(uri, (ds) => ds.some((d) => d.code === "feature-name"));
  for (const name of ["j", "je", "jet", "jet ", "jet p!"]) await client.change(uri, draft.replace("`jet_pack`", name));
  const diagnostics = await last;
  assert.match(messageOf(diagnostics.find((d) => d.code === "feature-name")!), /"jet p!"/);
  assert.deepEqual(client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version), [6]);
});

test("an accepted RFC as committed gets warnings where a template rule would give an error; once edited in the editor, errors", async () => {
  const committed = goodRfc.replace(/## Drawbacks\n\[drawbacks\]: #drawbacks\n\nBoots cost money.\n\n/, "");
  const root = await writeMetalBearRepo({ "text/0001-rocket-boots.md": committed });
  gitInit(root);
  commitAll(root, "RFC 1", "2026-01-10");
  const client = await startTestClient();
  const uri = client.uriOf(root, "text/0001-rocket-boots.md");
  const asCommitted = client.diagnostics(uri);
  await client.open(uri, committed);
  assert.deepEqual((await asCommitted).map((d) => [d.code, d.severity]), [["section-missing", 2]]);
  const edited = client.diagnostics(uri);
  await client.change(uri, committed.replace("Boots that let", "Boots, that let"));
  const now = await edited;
  assert.deepEqual(now.filter((d) => d.code === "section-missing").map((d) => d.severity), [1]);
  // Edited but not dated: what \`rfc check\` says of an uncommitted change.
  assert.ok(now.some((d) => d.code === "last-updated"));
});

test("a link to an anchor of another open RFC is checked against that RFC's unsaved text", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const linking = draft.replace("Put the boots on and jump.", "See [the boots' cost](0001-rocket-boots.md#costs).");
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const broken = client.diagnostics(uri);
  await client.open(uri, linking);
  const [missing] = await broken;
  assert.equal(missing!.code, "link");
  assert.match(messageOf(missing!), /Anchor "#costs" does not exist/);
  const target = client.uriOf(root, "text/0001-rocket-boots.md");
  const targetText = readFileSync(path.join(root, "text/0001-rocket-boots.md"), "utf8");
  await client.open(target, targetText);
  const fixed = client.diagnostics(uri, (ds) => ds.length === 0);
  await client.change(target, targetText.replace("Boots cost money.", "Boots cost money.\n\n### Costs\n\nA lot."));
  assert.deepEqual(await fixed, []);
});

test("an edit reads the edited text only: the repository is loaded once for the opened file and once whole, never again while typing", async () => {
  const root = await writeMetalBearRepo();
  const loads: string[] = [];
  const load = (dir: string, reading?: (rfcPath: string) => boolean) => {
    loads.push(reading ? "opened file" : "whole");
    return loadRepository({ root: dir, ...(reading ? { reading } : {}) });
  };
  const client = await startTestClient({ load });
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const opened = client.diagnostics(uri);
  await client.open(uri, draft);
  await opened;
  await client.diagnostics(uri);
  for (const name of ["jet pack", "jet_pack", "jet pack!"]) {
    const checked = client.diagnostics(uri);
    await client.change(uri, draft.replace("`jet_pack`", name));
    await checked;
  }
  assert.deepEqual(loads, ["opened file", "whole"]);
});

test("diagnostics go to the URI the editor spelt, whatever its encoding of the path", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  // `%2D` is `-`: the same file, spelt as no path-to-URL conversion would spell it.
  const uri = client.uriOf(root, "text/0000-jet-pack.md").replace("0000-jet", "0000%2Djet");
  const published = client.diagnostics(uri);
  await client.open(uri, draft.replace("`jet_pack`", "jet pack"));
  assert.deepEqual((await published).map((d) => d.code), ["feature-name"]);
});

test("an rfc-disable comment typed in the editor turns its rule off there, and one that turns nothing off is a warning", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const bad = draft.replace("`jet_pack`", "jet pack!");
  const first = client.diagnostics(uri);
  await client.open(uri, bad);
  assert.deepEqual((await first).map((d) => d.code), ["feature-name"]);
  const suppressed = client.diagnostics(uri);
  await client.change(uri, `${bad}\n<!-- rfc-disable feature-name -- named by marketing -->\n`);
  assert.deepEqual(await suppressed, []);
  const unused = client.diagnostics(uri);
  await client.change(uri, `${draft}\n<!-- rfc-disable feature-name -- named by marketing -->\n`);
  const [warning, ...others] = await unused;
  assert.deepEqual(others, []);
  assert.equal(warning!.code, "suppression-unused");
  assert.equal(warning!.severity, 2);
});
