import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyEdits } from "../../src/check/apply-edits.ts";
import { rewriteHref, toLinkEdits } from "../../src/authoring/rewrite-links.ts";
import { parseDocument } from "../../src/markdown/parse-document.ts";

const moves = [
  { from: "text/0000-tiers.md", to: "text/0042-tiers.md" },
  { from: "text/0000-tiers", to: "text/0042-tiers" },
];

describe("rewriteHref", () => {
  const cases: [string, string, string | null][] = [
    // [source file, href as written, href after the moves]
    ["text/0001-a.md", "0000-tiers.md", "0042-tiers.md"],
    ["text/0001-a.md", "./0000-tiers.md#motivation", "./0042-tiers.md#motivation"],
    ["text/0001-a.md", "0000-tiers/diagram.svg?raw=1", "0042-tiers/diagram.svg?raw=1"],
    ["text/0001-a.md", "0000-tiers/", "0042-tiers/"],
    ["README.md", "text/0000-tiers.md", "text/0042-tiers.md"],
    ["README.md", "/text/0000-tiers/appendix.md", "/text/0042-tiers/appendix.md"],
    ["text/0001-a/notes.md", "../0000-tiers.md", "../0042-tiers.md"],
    ["text/0000-tiers/appendix.md", "../0000-tiers.md#summary", "../0042-tiers.md#summary"],
    // Inside the moved folder a sibling link moves with it: nothing to change.
    ["text/0000-tiers/appendix.md", "diagram.svg", null],
    ["text/0001-a.md", "0000-tiers%2Emd", "0042-tiers.md"],
    ["text/0001-a.md", "0000-tiers.md.bak", null],
    ["text/0001-a.md", "0000-other.md", null],
    ["text/0001-a.md", "#0000-tiers", null],
    ["text/0001-a.md", "https://example.com/text/0000-tiers.md", null],
    ["text/0001-a.md", "//example.com/0000-tiers.md", null],
    ["README.md", "../text/0000-tiers.md", null],
  ];
  for (const [source, href, expected] of cases) {
    test(`${source}: ${href} → ${expected ?? "unchanged"}`, () => {
      assert.equal(rewriteHref(href, source, moves), expected);
    });
  }
});

describe("toLinkEdits", () => {
  function rewrite(text: string, source = "text/0001-a.md") {
    const { edits, stranded } = toLinkEdits(parseDocument(text), source, moves);
    return { text: applyEdits(text, edits).text, stranded };
  }

  test("rewrites inline links, images, definitions and HTML attributes; leaves code and other links", () => {
    const before = [
      "# A",
      "",
      "See [tiers](0000-tiers.md#motivation) and ![diagram](0000-tiers/d.svg \"Tiers\").",
      "A [reference][t] and [another](0001-b.md).",
      "",
      "[t]: <0000-tiers.md>",
      "",
      '<img src="0000-tiers/d.svg" alt="d"> and <a href=\'0000-tiers.md\'>x</a>',
      "",
      "```md",
      "[not a link](0000-tiers.md)",
      "```",
      "",
    ].join("\r\n");
    const after = before.replace("(0000-tiers.md#", "(0042-tiers.md#").replace("(0000-tiers/d", "(0042-tiers/d").replace("<0000-tiers.md>", "<0042-tiers.md>").replace('"0000-tiers/d', '"0042-tiers/d').replace("'0000-tiers.md'", "'0042-tiers.md'");
    assert.deepEqual(rewrite(before), { text: after, stranded: [] });
  });

  test("a link whose text is its target gets the target rewritten, not the text", () => {
    const result = rewrite("Read [0000-tiers.md](0000-tiers.md).\n");
    assert.equal(result.text, "Read [0000-tiers.md](0042-tiers.md).\n");
  });

  test("a target written with escapes is reported, not guessed at", () => {
    const result = rewrite("Read [it](0000\\-tiers.md).\n");
    assert.equal(result.text, "Read [it](0000\\-tiers.md).\n");
    assert.deepEqual(result.stranded, [{ line: 1, href: "0000-tiers.md" }]);
  });
});
