import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { startTestClient, type TestClient } from "../support/lsp-client.ts";
import { goodRfc } from "../support/templates.ts";
import { draft, writeMetalBearRepo } from "./fixture.ts";

const linking = draft.replace("Put the boots on and jump.", "Like [sky hooks](0002-sky-hook.md).");
const hasLinkError = (ds: { code?: string | number }[]) => ds.some((d) => d.code === "link");

/** Opens the draft that links to an RFC not yet written, and waits for its link error; returns its URI. */
async function openLinking(client: TestClient, root: string): Promise<string> {
  const uri = client.uriOf(root, "text/0000-jet-pack.md");
  const broken = client.diagnostics(uri);
  await client.open(uri, linking);
  assert.ok(hasLinkError(await broken));
  return uri;
}

test("without the editor watching files, the server watches the repository itself: a file made on disk is seen", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient();
  const uri = await openLinking(client, root);
  const fixed = client.diagnostics(uri, (ds) => !hasLinkError(ds));
  writeFileSync(path.join(root, "text/0002-sky-hook.md"), goodRfc.replace("`rocket_boots`", "`sky_hook`"));
  assert.deepEqual(await fixed, []);
});

test("where the editor watches files, its didChangeWatchedFiles is what the server reads", async () => {
  const root = await writeMetalBearRepo();
  const client = await startTestClient({ capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  const uri = await openLinking(client, root);
  assert.deepEqual(client.registrations, [{ id: client.registrations[0]?.id, method: "workspace/didChangeWatchedFiles", registerOptions: { watchers: [{ globPattern: "**/*" }] } }]);
  writeFileSync(path.join(root, "text/0002-sky-hook.md"), goodRfc.replace("`rocket_boots`", "`sky_hook`"));
  const fixed = client.diagnostics(uri, (ds) => !hasLinkError(ds));
  await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: client.uriOf(root, "text/0002-sky-hook.md"), type: 1 }] });
  assert.deepEqual(await fixed, []);
});

test("a git checkout leaves no stale diagnostics: the branch's files are what the open RFC is checked against", async () => {
  const root = await writeMetalBearRepo({ "text/0000-jet-pack.md": linking });
  gitInit(root);
  commitAll(root, "Draft", "2026-01-10");
  gitIn(root, ["checkout", "-q", "-b", "sky-hook"]);
  writeFileSync(path.join(root, "text/0002-sky-hook.md"), goodRfc.replace("`rocket_boots`", "`sky_hook`"));
  commitAll(root, "Sky hook", "2026-01-11");
  gitIn(root, ["checkout", "-q", "main"]);
  const client = await startTestClient();
  const uri = await openLinking(client, root);
  const onBranch = client.diagnostics(uri, (ds) => !hasLinkError(ds));
  gitIn(root, ["checkout", "-q", "sky-hook"]);
  assert.deepEqual(await onBranch, []);
  const back = client.diagnostics(uri, hasLinkError);
  gitIn(root, ["checkout", "-q", "main"]);
  assert.ok(hasLinkError(await back));
});
