import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { startServer, type RunningServer, type ServeEvent } from "../../src/serve/start-server.ts";
import { runRfc } from "../support/run-cli.ts";
import { examplesDir } from "../support/paths.ts";
import { requestRaw } from "../support/raw-request.ts";
import { makeTempDir } from "../support/temp-repo.ts";

// A file beside the repository, which no request may ever return.
const secret = "TOP-SECRET-OUTSIDE-THE-BOOK";
const wait = 20_000;

let dir: string;
let root: string;
let server: RunningServer;
const events: ServeEvent[] = [];

before(async () => {
  // Not makeTempDir: its clean-up, registered inside this hook, would run when the hook ends.
  dir = await mkdtemp(path.join(tmpdir(), "rfckit-serve-"));
  root = path.join(dir, "repo");
  await cp(examplesDir, root, { recursive: true });
  await writeFile(path.join(dir, "secret.txt"), secret);
  // A symbolic link inside an RFC's asset folder that leads out of the repository.
  await symlink(path.join(dir, "secret.txt"), path.join(root, "text/0002-ingest-pipelines/leak.png"));
  server = await startServer({ root, port: 0, onEvent: (event) => events.push(event) });
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});


/**
 * GETs `rawPath` until `ok` holds for the answer, or the wait is over: a reload event says that
 * something was rebuilt, and one left over from an earlier test's edit may come first.
 */
async function getWhen(rawPath: string, ok: (answer: { status: number; body: string }) => boolean): Promise<{ status: number; type: string; body: string }> {
  const deadline = Date.now() + wait;
  for (;;) {
    const answer = await get(rawPath);
    if (ok(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Opens the reload stream; `next()` resolves with the next event's data, or rejects after a generous wait. */
async function openReloadStream(): Promise<{ next(): Promise<string>; close(): void }> {
  const { hostname, port } = new URL(server.url);
  const queue: string[] = [];
  let waiter: ((data: string) => void) | null = null;
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = http.get({ hostname, port, path: "/__rfckit/reload", agent: false }, resolve);
    request.on("error", reject);
  });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers["content-type"]), /^text\/event-stream/);
  let buffer = "";
  response.setEncoding("utf8");
  response.on("data", (chunk: string) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (data === undefined) continue;
      if (waiter) {
        const w = waiter;
        waiter = null;
        w(data);
      } else queue.push(data);
    }
  });
  return {
    next: () => {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no reload event within the wait")), wait);
        waiter = (data) => {
          clearTimeout(timer);
          resolve(data);
        };
      });
    },
    close: () => response.destroy(),
  };
}

const get = (rawPath: string) => requestRaw(server.url, rawPath);
/** `rawPath` with exactly `headers` (no Host unless given), as a forged request would come. */
const getWith = (rawPath: string, headers: Record<string, string>) => requestRaw(server.url, rawPath, headers);

test("serves the book's pages, stylesheet, scripts and assets from memory", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const index = await get("/");
  assert.equal(index.status, 200);
  assert.equal(index.type, "text/html; charset=utf-8");
  assert.match(index.body, /<a class="book-title"/);
  const page = await get("/0001-pipe-queries.html");
  assert.equal(page.status, 200);
  assert.match(page.body, /<h1[^>]*>[^<]*[Pp]ipe/);
  assert.equal((await get("/rfcs.html")).status, 200);
  assert.equal((await get("/_rfckit/book.css")).type, "text/css; charset=utf-8");
  assert.equal((await get("/_rfckit/toc.js")).type, "text/javascript; charset=utf-8");
  const svg = await get("/0002-ingest-pipelines/pipeline.svg");
  assert.equal(svg.status, 200);
  assert.equal(svg.type, "image/svg+xml");
  assert.equal(svg.body, await readFile(path.join(root, "text/0002-ingest-pipelines/pipeline.svg"), "utf8"));
  assert.equal((await get("/text/0001-pipe-queries.md")).status, 404, "sources are not served");
  assert.equal((await get("/book.toml")).status, 404);
  assert.equal((await get("/nope.html")).status, 404);
});

