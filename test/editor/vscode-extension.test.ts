import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import type { PublishDiagnosticsParams } from "vscode-languageserver";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { draft, writeMetalBearRepo } from "../lsp/fixture.ts";
import { packageRoot } from "../support/paths.ts";
import { makeTempDir } from "../support/temp-repo.ts";

const extension = path.join(packageRoot, "editors/vscode");
const skip = !existsSync(path.join(extension, "node_modules"))
  ? "editors/vscode/node_modules is absent: the VS Code extension is not built (npm ci --prefix editors/vscode)"
  : !existsSync(path.join(packageRoot, "dist/bin/rfc.js"))
    ? "dist/bin/rfc.js is not built (npm run build): the extension packages it"
    : false;

test("the VS Code extension type-checks, packages into a .vsix with its bundle and rfckit's server, and that server answers as rfc lsp", { skip }, async () => {
  execFileSync(process.execPath, [path.join(extension, "node_modules/typescript/bin/tsc"), "-p", extension], { stdio: "pipe" });
  const out = path.join(await makeTempDir("rfckit-vsix-"), "rfckit.vsix");
  execFileSync(process.execPath, [path.join(extension, "scripts/package.mjs"), out], { cwd: extension, stdio: "pipe" });
  // A .vsix is a zip: its central directory lists the names in plain text.
  const listing = readFileSync(out).toString("latin1");
  for (const name of ["extension/package.json", "extension/dist/extension.js", "extension/server/dist/bin/rfc.js", "extension/server/docs/rules/feature-name.md", "extension/server/package.json"]) {
    assert.ok(listing.includes(name), `${name} is not in the .vsix`);
  }
  assert.ok(!listing.includes("extension/node_modules/"), "dependencies are bundled, not shipped");
  const manifest = JSON.parse(readFileSync(path.join(extension, "package.json"), "utf8")) as { main: string; activationEvents: string[] };
  assert.equal(manifest.main, "./dist/extension.js");
  assert.deepEqual(manifest.activationEvents, ["onLanguage:markdown"]);

  // The server the extension falls back to, started as the extension starts it: its own process.
  const root = await writeMetalBearRepo();
  const server = spawn(process.execPath, [path.join(extension, "server/dist/bin/rfc.js"), "lsp", "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification("textDocument/publishDiagnostics", resolve));
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification("initialized", {});
  const uri = pathToFileURL(path.join(root, "text/0000-jet-pack.md")).href;
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text: draft.replace("`jet_pack`", "jet pack") } });
  const { diagnostics } = await published;
  assert.deepEqual(diagnostics.map((d) => d.code), ["feature-name"]);
  await connection.sendRequest("shutdown");
  const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
  await connection.sendNotification("exit");
  assert.equal(await exited, 0);
  connection.dispose();
});
