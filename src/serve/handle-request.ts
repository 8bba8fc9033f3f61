import type { IncomingMessage, ServerResponse } from "node:http";
import { publishAsset } from "../book/publish-asset.ts";
import type { Repository } from "../model/repository.ts";
import { toHostRefusal } from "./allowed-hosts.ts";
import { toContentType } from "./content-type.ts";
import { renderErrorPage } from "./error-page.ts";
import { toRequestPath } from "./resolve-request.ts";
import type { Site } from "./site.ts";

/** Where the server's own endpoints live; no page of a book can have these paths (no RFC folder is named so). */
export const reloadPath = "/__rfckit/reload";
const scriptPath = "/__rfckit/live-reload.js";

/** What the server holds: the book built from the repository, or why it could not be built. */
export type ServeState = { repo: Repository; site: Site } | { error: unknown };

/** What answering a request needs. */
export interface RequestContext {
  root: string;
  /** The root with symbolic links resolved, to tell whether an asset really lies inside it. */
  realRoot: string;
  reloadScript: string;
  /** The `Host` values to answer (see `toAllowedHosts`); known once the server listens, empty before. */
  readAllowedHosts(): ReadonlySet<string>;
  /** Open reload streams, to which the server writes after each rebuild. */
  clients: Set<ServerResponse>;
  readState(): ServeState;
  /** Told of every request, so slow work waits until the browser has what it asked for. */
  onRequest(): void;
}

/**
 * Answers a request from memory: the reload stream, the reload script, a page (HTML pages with
 * the reload script added), an asset read from its source, or the error page while the book
 * cannot be built. A request for another host name, or from another site's page, is 403 (see
 * `toHostRefusal`); so is a path that is not plainly inside the book; an unknown one is 404.
 */
export function createRequestHandler(context: RequestContext): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
    const refusal = toHostRefusal(request.headers, context.readAllowedHosts());
    if (refusal !== null) {
      send(response, 403, headers, "text/plain; charset=utf-8", refusal, request.method);
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
      return;
    }
    const url = request.url ?? "/";
    context.onRequest();
    if (url === reloadPath) {
      response.writeHead(200, { ...headers, "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive" });
      response.write(": connected\n\n");
      context.clients.add(response);
      response.on("close", () => context.clients.delete(response));
      return;
    }
    if (url === scriptPath) {
      send(response, 200, headers, "text/javascript; charset=utf-8", context.reloadScript, request.method);
      return;
    }
    const file = toRequestPath(url);
    if (file === null) {
      send(response, 403, headers, "text/plain; charset=utf-8", "Forbidden: not a path inside the book.\n", request.method);
      return;
    }
    const current = context.readState();
    if ("error" in current) {
      send(response, 500, headers, "text/html; charset=utf-8", withReloadScript(renderErrorPage(current.error)), request.method);
      return;
    }
    const page = current.site.pages.get(file);
    if (page !== undefined) {
      const type = toContentType(file);
      send(response, 200, headers, type, type.startsWith("text/html") ? withReloadScript(page) : page, request.method);
      return;
    }
    const from = current.site.assets.get(file);
    // Read, checked and sanitised as `rfc build` publishes it: nothing the build leaves out is served.
    const asset = from === undefined ? null : await publishAsset({ root: context.root, files: current.repo.files }, from);
    if (asset === null || "refusal" in asset) {
      send(response, 404, headers, "text/plain; charset=utf-8", "Not found.\n", request.method);
      return;
    }
    send(response, 200, headers, toContentType(file), asset.bytes, request.method);
  };
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, type: string, body: string | Buffer, method: string | undefined): void {
  response.writeHead(status, { ...headers, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)) });
  response.end(method === "HEAD" ? undefined : body);
}

/** The page with the reload script before `</body>`: added only here, so a built book never has it. */
function withReloadScript(html: string): string {
  const at = html.lastIndexOf("</body>");
  const tag = `<script src="${scriptPath}"></script>\n`;
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}
