import { existsSync } from "node:fs";
import path from "node:path";
import { workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type Executable, type NodeModule, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/**
 * Starts rfckit's own language server (`rfc lsp`) for Markdown files. The server decides which
 * files are RFCs (it finds their repository as `rfc check` does) and says nothing about others.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  client = new LanguageClient("rfckit", "rfckit", serverOptions(context), {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*") },
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/**
 * The configured command; else the workspace's own rfckit (the version its CI runs), run with VS
 * Code's Node; else the server bundled in this extension.
 */
function serverOptions(context: ExtensionContext): ServerOptions {
  const configured = workspace.getConfiguration("rfckit").get<string>("server", "").trim();
  if (configured !== "") {
    const run: Executable = { command: configured, args: ["lsp", "--stdio"], transport: TransportKind.stdio };
    return { run, debug: run };
  }
  const own = (workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, "node_modules/rfckit/dist/bin/rfc.js")).find((file) => existsSync(file));
  const module = own ?? context.asAbsolutePath("server/dist/bin/rfc.js");
  const run: NodeModule = { module, args: ["lsp", "--stdio"], transport: TransportKind.stdio };
  return { run, debug: run };
}
