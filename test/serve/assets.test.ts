import assert from "node:assert/strict";
import { mkdtemp, rm, symlink, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { startServer, type RunningServer } from "../../src/serve/start-server.ts";
import { bookFolder, fakeToken, folder, writeHostileAssetRepo } from "../support/hostile-assets.ts";
import { requestRaw } from "../support/raw-request.ts";

let dir: string;
let root: string;
let server: RunningServer;

before(async () => {
  // Not makeTempDir: its clean-up, registered inside this hook, would run when the hook ends.
  dir = await mkdtemp(path.join(tmpdir(), "rfckit-serve-assets-"));
  root = path.join(dir, "repo");
  await writeHostileAssetRepo(root);
  server = await startServer({ root, port: 0, onEvent: () => {} });
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (rawPath: string) => requestRaw(server.url, rawPath);

test("rfc serve serves nothing the build leaves out: no .git/config, page, XML or script", async () => {
  for (const file of ["/x.png", "/text/x.png", `/${bookFolder}/diagram.png`, `/${bookFolder}/demo.html`, `/${bookFolder}/data.xml`, `/${bookFolder}/app.js`, "/.git/config"]) {
    const answer = await get(file);
    assert.equal(answer.status, 404, file);
    assert.ok(!answer.body.includes(fakeToken), file);
  }
  // An RFC that is a link to .git/config gets a page, but not the file's text.
  const page = await get("/text/0009-config.html");
  assert.ok(!page.body.includes(fakeToken) && !page.body.includes("repositoryformatversion"));
});

test("rfc serve sends the SVG sanitised, as image/svg+xml with nosniff, and text as text", async () => {
  const svg = await get(`/${bookFolder}/hostile.svg`);
  assert.equal(svg.status, 200);
  assert.equal(svg.headers["content-type"], "image/svg+xml");
  assert.equal(svg.headers["x-content-type-options"], "nosniff");
  assert.doesNotMatch(svg.body, /alert|evil\.example|onload|<script|javascript:/);
  assert.match(svg.body, /<text x="5" y="25">drawn<\/text>/);
  const notes = await get(`/${bookFolder}/notes.txt`);
  assert.equal(notes.status, 200);
  assert.equal(notes.headers["content-type"], "text/plain; charset=utf-8");
  assert.equal(notes.body, "plain notes\n");
});

test("a published file turned into a link to .git/config after loading is not served", async () => {
  const file = path.join(root, folder, "notes.txt");
  await unlink(file);
  await symlink("../../.git/config", file);
  const answer = await get(`/${bookFolder}/notes.txt`);
  assert.equal(answer.status, 404);
  assert.ok(!answer.body.includes(fakeToken));
});
