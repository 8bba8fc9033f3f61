// A built book, as a reader gets it: from a small static server on 127.0.0.1 (at the site's root
// or under a base path such as `/rfcs/`), or from the folder itself through `file://`.
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after } from "node:test";
import { pathToFileURL } from "node:url";
import { runRfc } from "../support/run-cli.ts";
import { makeTempDir } from "../support/temp-repo.ts";

/** Where a book is opened: `url(page)` gives a page's address, `isOwn(url)` tells the book's own requests from others. */
export interface BookSite {
  url(page: string): string;
  isOwn(url: string): boolean;
}

/** Builds the book of repository `root` with `rfc build` into a new temporary folder, and returns that folder. */
export async function buildBook(root: string): Promise<string> {
  const out = path.join(await makeTempDir("rfckit-book-"), "book");
  const result = await runRfc(["build", "--root", root, "--out", out], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  return out;
}

/** The book in `dir` opened from `file://`. */
export function openFromFiles(dir: string): BookSite {
  const base = pathToFileURL(dir + path.sep).href;
  return { url: (page) => new URL(page, base).href, isOwn: (url) => url.startsWith(base) };
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Serves `dir` on 127.0.0.1 under `basePath` (`/` or `/rfcs/`) until the test file ends. */
export async function serveBook(dir: string, basePath = "/"): Promise<BookSite> {
  const server = createServer((request, response) => {
    void answer(dir, basePath, request.url ?? "/").then(
      (file) => {
        if (file === null) {
          response.writeHead(404, { "content-type": "text/plain" }).end("not found");
          return;
        }
        response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => closeServer(server));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: (page) => `${origin}${basePath}${page}`, isOwn: (url) => new URL(url).origin === origin };
}

/** The file a request path names inside `dir`, or null; a folder gives its `index.html`. */
async function answer(dir: string, basePath: string, requestUrl: string): Promise<string | null> {
  const pathname = decodeURIComponent(new URL(requestUrl, "http://book").pathname);
  if (!pathname.startsWith(basePath)) return null;
  const file = path.join(dir, ...pathname.slice(basePath.length).split("/"));
  if (path.relative(dir, file).startsWith("..")) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return answer(dir, basePath, `${requestUrl.replace(/\/?$/, "/")}index.html`);
  return info?.isFile() ? file : null;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
