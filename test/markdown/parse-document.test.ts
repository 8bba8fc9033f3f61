import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { allSections, parseDocument } from "../../src/index.ts";

const listHeader = [
  "- Feature Name: `rocket_boots`",
  "- Start Date: 2026-01-10",
  "- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)",
  "- RFC reference:",
  "  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)",
  "  - https://example.com/design",
  "",
  "## Summary",
  "[summary]: #summary",
  "",
  "Boots.",
  "",
].join("\n");

describe("metadata as a Markdown list", () => {
  const doc = parseDocument(listHeader);

  test("reads keys, raw values and their columns", () => {
    assert.equal(doc.metadata.form, "list");
    assert.deepEqual(
      doc.metadata.entries.map((e) => [e.key, e.value.raw, e.line, e.value.column]),
      [
        ["Feature Name", "`rocket_boots`", 1, 17],
        ["Start Date", "2026-01-10", 2, 15],
        ["RFC PR", "[acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", 3, 11],
        ["RFC reference", "", 4, 17],
      ],
    );
    assert.equal(doc.metadata.endLine, 6);
  });

  test("parses known shapes: ident, date, pull-request link", () => {
    const [feature, start, pr] = doc.metadata.entries;
    assert.deepEqual(feature!.value.shape, { kind: "ident", name: "rocket_boots", quoted: true });
    assert.deepEqual(start!.value.shape, { kind: "date", year: 2026, month: 1, day: 10, valid: true });
    const shape = pr!.value.shape;
    assert.equal(shape.kind, "link");
    if (shape.kind === "link") {
      assert.deepEqual(shape.textRef, { owner: "acme", repo: "rfcs", kind: null, number: 12 });
      assert.deepEqual(shape.urlRef, { owner: "acme", repo: "rfcs", kind: "pull", number: 12 });
    }
  });

  test("keeps nested list items as the entry's values", () => {
    const refs = doc.metadata.entries[3]!;
    assert.deepEqual(
      refs.items.map((i) => [i.line, i.column, i.shape.kind]),
      [
        [5, 5, "link"],
        [6, 5, "url"],
      ],
    );
  });

  test("an impossible date keeps its shape but is not valid", () => {
    const d = parseDocument("- Start Date: 2026-02-30\n\n## Summary\n");
    assert.deepEqual(d.metadata.entries[0]!.value.shape, { kind: "date", year: 2026, month: 2, day: 30, valid: false });
  });

  test("a document that starts with prose has no metadata", () => {
    const d = parseDocument("Some text.\n\n- Key: value\n");
    assert.equal(d.metadata.form, "none");
    assert.equal(d.metadata.entries.length, 0);
  });
});

describe("metadata as YAML front matter", () => {
  const text = ["---", "stage: accepted", "start-date: 2024-03-01", "teams:", "  - cli", "  - framework", "---", "", "# Summary", "", "Text.", ""].join("\n");
  const doc = parseDocument(text);

  test("reads scalar and list values with their lines", () => {
    assert.equal(doc.metadata.form, "front-matter");
    assert.deepEqual(
      doc.metadata.entries.map((e) => [e.key, e.value.raw, e.line, e.items.map((i) => i.raw)]),
      [
        ["stage", "accepted", 2, []],
        ["start-date", "2024-03-01", 3, []],
        ["teams", "", 4, ["cli", "framework"]],
      ],
    );
    assert.equal(doc.metadata.entries[2]!.items[1]!.line, 6);
  });

  test("front matter is not read as Markdown, and lines after it keep their numbers", () => {
    assert.deepEqual(
      allSections(doc.sections).map((s) => [s.title, s.line]),
      [["Summary", 9]],
    );
  });

  test("invalid YAML is an error with a place, not an exception", () => {
    const d = parseDocument("---\nstage: [unclosed\n---\n\n## Summary\n");
    assert.equal(d.metadata.form, "front-matter");
    assert.ok(d.metadata.errors.length > 0);
    assert.equal(d.metadata.errors[0]!.line >= 2, true);
  });

  test("plain `key: text` lines give each value as written, with its column", () => {
    const d = parseDocument("---\ntitle: Rocket boots\nStart Date:   2024-03-01\nlink: https://example.com/a#b\n---\n");
    assert.deepEqual(
      d.metadata.entries.map((e) => [e.key, e.value.raw, e.line, e.column, e.value.column]),
      [
        ["title", "Rocket boots", 2, 1, 8],
        ["Start Date", "2024-03-01", 3, 1, 15],
        ["link", "https://example.com/a#b", 4, 1, 7],
      ],
    );
    assert.equal(d.metadata.entries[1]!.value.shape.kind, "date");
  });

  test("values YAML reads otherwise than written are read as YAML reads them", () => {
    const values = (yaml: string) => parseDocument(`---\n${yaml}\n---\n`).metadata.entries.map((e) => e.value.raw);
    assert.deepEqual(values("version: 1.0"), ["1"]);
    assert.deepEqual(values("draft: True"), ["true"]);
    assert.deepEqual(values("title: Boots # a comment"), ["Boots"]);
    assert.deepEqual(values("title: 'quoted'"), ["quoted"]);
  });

  test("a key given twice is a YAML error", () => {
    const d = parseDocument("---\ntitle: A\ntitle: B\n---\n");
    assert.match(d.metadata.errors[0]!.message, /not valid YAML/);
  });

  test("front matter that is never closed is an error", () => {
    const d = parseDocument("---\nstage: accepted\n\n## Summary\n");
    assert.match(d.metadata.errors[0]!.message, /never closed/);
  });
});