test("never serves a file outside the book, however the path is written", async () => {
  for (const raw of [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/text/..%2f..%2fsecret.txt",
    "/text/..%5c..%5csecret.txt",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/etc/passwd",
    "/index.html%00",
    "/0002-ingest-pipelines/leak.png",
    "/../repo/book.toml",
  ]) {
    const response = await get(raw);
    assert.ok(response.status === 403 || response.status === 404, `${raw} gave ${response.status}`);
    assert.doesNotMatch(response.body, new RegExp(secret), raw);
    assert.doesNotMatch(response.body, /root:|\[book\]/, raw);
  }
});


/** The status of the reload stream's answer to `headers`; the stream is closed at once. */
function reloadStatus(headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path: "/__rfckit/reload", agent: false, setHost: false, headers }, (response) => {
      response.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
  });
}

test("answers only requests addressed to 127.0.0.1, localhost or [::1] with its port (no DNS rebinding)", async () => {
  const { port } = new URL(server.url);
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LocalHost:${port}`]) {
    const answer = await getWith("/0001-pipe-queries.html", { host });
    assert.equal(answer.status, 200, host);
    assert.match(answer.body, /<h1/, host);
  }
  for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.nip.io:${port}`, `localhost.:${port}`, "127.0.0.1", `127.0.0.1:${Number(port) + 1}`, `127.0.0.1:${port}@evil.example`, ""]) {
    const answer = await getWith("/0001-pipe-queries.html", { host });
    assert.equal(answer.status, 403, JSON.stringify(host));
    assert.equal(answer.type, "text/plain; charset=utf-8");
    assert.equal(answer.body, `Forbidden: rfc serve answers only requests addressed to 127.0.0.1:${port}, localhost:${port}, [::1]:${port}, so that pages of other sites cannot read the book.\n`);
    assert.doesNotMatch(answer.body, /Pipe/);
  }
  const noHost = await getWith("/", {});
  assert.equal(noHost.status, 403, "a request without Host");
  assert.equal(await reloadStatus({ host: `evil.example:${port}` }), 403);
  assert.equal((await getWith("/__rfckit/live-reload.js", { host: `evil.example:${port}` })).status, 403);
});

test("a request from another site's page (its Origin) is refused, the reload stream above all", async () => {
  const { port } = new URL(server.url);
  const host = `127.0.0.1:${port}`;
  assert.equal(await reloadStatus({ host }), 200, "an EventSource of the book's own page may send no Origin");
  for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
    assert.equal(await reloadStatus({ host, origin }), 200, origin);
    assert.equal((await getWith("/", { host, origin })).status, 200, origin);
  }
  for (const origin of ["http://evil.example", `http://evil.example:${port}`, "null", `https://127.0.0.1:${port}`, `http://127.0.0.1:${Number(port) + 1}`, `http://127.0.0.1.nip.io:${port}`, ""]) {
    assert.equal(await reloadStatus({ host, origin }), 403, JSON.stringify(origin));
    const answer = await getWith("/0001-pipe-queries.html", { host, origin });
    assert.equal(answer.status, 403, JSON.stringify(origin));
    assert.match(answer.body, /^Forbidden: rfc serve answers scripts only from its own pages/);
  }
});

test("adds the reload script only when serving", async () => {
  const page = await get("/0001-pipe-queries.html");
  assert.match(page.body, /<script src="\/__rfckit\/live-reload.js"><\/script>\n<\/body>/);
  const script = await get("/__rfckit/live-reload.js");
  assert.equal(script.status, 200);
  assert.match(script.body, /__rfckit\/reload/);
  // A book written by `rfc build` has no trace of it.
  const copy = await makeTempDir();
  await cp(examplesDir, copy, { recursive: true });
  assert.equal((await runRfc(["build"], { cwd: copy })).exitCode, 0);
  const built = await readFile(path.join(copy, "book/0001-pipe-queries.html"), "utf8");
  assert.doesNotMatch(built, /__rfckit/);
  assert.equal(built, page.body.replace('<script src="/__rfckit/live-reload.js"></script>\n', ""));
});

