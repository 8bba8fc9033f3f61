import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeAttr, escapeText, toSafeUrl, toScriptJson } from "../../src/book/render/escape.ts";

test("escapeText and escapeAttr leave no markup and no way out of a quoted attribute", () => {
  assert.equal(escapeText(`<a href="x">&'`), `&lt;a href="x"&gt;&amp;'`);
  assert.equal(escapeAttr(`" onclick='x' <b>&`), "&quot; onclick=&#39;x&#39; &lt;b&gt;&amp;");
});

test("toScriptJson cannot close a script element", () => {
  assert.equal(toScriptJson({ t: "</script><!--\u2028" }), '{"t":"\\u003c/script>\\u003c!--\\u2028"}');
  assert.deepEqual(JSON.parse(toScriptJson({ t: "</script>" })), { t: "</script>" });
});

test("toSafeUrl keeps web and relative links and drops script URLs, however written", () => {
  for (const url of ["https://example.org/a", "http://x", "mailto:a@b.c", "../0001-x.html#y", "#top"]) assert.equal(toSafeUrl(url), url);
  for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "vbscript:x", "data:text/html,<script>"]) assert.equal(toSafeUrl(url), null, url);
});
