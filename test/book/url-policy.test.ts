import assert from "node:assert/strict";
import { test } from "node:test";
import { encodePath, isRemoteUrl, toAllowedUrl, toOrigin } from "../../src/book/url-policy.ts";

test("toAllowedUrl keeps web, mail and relative links and drops every other scheme, however written", () => {
  for (const url of ["https://example.org/a", "http://x", "mailto:a@b.c", "../0001-x.html#y", "#top", "./javascript:x.html", "%6Aavascript:x"]) assert.equal(toAllowedUrl(url, "link"), url);
  const refused = ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "\u0001javascript:x", "vbscript:x", "data:text/html,<script>", "ms-msdt:/id", "a:b", "file:///etc/passwd", "data:image/png;base64,AA"];
  for (const url of refused) assert.equal(toAllowedUrl(url, "link"), null, url);
});

test("toAllowedUrl lets images be data: images, and nothing else that is not http(s) or relative", () => {
  assert.equal(toAllowedUrl("data:image/png;base64,AA", "image"), "data:image/png;base64,AA");
  assert.equal(toAllowedUrl("https://x.example/a.png", "image"), "https://x.example/a.png");
  for (const url of ["data:text/html,<b>", "data:image/svg", "javascript:x", "mailto:a@b"]) assert.equal(toAllowedUrl(url, "image"), null, url);
});

test("isRemoteUrl sees every spelling a browser reads as another host", () => {
  for (const url of ["https://x.example/a.png", "HTTP://x", "//x.example/a", "\\\\x.example\\a", "/\\x.example/a", " \t//x"]) assert.equal(isRemoteUrl(url), true, url);
  for (const url of ["a.png", "./a.png", "/a.png", "../x/a.png", "#x", "data:image/png;base64,AA"]) assert.equal(isRemoteUrl(url), false, url);
  assert.equal(toOrigin("//x.example:8080/a"), "https://x.example:8080");
  assert.equal(toOrigin("http://x.example/a"), "http://x.example");
});

test("encodePath makes a URL no file name can turn into a scheme or cut short", () => {
  assert.equal(encodePath("javascript:alert(1).html"), "javascript%3Aalert(1).html");
  assert.equal(encodePath("%6Aavascript:x.html"), "%256Aavascript%3Ax.html");
  assert.equal(encodePath("../text/a b#c?.html"), "../text/a%20b%23c%3F.html");
  assert.equal(encodePath("text/0001-x.html"), "text/0001-x.html");
  for (const name of ["javascript:alert(1).html", "JaVaScRiPt:x", "data:text/html,x", "vbscript:x"]) {
    assert.equal(new URL(encodePath(name), "https://book.example/text/page.html").origin, "https://book.example", name);
  }
});