describe("sections", () => {
  const doc = parseDocument(
    ["# Rocket boots", "", "## Summary", "[summary]: #summary", "", "S.", "", "## Guide-level explanation", "", "### Jumping", "", "J.", "", "## Drawbacks", "", "```md", "## Not a heading", "```", ""].join("\n"),
  );

  test("a single leading H1 is the title, not a section", () => {
    assert.deepEqual(doc.title, { text: "Rocket boots", line: 1, slug: "rocket-boots" });
    assert.deepEqual(
      doc.sections.map((s) => s.title),
      ["Summary", "Guide-level explanation", "Drawbacks"],
    );
  });

  test("sections form a tree with line ranges and anchor lines", () => {
    const [summary, guide, drawbacks] = doc.sections;
    assert.deepEqual(summary!.anchor, { name: "summary", target: "#summary", line: 4 });
    assert.deepEqual([summary!.bodyStart, summary!.bodyEnd, summary!.endLine], [5, 7, 7]);
    assert.equal(guide!.slug, "guide-level-explanation");
    assert.deepEqual(
      guide!.children.map((c) => [c.title, c.level, c.line, c.endLine]),
      [["Jumping", 3, 10, 13]],
    );
    assert.equal(guide!.endLine, 13);
    assert.equal(drawbacks!.endLine, 18);
  });

  test("headings inside code blocks are not sections", () => {
    assert.equal(allSections(doc.sections).some((s) => s.title === "Not a heading"), false);
    assert.deepEqual(doc.codeBlocks.map((c) => [c.lang, c.line, c.endLine]), [["md", 16, 18]]);
  });

  test("several H1 headings are all sections (older RFCs use # for sections)", () => {
    const d = parseDocument("# Summary\n\nS.\n\n# Motivation\n\nM.\n");
    assert.equal(d.title, null);
    assert.deepEqual(d.sections.map((s) => [s.title, s.level]), [
      ["Summary", 1],
      ["Motivation", 1],
    ]);
  });

  test("slugs follow GitHub: punctuation dropped, repeats numbered, non-ASCII kept", () => {
    const d = parseDocument("## Über `Rust` & C++!\n\n## Notes\n\n## Notes\n\n## 日本語の見出し\n");
    assert.deepEqual(d.sections.map((s) => s.slug), ["über-rust--c", "notes", "notes-1", "日本語の見出し"]);
    for (const slug of ["über-rust--c", "notes", "notes-1"]) assert.ok(d.anchors.has(slug));
  });
});

