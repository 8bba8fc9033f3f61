import assert from "node:assert/strict";
import { test } from "node:test";
import { toRequestPath } from "../../src/serve/resolve-request.ts";

test("toRequestPath maps a request to a path inside the book", () => {
  assert.equal(toRequestPath("/"), "index.html");
  assert.equal(toRequestPath("/rfcs.html?x=1#top"), "rfcs.html");
  assert.equal(toRequestPath("/text/0001-pipe-queries.html"), "text/0001-pipe-queries.html");
  assert.equal(toRequestPath("/text/0002-ingest-pipelines/"), "text/0002-ingest-pipelines/index.html");
  assert.equal(toRequestPath("/text/a%20b.png"), "text/a b.png");
});

test("toRequestPath refuses anything that could leave the book", () => {
  for (const url of [
    "/../package.json",
    "/text/../../package.json",
    "/%2e%2e/package.json",
    "/%2E%2E%2Fpackage.json",
    "/text/..%2f..%2fpackage.json",
    "/text/..%5c..%5cpackage.json",
    "/text\\..\\package.json",
    "//etc/passwd",
    "/%2fetc/passwd",
    "/C:/Windows/win.ini",
    "/index.html%00.png",
    "/./index.html",
    "/text//x.html",
    "/%zz",
    "index.html",
    "http://example.org/index.html",
  ]) {
    assert.equal(toRequestPath(url), null, url);
  }
});
