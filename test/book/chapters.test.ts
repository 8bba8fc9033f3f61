import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

const rfc = (title: string) => `- Feature Name: x\n- Start Date: 2025-01-01\n\n# ${title}\n\n# Summary\n\nText.\n`;

const rfcFiles = {
  "0000-template.md": "# Summary\n\n# Motivation\n",
  "text/0001-first.md": rfc("First"),
  "text/0001-first/notes.md": "# Notes\n\nMore.\n",
  "text/0002-second.md": rfc("Second"),
};

async function build(files: Record<string, string>): Promise<{ tree: Map<string, Buffer | null>; stdout: string }> {
  const root = await writeTempRepo(files);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  return { tree: await readTree(path.join(root, "book")), stdout: result.stdout };
}

function text(tree: Map<string, Buffer | null>, file: string): string {
  const bytes = tree.get(file);
  assert.ok(bytes, `the book has ${file}; it has ${[...tree.keys()].filter((f) => f.endsWith(".html")).join(", ")}`);
  return bytes.toString();
}

/** The sidebar as `toc.js` gives it, a line per entry: `  1.1. Title -> page.html`, `# Part`, `---`, a draft with no page. */
function sidebar(tree: Map<string, Buffer | null>): string[] {
  const script = text(tree, "_rfckit/toc.js");
  const toc = JSON.parse(script.slice(script.indexOf("=") + 1).trim().replace(/;$/, "")) as { pages: ([string, string, string, number] | { part: string } | 0)[] };
  return toc.pages.map((line) => {
    if (line === 0) return "---";
    if (!Array.isArray(line)) return `# ${line.part}`;
    const [out, label, title, depth] = line;
    return `${"  ".repeat(depth)}${label ? `${label} ` : ""}${title} -> ${out || "(draft)"}`;
  });
}

const summary = [
  "# Summary",
  "",
  "[Introduction](README.md)",
  "[How we work](process.md)",
  "",
  "---",
  "",
  "# Guides",
  "",
  "- [Guides](guides/README.md)",
  "- [Writing one](guides/writing.md)",
  "    - [Reviewing, to come]()",
  "",
  "# Accepted",
  "",
  "- [0001-first](text/0001-first.md)",
  "",
  "[Gone](gone.md)",
].join("\n");

test("a repository's own SUMMARY.md gives the book's chapters, order, parts, nesting, drafts and separators; what it leaves out is added", async () => {
  const { tree } = await build({
    ...rfcFiles,
    "book.toml": '[book]\ntitle = "Acme RFCs"\n',
    "SUMMARY.md": summary,
    "README.md": "# Acme RFCs\n\nRead [how we work](process.md).\n",
    "process.md": "# The process\n\nSteps.\n",
    "guides/writing.md": "# Writing an RFC\n\nBack to [the process](../process.md) and [the guides](README.md).\n",
    "guides/README.md": "# The guides\n",
  });
  assert.deepEqual(sidebar(tree), [
    "Acme RFCs -> index.html",
    "How we work -> process.html",
    "---",
    "# Guides",
    "1. Guides -> guides/index.html",
    "2. Writing one -> guides/writing.html",
    "  2.1. Reviewing, to come -> (draft)",
    "# Accepted",
    "0001 First -> text/0001-first.html",
    "  Notes -> text/0001-first/notes.html",
    "Gone -> (draft)",
    "---",
    "0002 Second -> text/0002-second.html",
  ]);
  const writing = text(tree, "guides/writing.html");
  assert.match(writing, /<h1[^>]*>Writing an RFC<\/h1>/, "the page keeps its own title; the sidebar shows SUMMARY.md's");
  assert.match(writing, /<a href="..\/process.html">the process<\/a>/, "links between chapters land on their pages");
  assert.match(writing, /rel="prev" href="index.html">← The guides</, "the previous chapter is the one before in SUMMARY.md");
  assert.match(text(tree, "guides/index.html"), /rel="prev" href="..\/process.html"/);
  assert.match(writing, /<a href="index.html">the guides<\/a>/, "a README is its folder's index.html, as mdBook makes it");
  assert.match(text(tree, "index.html"), /<a href="process.html">how we work<\/a>/);
  assert.ok(!tree.has("introduction.html"), "the README is index.html only, as mdBook's source folder has it");
});

