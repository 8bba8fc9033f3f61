import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { median } from "./median.ts";

/** What the reload bench measured: how long an author waits, after saving an RFC, for the page to show it. */
export interface ServeReloadResult {
  /** The RFC edited, relative to the repository root. */
  file: string;
  /** Its page, fetched after each reload event. */
  page: string;
  /** Edits before the measured ones, not counted: the first ones after start run while V8 warms up. */
  warmUps: number;
  /** From the write to the end of fetching the edited page, in ms: what the author sees. */
  pageMs: Spread;
  /** From the write to the `reload` event on `/__rfckit/reload`, in ms. */
  reloadMs: Spread;
  /** The server's own figure for each rebuild, from its stderr (`… rendered 1 page again in 95 ms.`); empty when it printed none. */
  rebuildMs: number[];
}

/** The median and maximum of some runs, and every run. */
export interface Spread {
  median: number;
  max: number;
  runs: number[];
}

/** What the reload bench needs. */
export interface ServeReloadOptions {
  packageRoot: string;
  /** The RFC repository; it is copied, never written to. */
  corpus: string;
  /** Measured edits. */
  edits: number;
  log: (line: string) => void;
}

/** A large RFC of the Rust corpus, edited for the measurement; another corpus gets its largest RFC. */
export const reloadFile = "text/2094-nll.md";
const warmUps = 2;
const startTimeoutMs = 120_000;
const editTimeoutMs = 20_000;
// The server remakes the search index once no request has come for a while (400 ms when this was
// written) and is blocked meanwhile. Staying quiet this long and then asking for a page, whose
// answer waits for that work, keeps it out of the next measurement.
const quietMs = 1_500;
// Lets the garbage left by the search index be collected before the next edit.
const settleMs = 500;

/**
 * Measures `rfc serve` as an author meets it: on a copy of the corpus, the server is started, then
 * one RFC is saved `edits` times (after warm-up edits), each time timing the write until the
 * reload event and until the page, fetched again, shows the edit. The server is always stopped and
 * the copy removed, even when a step fails or runs out of time.
 */
export async function measureServeReload(options: ServeReloadOptions): Promise<ServeReloadResult> {
  const copy = mkdtempSync(path.join(tmpdir(), "rfckit-bench-serve-"));
  let server: ChildProcess | null = null;
  const stopOnExit = () => server?.kill("SIGKILL");
  process.once("exit", stopOnExit);
  try {
    // The corpus's files only: its git data is not a source of the book.
    cpSync(options.corpus, copy, { recursive: true, filter: (from) => path.basename(from) !== ".git" });
    makeWritable(copy);
    const file = chooseFile(copy);
    const page = file.replace(/\.md$/, ".html");
    const original = readFileSync(path.join(copy, file), "utf8");
    options.log(`rfc serve: starting on a copy of the corpus; editing ${file} ${String(warmUps)} + ${String(options.edits)} times …`);

    const started = startServer(options.packageRoot, copy);
    server = started.child;
    const base = await withTimeout(started.url, startTimeoutMs, "rfc serve did not start", started.stderr);
    const first = await fetchText(new URL(page, base));
    if (first.status !== 200) throw new Error(`rfc serve answered ${String(first.status)} for ${page}. Its stderr ended with:\n${started.stderr().slice(-2000)}`);
    await sleep(settleMs);

    const pageMs: number[] = [];
    const reloadMs: number[] = [];
    const rebuildMs: number[] = [];
    for (let edit = 0; edit < warmUps + options.edits; edit++) {
      const marker = `rfckit bench edit ${String(edit)}`;
      const stderrBefore = started.stderr().length;
      const timed = await withTimeout(saveAndReload(base, path.join(copy, file), `${original}\n${marker}.\n`, page), editTimeoutMs, `edit ${String(edit + 1)} of ${file} was not reloaded`, started.stderr);
      if (!timed.html.includes(marker)) throw new Error(`the page fetched after the reload of ${page} does not show the edit.`);
      await sleep(quietMs);
      await withTimeout(fetchText(new URL(page, base)), editTimeoutMs, "rfc serve stopped answering after an edit", started.stderr);
      await sleep(settleMs);
      if (edit < warmUps) continue;
      pageMs.push(timed.pageMs);
      reloadMs.push(timed.reloadMs);
      const reported = /changed: .* in (\d+) ms\./.exec(started.stderr().slice(stderrBefore));
      if (reported) rebuildMs.push(Number(reported[1]));
    }
    return { file, page, warmUps, pageMs: toSpread(pageMs), reloadMs: toSpread(reloadMs), rebuildMs };
  } finally {
    if (server) await stop(server);
    process.off("exit", stopOnExit);
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Saves `text` to `file` and times the reload event, then the fetch of `page` it leads to. */
async function saveAndReload(base: URL, file: string, text: string, page: string): Promise<{ reloadMs: number; pageMs: number; html: string }> {
  const stream = await openReloadStream(base);
  try {
    const started = performance.now();
    writeFileSync(file, text);
    await stream.reloaded;
    const reloadMs = performance.now() - started;
    const fetched = await fetchText(new URL(page, base));
    return { reloadMs, pageMs: performance.now() - started, html: fetched.body };
  } finally {
    stream.close();
  }
}

/** Connects to the reload stream as an open page does; resolves once the server has taken it on. */
function openReloadStream(base: URL): Promise<{ reloaded: Promise<void>; close: () => void }> {
  return new Promise((resolveOpen, rejectOpen) => {
    let onReload: () => void = () => {};
    const reloaded = new Promise<void>((resolve) => (onReload = resolve));
    const request = http.get(new URL("/__rfckit/reload", base), { agent: false }, (response) => {
      let buffer = "";
      let open = false;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        // Server-sent events end with a blank line; the server sends a comment when it has added the client.
        const events = buffer.split("\n\n");
        buffer = events.pop() ?? "";
        for (const event of events) {
          if (!open && event.startsWith(":")) {
            open = true;
            resolveOpen({ reloaded, close: () => request.destroy() });
          }
          if (isReloadEvent(event)) onReload();
        }
      });
    });
    request.on("error", rejectOpen);
  });
}

