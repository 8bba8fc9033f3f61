import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeAttr, escapeText, toScriptJson } from "../../src/book/render/escape.ts";

test("escapeText and escapeAttr leave no markup and no way out of a quoted attribute", () => {
  assert.equal(escapeText(`<a href="x">&'`), `&lt;a href="x"&gt;&amp;'`);
  assert.equal(escapeAttr(`" onclick='x' <b>&`), "&quot; onclick=&#39;x&#39; &lt;b&gt;&amp;");
});

test("toScriptJson cannot close a script element", () => {
  assert.equal(toScriptJson({ t: "</script><!--\u2028" }), '{"t":"\\u003c/script>\\u003c!--\\u2028"}');
  assert.deepEqual(JSON.parse(toScriptJson({ t: "</script>" })), { t: "</script>" });
});