test("no-section-label leaves out SUMMARY.md's section numbers; RFCs keep their numbers", async () => {
  const { tree } = await build({
    ...rfcFiles,
    "book.toml": '[book]\ntitle = "Acme RFCs"\n\n[output.html]\nno-section-label = true\n',
    "SUMMARY.md": summary,
    "README.md": "# Acme RFCs\n",
    "process.md": "# The process\n",
    "guides/writing.md": "# Writing an RFC\n",
  });
  const lines = sidebar(tree);
  assert.ok(lines.includes("Writing one -> guides/writing.html") && lines.includes("  Reviewing, to come -> (draft)"), lines.join("\n"));
  assert.ok(lines.includes("0001 First -> text/0001-first.html"));
});

test("a SUMMARY.md mdBook would refuse stops the build with its file and line", async () => {
  const root = await writeTempRepo({ ...rfcFiles, "book.toml": "[book]\n", "SUMMARY.md": "- [One](text/0001-first.md)\n- just words\n", "README.md": "# Acme\n" });
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /^SUMMARY\.md:2: A numbered chapter's list item must hold only a link/m);
  assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
});

test("without SUMMARY.md, the root pages the README links to are chapters between the introduction and the RFCs", async () => {
  const { tree } = await build({
    ...rfcFiles,
    "book.toml": '[book]\ntitle = "Acme RFCs"\n',
    "README.md": "# Acme RFCs\n\nSee [language changes](lang_changes.md), [compiler changes](./compiler_changes.md#when), [how to contribute](CONTRIBUTING.md), [the template](0000-template.md), [the first RFC](text/0001-first.md) and [a deep page](docs/deep.md).\n",
    "lang_changes.md": "# Guidelines for language changes\n\n- a list that is not metadata\n",
    "compiler_changes.md": "# Guidelines for compiler changes\n\nText.\n",
    "CONTRIBUTING.md": "# Contributing\n",
    "docs/deep.md": "# Deep\n",
  });
  assert.deepEqual(sidebar(tree), [
    "Acme RFCs -> introduction.html",
    "Guidelines for language changes -> lang_changes.html",
    "Guidelines for compiler changes -> compiler_changes.html",
    "---",
    "0001 First -> 0001-first.html",
    "  Notes -> 0001-first/notes.html",
    "0002 Second -> 0002-second.html",
  ]);
  const intro = text(tree, "introduction.html");
  assert.match(intro, /<a href="compiler_changes.html#when">compiler changes<\/a>/);
  assert.match(text(tree, "lang_changes.html"), /<li>a list that is not metadata<\/li>/, "a guideline's opening list is text, not an RFC header");
  for (const left of ["CONTRIBUTING.html", "docs/deep.html", "0000-template.html"]) assert.ok(!tree.has(left), `${left} is not a chapter`);
});

test("a page with a table of contents of its own gets no second one; others get the book's", async () => {
  const { tree } = await build({
    ...rfcFiles,
    "book.toml": '[book]\ntitle = "Acme RFCs"\n',
    "README.md": "# Acme RFCs\n\n- [Why](#why)\n- [How](#how)\n- [When](#when)\n\n## Why\n\n## How\n\n## When\n",
    "text/0001-first.md": `${rfc("First")}\n# Motivation\n\nSee [the summary](#summary).\n`,
  });
  assert.doesNotMatch(text(tree, "introduction.html"), /class="page-toc"/);
  assert.match(text(tree, "0001-first.html"), /class="page-toc"/, "one link to its own section is not a table of contents");
});
