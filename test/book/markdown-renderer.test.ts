import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdownIt, escapingRules } from "../../src/book/render/markdown.ts";

test("every renderer rule of the book's markdown-it is one read and listed as escaping, or raw HTML", () => {
  // A plugin that adds a rule fails this test until its output is read and the rule listed
  // (or left out, so its pages are sanitised).
  const rules = Object.keys(createMarkdownIt().renderer.rules).filter((name) => name !== "html_block" && name !== "html_inline");
  assert.deepEqual(rules.sort(), [...escapingRules].sort());
});