test("an edited RFC sends a reload and the page shows the new text", async () => {
  const stream = await openReloadStream();
  try {
    const file = path.join(root, "text/0003-saved-search-alerts.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, `${text}\nA sentence added while serving: zebra-quokka.\n`);
    assert.deepEqual(JSON.parse(await stream.next()), { type: "reload" });
    const page = await getWhen("/0003-saved-search-alerts.html", (answer) => answer.body.includes("zebra-quokka"));
    assert.match(page.body, /zebra-quokka/);
    // Only the edited page was rendered again.
    const built = events.at(-1);
    assert.equal(built?.kind, "built");
    assert.equal(built.kind === "built" && built.full, false);
    assert.equal(built.kind === "built" && built.rendered, 1);
  } finally {
    stream.close();
  }
});

test("two saves in quick succession: the page shows the second", async () => {
  const stream = await openReloadStream();
  try {
    const file = path.join(root, "text/0001-pipe-queries.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, `${text}\nFirst save: aardvark-one.\n`);
    assert.deepEqual(JSON.parse(await stream.next()), { type: "reload" });
    // At once after the first reload, well inside chokidar's 50 ms for a repeated change.
    await writeFile(file, `${text}\nSecond save: aardvark-two.\n`);
    let page = "";
    while (!page.includes("aardvark-two")) {
      await stream.next();
      page = (await get("/0001-pipe-queries.html")).body;
    }
    assert.doesNotMatch(page, /aardvark-one/);
  } finally {
    stream.close();
  }
});

test("a broken template shows an error page, and fixing it recovers", async () => {
  const stream = await openReloadStream();
  try {
    const template = path.join(root, "0000-template.md");
    const text = await readFile(template, "utf8");
    await rm(template);
    assert.deepEqual(JSON.parse(await stream.next()), { type: "reload" });
    const broken = await getWhen("/0001-pipe-queries.html", (answer) => answer.status === 500);
    assert.equal(broken.status, 500);
    assert.match(broken.body, /The book could not be built/);
    assert.match(broken.body, /No RFC template found: looked for 0000-template.md/);
    assert.match(broken.body, /hint: add the template RFCs are written from/);
    assert.match(broken.body, /__rfckit\/live-reload.js/, "the error page reloads itself once fixed");
    await writeFile(template, text);
    assert.deepEqual(JSON.parse(await stream.next()), { type: "reload" });
    const fixed = await getWhen("/0001-pipe-queries.html", (answer) => answer.status === 200);
    assert.equal(fixed.status, 200);
    assert.doesNotMatch(fixed.body, /could not be built/);
  } finally {
    stream.close();
  }
});

test("a broken book.toml is shown escaped in the error page", async () => {
  const stream = await openReloadStream();
  try {
    const config = path.join(root, "book.toml");
    const text = await readFile(config, "utf8");
    await writeFile(config, `${text}\n[rfckit\ntemplate = "<script>alert(1)</script>"\n`);
    assert.deepEqual(JSON.parse(await stream.next()), { type: "reload" });
    const broken = await getWhen("/", (answer) => answer.status === 500);
    assert.equal(broken.status, 500);
    assert.match(broken.body, /book\.toml/);
    assert.doesNotMatch(broken.body, /<script>alert/);
    await writeFile(config, text);
    assert.deepEqual(JSON.parse(await stream.next()), { type: "reload" });
    assert.equal((await getWhen("/", (answer) => answer.status === 200)).status, 200);
  } finally {
    stream.close();
  }
});
