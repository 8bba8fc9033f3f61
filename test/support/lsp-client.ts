import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { after } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-languageserver/node";
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver";
import { startLanguageServer, type LanguageServerOptions } from "../../src/lsp/server.ts";

/** A client of `rfc lsp` in the same process, over the protocol's own JSON-RPC streams. */
export interface TestClient {
  connection: MessageConnection;
  /** The server's exit code, once it has exited. */
  exited: Promise<number>;
  uriOf(root: string, relative: string): string;
  open(uri: string, text: string): Promise<void>;
  /** Replaces the whole text (a full-text change), as version `version`. */
  change(uri: string, text: string): Promise<void>;
  /** Resolves with the first diagnostics published for `uri` (from now on), for its latest version, that `accept` takes. */
  diagnostics(uri: string, accept?: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  /** What the server asked the editor to register (`client/registerCapability`). */
  registrations: { id?: string; method: string; registerOptions?: unknown }[];
  /** Every `textDocument/publishDiagnostics` received, in order. */
  published: PublishDiagnosticsParams[];
  /** Everything the server logged (`window/logMessage`). */
  logs: string[];
  request<R>(method: string, params: unknown): Promise<R>;
  /** Ends the server's input, as when the editor goes away without a word. */
  endInput(): void;
  stop(): Promise<number>;
}

/** Starts a server and a client, initialised with `capabilities`; stopped when the test file ends. */
export async function startTestClient(options: Partial<LanguageServerOptions> & { capabilities?: ClientCapabilities } = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = startLanguageServer({ ...options, input: toServer, output: toClient });
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const waiting = new Set<() => void>();
  const logs: string[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const wake of [...waiting]) wake();
  });
  connection.onNotification("window/logMessage", (params: { message: string }) => void logs.push(params.message));
  const registrations: { id?: string; method: string; registerOptions?: unknown }[] = [];
  connection.onRequest("client/registerCapability", (params: { registrations: { id?: string; method: string; registerOptions?: unknown }[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.listen();
  await connection.sendRequest("initialize", { processId: null, rootUri: null, capabilities: options.capabilities ?? {}, workspaceFolders: null });
  await connection.sendNotification("initialized", {});
  const versions = new Map<string, number>();
  let stopped: Promise<number> | null = null;
  let gone = false;
  void server.exited.then(() => (gone = true));
  const client: TestClient = {
    connection,
    exited: server.exited,
    published,
    registrations,
    logs,
    uriOf: (root, relative) => pathToFileURL(path.join(root, relative)).href,
    async open(uri, text) {
      versions.set(uri, 1);
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    diagnostics(uri, accept = () => true) {
      const from = published.length;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no diagnostics for ${uri} within 20 s; published: ${JSON.stringify(published.slice(from).map((p) => p.uri))}`));
        }, 20_000);
        const check = () => {
          // Only for the text as the client last sent it: a republish of an older version (after a reload) is not an answer to the last edit.
          const found = published.slice(from).find((p) => p.uri === uri && (p.version === undefined || p.version === versions.get(uri)) && accept(p.diagnostics));
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found.diagnostics);
        };
        waiting.add(check);
      });
    },
    request: (method, params) => connection.sendRequest(method, params),
    endInput: () => void toServer.end(),
    stop() {
      stopped ??= (async () => {
        if (gone) return server.exited;
        await connection.sendRequest("shutdown");
        await connection.sendNotification("exit");
        const code = await server.exited;
        connection.dispose();
        return code;
      })();
      return stopped;
    },
  };
  after(() => client.stop());
  return client;
}

/** A diagnostic's message as text (the protocol allows Markdown too; rfckit sends text). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
}
