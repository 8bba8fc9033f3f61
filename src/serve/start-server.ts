import { realpath } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { readClientScript } from "../cli/read-client-script.ts";
import { readMermaidFiles } from "../cli/read-mermaid-files.ts";
import { findRoot } from "../repository/find-root.ts";
import { loadRepository } from "../repository/load-repository.ts";
import { toAllowedHosts } from "./allowed-hosts.ts";
import { networkInterfaces } from "node:os";
import { createRequestHandler, type ServeState } from "./handle-request.ts";
import { toSite, toUpdatedSite, withSearchIndex, type Site } from "./site.ts";
import { toEditedRepository } from "./update-repository.ts";
import { watchRepository, type ChangeBatch } from "./watch-repository.ts";

/** Options of `startServer`. */
export interface ServeOptions {
  /** The repository root; found from `cwd` when absent. */
  root?: string | undefined;
  cwd?: string | undefined;
  /** 0 picks a free port (tests). Default 3000. */
  port?: number | undefined;
  /**
   * Default 127.0.0.1: the book is for the author, not the network. Requests are answered only
   * when their `Host` is this host, 127.0.0.1, localhost or [::1], with the port.
   */
  host?: string | undefined;
  /** Told about every build, so the command can print it; the library never prints. */
  onEvent?: ((event: ServeEvent) => void) | undefined;
}

/** What happened after a change (or at start). */
export type ServeEvent =
  | { kind: "built"; full: boolean; pages: number; rendered: number; changed: string[]; ms: number; rfcs: number }
  | { kind: "failed"; error: unknown; changed: string[] }
  | { kind: "reloaded"; changed: string[] };

/** A running server. */
export interface RunningServer {
  url: string;
  root: string;
  /** Stops watching, ends open reload streams and closes the server; leaves no handle open. */
  close(): Promise<void>;
}


/**
 * Builds the book in memory, serves it over HTTP and rebuilds it when a file of the repository
 * changes, telling open pages to reload. A build that fails (template deleted, `book.toml`
 * broken) shows an error page until the file is fixed; the server keeps running.
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ? path.resolve(cwd, options.root) : await findRoot(cwd);
  const realRoot = await realpath(root);
  const [clientScript, highlighterScript, mermaidFiles, reloadScript] = await Promise.all([readClientScript(), readClientScript("highlighter"), readMermaidFiles(), readClientScript("live-reload")]);
  const inputs = { clientScript, highlighterScript, mermaidFiles };
  const emit = options.onEvent ?? (() => {});

  const fullBuild = async (changed: string[]): Promise<ServeState> => {
    const started = performance.now();
    try {
      const repo = await loadRepository({ root });
      const site = await toSite(repo, inputs);
      emit({ kind: "built", full: true, pages: site.pages.size, rendered: site.book.chapters.length, changed, ms: performance.now() - started, rfcs: repo.rfcs.length });
      return { repo, site };
    } catch (error) {
      emit({ kind: "failed", error, changed });
      return { error };
    }
  };
  let state = await fullBuild([]);
  let closed = false;

  const clients = new Set<ServerResponse>();
  const listenHost = options.host ?? "127.0.0.1";
  // Filled once the port is known (port 0 picks one); until then every request is refused.
  let allowedHosts: ReadonlySet<string> = new Set();
  const handle = createRequestHandler({
    root,
    realRoot,
    reloadScript,
    readAllowedHosts: () => allowedHosts,
    clients,
    readState: () => state,
    onRequest: () => refreshSearchWhenIdle(null),
  });
  // Node would answer a request without Host with a bare 400; the handler refuses it with a reason.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("Internal error.\n");
    });
  });

  // The search index of a large repository takes seconds to make and blocks the server meanwhile,
  // so after an edit it is made once the reloaded page and its files have been served: when no
  // request or change has come for `idleMs`. Until then search answers from the previous index.
  let searchTimer: NodeJS.Timeout | null = null;
  let staleSite: Site | null = null;
  const idleMs = 400;
  const refreshSearchWhenIdle = (site: Site | null) => {
    if (site) staleSite = site;
    if (searchTimer) clearTimeout(searchTimer);
    if (staleSite === null || closed) return;
    searchTimer = setTimeout(() => {
      searchTimer = null;
      const current = state;
      try {
        if (!closed && staleSite !== null && "site" in current && current.site === staleSite) state = { repo: current.repo, site: withSearchIndex(staleSite) };
      } catch (error) {
        // The previous index stays; the next full build makes a new one.
        emit({ kind: "failed", error, changed: [] });
      }
      staleSite = null;
    }, idleMs);
  };

  const broadcast = () => {
    for (const client of clients) client.write(`data: ${JSON.stringify({ type: "reload" })}\n\n`);
  };

  // Batches are handled one at a time, never two rebuilds at once.
  let running: Promise<void> = Promise.resolve();
  const rebuild = async (batch: ChangeBatch) => {
    if (closed) return;
    // A bug while rebuilding shows as the error page, like a build problem, never as a crash.
    state = await toNextState(batch).catch((error: unknown): ServeState => {
      emit({ kind: "failed", error, changed: [...batch.keys()] });
      return { error };
    });
    if (!closed) broadcast();
  };
  const toNextState = async (batch: ChangeBatch): Promise<ServeState> => {
    const changed = [...batch.keys()];
    const current = state;
    if ("error" in current) return fullBuild(changed);
    const edits = [...batch].filter(([, event]) => event === "change");
    if (edits.length === batch.size) {
      const markdown = changed.filter((p) => p.endsWith(".md"));
      const templates = new Set(current.repo.templates.map((t) => t.path));
      const inBook = changed.filter((p) => !templates.has(p) && p !== "book.toml");
      // An image or other asset changed: it is read when asked for, so the page only reloads.
      if (markdown.length === 0 && inBook.length === changed.length) {
        emit({ kind: "reloaded", changed });
        return current;
      }
      if (inBook.length === changed.length) {
        const started = performance.now();
        try {
          const repo = await toEditedRepository(current.repo, markdown);
          if (repo !== null) {
            const { site, rendered, searchStale } = await toUpdatedSite(current.site, repo, inputs);
            if (searchStale) refreshSearchWhenIdle(site);
            emit({ kind: "built", full: false, pages: site.pages.size, rendered, changed, ms: performance.now() - started, rfcs: repo.rfcs.length });
            return { repo, site };
          }
        } catch (error) {
          emit({ kind: "failed", error, changed });
          return { error };
        }
      }
    }
    return fullBuild(changed);
  };

  const watcher = await watchRepository(root, (batch) => {
    running = running.then(
      () => rebuild(batch),
      () => rebuild(batch),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3000, listenHost, resolve);
  }).catch(async (error: unknown) => {
    await watcher.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  // Listening on every address, the book is reached by this machine's addresses, none of them 0.0.0.0.
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  allowedHosts = toAllowedHosts(listenHost, address.port, wildcard ? readInterfaceAddresses() : []);
  const host = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    root,
    async close() {
      closed = true;
      if (searchTimer) clearTimeout(searchTimer);
      await watcher.close();
      await running;
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The addresses of this machine's network interfaces, as a browser on another machine names it. */
function readInterfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
}