function isReloadEvent(event: string): boolean {
  return event.split("\n").some((line) => {
    if (!line.startsWith("data:")) return false;
    try {
      return (JSON.parse(line.slice("data:".length)) as { type?: unknown }).type === "reload";
    } catch {
      return false;
    }
  });
}

/** Starts `rfc serve --port 0`: resolves `url` with the address it prints; stderr is kept to explain a failure. */
function startServer(packageRoot: string, root: string): { child: ChildProcess; url: Promise<URL>; stderr: () => string } {
  const child = spawn(process.execPath, [path.join(packageRoot, "dist/bin/rfc.js"), "serve", "--root", root, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const url = new Promise<URL>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const match = /Serving the book at (http:\/\/\S+\/)/.exec(stdout);
      if (match) resolve(new URL(match[1]!));
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`rfc serve exited with ${String(code)} before serving. Its stderr ended with:\n${stderr.slice(-2000)}`)));
  });
  return { child, url, stderr: () => stderr };
}

/** Stops the server, killing it when it does not stop within a few seconds. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function fetchText(url: URL): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** The RFC to edit: `reloadFile` when the corpus has it, else its largest numbered RFC. */
function chooseFile(root: string): string {
  if (existsSync(path.join(root, reloadFile))) return reloadFile;
  const text = path.join(root, "text");
  const rfcs = readdirSync(text)
    .filter((f) => /^\d{4}-.*\.md$/.test(f) && !f.startsWith("0000-"))
    .map((f) => ({ f, size: statSync(path.join(text, f)).size }))
    .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f));
  if (rfcs.length === 0) throw new Error("the corpus has no numbered RFC under text/ to edit.");
  return `text/${rfcs[0]!.f}`;
}

/** A read-only corpus copies as read-only files; the copy must take edits and be removable. */
function makeWritable(root: string): void {
  chmodSync(root, 0o755);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(full, 0o755);
    else if (entry.isFile()) chmodSync(full, 0o644);
  }
}

function toSpread(runs: number[]): Spread {
  // A tenth of a millisecond is finer than the timing can tell apart.
  const rounded = runs.map((ms) => Math.round(ms * 10) / 10);
  return { median: median(rounded), max: Math.max(...rounded), runs: rounded };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, stderr: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${String(ms / 1000)} s. Its stderr ended with:\n${stderr().slice(-2000)}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
