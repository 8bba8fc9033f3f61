import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdownIt, escapingRules } from "../../src/book/render/markdown.ts";

test("every renderer rule of the book's markdown-it is one read and listed as escaping, or raw HTML", () => {
  // A plugin that adds a rule fails this test until its output is read and the rule listed
  // (or left out, so its pages are sanitised).
  const rules = Object.keys(createMarkdownIt().renderer.rules).filter((name) => name !== "html_block" && name !== "html_inline");
  assert.deepEqual(rules.sort(), [...escapingRules].sort());
});

test("the book's footnote list (made by its own, linear footnote_tail) is markdown-it-footnote's, token for token", async () => {
  const { default: MarkdownIt } = await import("markdown-it");
  const { default: footnote } = await import("markdown-it-footnote");
  const plugin = new MarkdownIt().use(footnote as unknown as (md: InstanceType<typeof MarkdownIt>) => void);
  const book = createMarkdownIt({ smartPunctuation: false });
  const pages = [
    "One[^a] and two[^b], one again[^a].\n\n[^a]: First note.\n[^b]: Second\n    with a second paragraph.\n\n    More.\n",
    "Inline^[an inline note] and a reference[^r].\n\n[^r]: Referenced.\n",
    "A note never used.\n\n[^unused]: Nobody points here.\n",
    "A mark with no note[^missing].\n",
    "Notes in a list:\n\n- item[^x]\n- item[^y]\n\n[^x]: X.\n[^y]: > quoted\n",
  ];
  const footnoteTokens = (md: InstanceType<typeof MarkdownIt>, text: string) =>
    md
      .parse(text, {})
      .filter((t) => t.type.startsWith("footnote") || t.level > 0 || t.type === "paragraph_open")
      .map((t) => `${t.type}:${JSON.stringify(t.meta)}:${t.content}`);
  for (const page of pages) assert.deepEqual(footnoteTokens(book, page), footnoteTokens(plugin, page), page);
});