describe("links, images, code and HTML", () => {
  const doc = parseDocument(
    [
      "## Summary",
      "",
      "See [the other RFC](0002-other.md#motivation) and ![diagram](0001-x/diagram.svg).",
      "A [reference link][ref] and <https://example.com>.",
      "",
      "[ref]: ../README.md",
      "",
      '<details id="more"><summary>More</summary>',
      "",
      "</details>",
      "",
      "```mermaid",
      "graph TD; A-->B",
      "```",
      "",
      "Inline <sup>1</sup> and `[not](a-link.md)`.",
      "",
    ].join("\n"),
  );

  test("links and images carry the place their target is written", () => {
    const found = doc.links.map((l) => [l.kind, l.href, l.line, l.column]);
    assert.deepEqual(found, [
      ["link", "0002-other.md#motivation", 3, 21],
      ["image", "0001-x/diagram.svg", 3, 62],
      ["link", "../README.md", 4, 3],
      ["link", "https://example.com", 4, 30],
      ["definition", "../README.md", 6, 8],
    ]);
  });

  test("code blocks keep their language and text", () => {
    assert.deepEqual(doc.codeBlocks, [{ lang: "mermaid", content: "graph TD; A-->B\n", line: 12, endLine: 14 }]);
  });

  test("raw HTML is kept, and its ids are anchors", () => {
    assert.deepEqual(
      doc.html.map((h) => [h.inline, h.line]),
      [
        [false, 8],
        [false, 10],
        [true, 16],
        [true, 16],
      ],
    );
    assert.ok(doc.anchors.has("more"));
  });
});

// Inline parsing is skipped for paragraphs that cannot hold a link or HTML; these can, in ways
// that are easy to miss.
describe("links and HTML found however a paragraph hides them", () => {
  const inline = (paragraph: string, after = "") => {
    const d = parseDocument(`## Summary\n\n${paragraph}\n${after}`);
    return {
      links: d.links.filter((l) => l.kind !== "definition").map((l) => l.href),
      html: d.html.map((h) => h.html),
    };
  };

  test("a tag after a code span that holds `<T>`", () => {
    assert.deepEqual(inline("`Vec<T>` then <kbd>Ctrl</kbd>").html, ["<kbd>", "</kbd>"]);
  });

  test("an `<` only inside code spans is no HTML", () => {
    assert.deepEqual(inline("`Vec<T>` and ``a`b<c>``").html, []);
  });

  test("a tag whose attribute holds a backtick, before a code span", () => {
    assert.deepEqual(inline('<span title="`">y</span> and `z`').html, ['<span title="`">', "</span>"]);
  });

  test("an e-mail autolink that starts with a digit", () => {
    assert.deepEqual(inline("Write to <1team@example.com>.").links, ["mailto:1team@example.com"]);
  });

  test("a shortcut reference whose label is a code span, defined below", () => {
    assert.deepEqual(inline("Use [`Vec`] here.", "\n[`Vec`]: https://doc.rust-lang.org/std/vec/\n").links, ["https://doc.rust-lang.org/std/vec/"]);
  });

  test("brackets that name no defined label are text", () => {
    assert.deepEqual(inline("Index `a[i]` or [i] here.", "\n[other]: #summary\n").links, []);
  });

  test("links among punctuation that other Markdown rules start at", () => {
    const found = inline("a-b: c=d *e* [x](x.md) wow! ![i](i.png) ~f~ & <g@h.com> \\[not] `[no](t)` [y](y.md)").links;
    assert.deepEqual(found, ["x.md", "i.png", "mailto:g@h.com", "y.md"]);
  });

  test("setext headings keep their text, and links in quotes and lists are found", () => {
    const d = parseDocument("Plain title\n===========\n\nSome prose.\n\nPlain section\n-------------\n\n> A quote\n> with [a link](q.md).\n\n- an item\n  with <kbd>Ctrl</kbd>\n");
    assert.deepEqual(d.title, { text: "Plain title", line: 1, slug: "plain-title" });
    assert.deepEqual(d.sections.map((s) => s.title), ["Plain section"]);
    assert.deepEqual(d.links.map((l) => [l.href, l.line]), [["q.md", 10]]);
    assert.deepEqual(d.html.map((h) => [h.html, h.line]), [["<kbd>", 13], ["</kbd>", 13]]);
  });

  test("link text that wraps onto the next line reads as one line", () => {
    const d = parseDocument("## Summary\n\nSee [RFC PR\n147](https://example.com/147) and [a  \n  b](b.md).\n");
    assert.deepEqual(
      d.links.map((l) => l.text),
      ["RFC PR 147", "a b"],
    );
  });

  test("a label with an escaped bracket", () => {
    assert.deepEqual(inline("See [a\\]b].", "\n[a\\]b]: other.md\n").links, ["other.md"]);
  });
});

