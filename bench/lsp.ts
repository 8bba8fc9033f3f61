import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node";
import { median } from "./median.ts";
import type { Spread } from "./serve-reload.ts";

/** What the language server bench measured, driving `rfc lsp` as an editor does. */
export interface LspResult {
  /** The RFC opened and edited, relative to the repository root. */
  file: string;
  /** From starting the process to the first diagnostics of the opened file, in ms (initialize and loading the repository included). */
  firstFromStartMs: number;
  /** From the editor's `didOpen` to the first diagnostics, in ms. */
  firstFromOpenMs: number;
  /** From each edit (`didChange`) to the diagnostics of that version, in ms, debounce included. */
  editMs: Spread;
  /** Edits made in all, the measured ones among them. */
  edits: number;
  /** The server's resident memory after the edits, and its peak (VmRSS, VmHWM), in bytes. */
  rssBytes: number;
  peakRssBytes: number;
}

/** What the bench needs. */
export interface LspBenchOptions {
  packageRoot: string;
  /** The repository the server runs in (the history clone where there is one); never written to. */
  repository: string;
  /** Edits timed (the figure is the median of 20). */
  measuredEdits: number;
  /** Edits in all, before memory is read. */
  totalEdits: number;
  log: (line: string) => void;
}

export const lspFile = "text/2094-nll.md";
const timeoutMs = 60_000;

/**
 * Starts the bundled `rfc lsp` in the repository, opens a large RFC, and edits it: one word of a
 * paragraph changed per edit, each waited for until its diagnostics arrive. The first
 * `measuredEdits` are timed; memory is read from /proc after `totalEdits`.
 */
export async function measureLsp(options: LspBenchOptions): Promise<LspResult> {
  const started = performance.now();
  const server = spawn(process.execPath, [path.join(options.packageRoot, "dist/bin/rfc.js"), "lsp", "--stdio"], { cwd: options.repository, stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiting = new Map<number, (at: number) => void>();
  const uri = pathToFileURL(path.join(options.repository, lspFile)).href;
  connection.onNotification("textDocument/publishDiagnostics", (params: { uri: string; version?: number }) => {
    if (params.uri !== uri || params.version === undefined) return;
    waiting.get(params.version)?.(performance.now());
  });
  connection.listen();
  const published = (version: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} of ${lspFile} within ${timeoutMs / 1000} s`)), timeoutMs);
      waiting.set(version, (at) => {
        clearTimeout(timer);
        waiting.delete(version);
        resolve(at);
      });
    });
  try {
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(options.repository).href, capabilities: {} });
    await connection.sendNotification("initialized", {});
    const text = readFileSync(path.join(options.repository, lspFile), "utf8");
    const lines = text.split("\n");
    // A line of prose far down the file, so every edit is in the middle of a large document.
    const line = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z][a-z]+ .{40,}/.test(l));
    if (line === -1) throw new Error(`${lspFile} has no paragraph line to edit.`);
    const opened = performance.now();
    const first = published(1);
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
    const firstAt = await first;
    options.log(`rfc lsp: first diagnostics ${(firstAt - started).toFixed(0)} ms after start; editing ${options.totalEdits} times …`);
    const editMs: number[] = [];
    const original = lines[line]!;
    let current = original;
    for (let version = 2; version < 2 + options.totalEdits; version++) {
      // A word typed at the start of the line, then taken away again: the file keeps its size.
      const next = current === original ? `edited ${original}` : original;
      const change = { range: { start: { line, character: 0 }, end: { line, character: current.length } }, text: next };
      current = next;
      const done = published(version);
      const sent = performance.now();
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
      const at = await done;
      if (editMs.length < options.measuredEdits) editMs.push(at - sent);
    }
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    return {
      file: lspFile,
      firstFromStartMs: firstAt - started,
      firstFromOpenMs: firstAt - opened,
      editMs: { median: median(editMs), max: Math.max(...editMs), runs: editMs },
      edits: options.totalEdits,
      rssBytes: kb("VmRSS"),
      peakRssBytes: kb("VmHWM"),
    };
  } finally {
    connection.dispose();
    server.kill();
  }
}