describe("text encodings and line endings", () => {
  test("CRLF files give the same positions as LF files", () => {
    const lf = parseDocument(listHeader);
    const crlf = parseDocument(listHeader.replace(/\n/g, "\r\n"));
    assert.equal(crlf.lineEnding, "\r\n");
    assert.deepEqual(
      crlf.metadata.entries.map((e) => [e.key, e.value.raw, e.line, e.value.column]),
      lf.metadata.entries.map((e) => [e.key, e.value.raw, e.line, e.value.column]),
    );
    assert.deepEqual(
      crlf.sections.map((s) => [s.title, s.line, s.bodyStart, s.endLine]),
      lf.sections.map((s) => [s.title, s.line, s.bodyStart, s.endLine]),
    );
  });

  test("a UTF-8 BOM is noted and does not shift columns", () => {
    const doc = parseDocument(`\uFEFF${listHeader}`);
    assert.equal(doc.hasBom, true);
    assert.equal(doc.metadata.entries[0]!.key, "Feature Name");
    assert.equal(doc.metadata.entries[0]!.column, 3);
    assert.equal(doc.source.startsWith("-"), true);
  });

  test("tabs, very long lines and non-ASCII text parse", () => {
    const long = "x".repeat(200_000);
    const doc = parseDocument(`- Feature Name:\t\`ünïcödé_ident\`\n\n## Summary\n\n${long} [link](a.md)\n`);
    assert.equal(doc.metadata.entries[0]!.value.raw, "`ünïcödé_ident`");
    assert.equal(doc.metadata.entries[0]!.value.column, 17);
    assert.deepEqual(doc.links.map((l) => [l.href, l.line, l.column]), [["a.md", 5, 200_009]]);
  });

  test("an unclosed code fence or stray HTML does not break parsing", () => {
    const doc = parseDocument("## Summary\n\n```rust\nfn main() {\n\n## Not a section\n<div");
    assert.deepEqual(doc.sections.map((s) => s.title), ["Summary"]);
    assert.equal(doc.codeBlocks.length, 1);
  });
});

describe("where the metadata list may start", () => {
  const list = "- Feature Name: `x`\n- Start Date: 2024-01-02\n\n## Summary\n\nS.\n";

  test("after a heading, or after an HTML comment", () => {
    for (const prefix of ["# Title\n\n", "## RFC: a title\n\n", "<!--\n licence text\n-->\n\n"]) {
      const doc = parseDocument(prefix + list);
      assert.deepEqual(doc.metadata.entries.map((e) => e.key), ["Feature Name", "Start Date"], JSON.stringify(prefix));
    }
  });

  test("after front matter, the list's entries join the front matter's", () => {
    const doc = parseDocument(`---\ntitle: A title\n---\n\n${list}`);
    assert.equal(doc.metadata.form, "front-matter");
    assert.deepEqual(doc.metadata.entries.map((e) => [e.key, e.line]), [
      ["title", 2],
      ["Feature Name", 5],
      ["Start Date", 6],
    ]);
    assert.equal(doc.metadata.endLine, 6);
  });

  test("a list that is not at the top is not metadata", () => {
    const doc = parseDocument("## Summary\n\nSome text.\n\n- Key: value\n");
    assert.equal(doc.metadata.form, "none");
  });
});

describe("ids and definitions", () => {
  test("a heading attribute sets the id and is not part of the title", () => {
    const doc = parseDocument("## Detailed design { #design .wide }\n\nText.\n");
    assert.equal(doc.sections[0]!.title, "Detailed design");
    assert.equal(doc.sections[0]!.slug, "design");
    assert.ok(doc.anchors.has("design"));
  });

  test("footnote definitions are not link definitions", () => {
    const doc = parseDocument("## Notes\n\nA claim.[^1]\n\n[^1]: The source, see [here](a.md).\n[ref]: b.md\n");
    assert.deepEqual(doc.links.filter((l) => l.kind === "definition").map((l) => l.href), ["b.md"]);
  });
});
