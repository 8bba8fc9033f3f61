import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

const template = "# Summary\n\n# Motivation\n";
const rfc = (title: string, body = "") => `- Feature Name: x\n- Start Date: 2025-01-01\n\n# ${title}\n\n# Summary\n\nText.\n${body}`;

/** A repository of two RFCs, one with an image and a sub-chapter, linking to each other and to a shared image. */
function files(bookToml: string | null): Record<string, string> {
  return {
    "0000-template.md": template,
    "README.md": "# Acme RFCs\n\nSee [the first](text/0001-first.md).\n",
    ...(bookToml === null ? {} : { "book.toml": bookToml }),
    "text/0001-first.md": rfc("First", "\n![diagram](0001-first/diagram.png) ![logo](../images/logo.png)\n\nThen [the second](0002-second.md#summary), and [as mdBook names it](0002-second.html).\n"),
    "text/0001-first/diagram.png": "png",
    "text/0001-first/notes.md": "# Notes\n\nBack to [the RFC](../0001-first.md).\n",
    "text/0002-second.md": rfc("Second"),
    "images/logo.png": "png",
  };
}

async function build(root: string): Promise<Map<string, Buffer | null>> {
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  return readTree(path.join(root, "book"));
}

const page = (tree: Map<string, Buffer | null>, file: string) => {
  const bytes = tree.get(file);
  assert.ok(bytes, `the book has ${file}; it has ${[...tree.keys()].filter((f) => f.endsWith(".html")).join(", ")}`);
  return bytes.toString();
};

test("where book.toml has mdBook's settings, pages are where mdBook put them: the RFC folder at the root, the README as introduction.html and index.html", async () => {
  const tree = await build(await writeTempRepo(files('[book]\ntitle = "Acme RFCs"\n')));
  const first = page(tree, "0001-first.html");
  for (const gone of ["text/0001-first.html", "text/0002-second.html"]) assert.ok(!tree.has(gone), `no ${gone}`);
  assert.match(first, /<img src="0001-first\/diagram.png" alt="diagram">/, "the RFC's own image is beside its page, at the root");
  assert.ok(tree.has("0001-first/diagram.png"));
  assert.match(first, /<img src="images\/logo.png" alt="logo">/, "a shared image keeps its place, and the link follows the page");
  assert.ok(tree.has("images/logo.png"));
  assert.match(first, /<a href="0002-second.html#summary">the second<\/a>/);
  assert.match(first, /<a href="0002-second.html">as mdBook names it<\/a>/, "a link written to mdBook's page name still lands");
  assert.match(page(tree, "0001-first/notes.html"), /<a href="..\/0001-first.html">the RFC<\/a>/);
  const intro = page(tree, "introduction.html");
  assert.match(intro, /<a href="0001-first.html">the first<\/a>/);
  assert.equal(page(tree, "index.html"), intro, "index.html is the introduction again, as mdBook writes it");
  assert.match(page(tree, "rfcs.html"), /<a href="0002-second.html">Second<\/a>/);
});

test("without an mdBook book, pages keep the files' folders and the README is index.html; book-pages chooses either way", async () => {
  const plain = await build(await writeTempRepo(files(null)));
  assert.ok(plain.has("text/0001-first.html") && plain.has("text/0001-first/diagram.png") && !plain.has("introduction.html"));
  assert.match(page(plain, "text/0001-first.html"), /<img src="..\/images\/logo.png" alt="logo">/);
  assert.match(page(plain, "index.html"), /<a href="text\/0001-first.html">the first<\/a>/);

  const chosen = await build(await writeTempRepo(files('[book]\ntitle = "Acme RFCs"\n\n[rfckit]\nbook-pages = "folders"\n')));
  assert.ok(chosen.has("text/0001-first.html") && !chosen.has("0001-first.html"));
  const forced = await build(await writeTempRepo(files('[rfckit]\nbook-pages = "mdbook"\n')));
  assert.ok(forced.has("0001-first.html") && forced.has("introduction.html"));
});

test("rfc doctor says where the book's pages go and why; a wrong book-pages is an error naming the line", async () => {
  const root = await writeTempRepo(files('[book]\ntitle = "Acme RFCs"\n'));
  const doctor = await runRfc(["doctor"], { cwd: root });
  assert.equal(doctor.exitCode, 0, doctor.stderr);
  assert.match(doctor.stdout, /book pages\s+mdBook's: the RFC folder at the book's root \(0001-x\.html\), the README as introduction\.html/);
  assert.match(doctor.stdout, /book\.toml has mdBook's \[book\] table, so links to its pages keep working/);
  const listed = await runRfc(["doctor"], { cwd: await writeTempRepo({ ...files(null), "SUMMARY.md": "- [First](text/0001-first.md)\n" }) });
  assert.match(listed.stdout, /book pages\s+mdBook's, from SUMMARY\.md: each file at its path from there, a README as its folder's index\.html/);
  const plain = await runRfc(["doctor"], { cwd: await writeTempRepo(files(null)) });
  assert.match(plain.stdout, /book pages\s+the files' own: text\/0001-x\.html/);

  const wrong = await writeTempRepo(files('[book]\ntitle = "Acme RFCs"\n\n[rfckit]\nbook-pages = "flat"\n'));
  const result = await runRfc(["build"], { cwd: wrong });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /book\.toml:5.*book-pages must be "mdbook"/);
});

test("two RFC folders copied to the book's root that hold the same name are refused, naming both files", async () => {
  const root = await writeTempRepo({
    "0000-template.md": template,
    "book.toml": '[book]\ntitle = "Acme RFCs"\n\n[rfckit]\nrfc-dir = ["accepted", "proposed"]\n',
    "accepted/0001-first.md": rfc("First"),
    "accepted/0002-second.md": rfc("Second"),
    "proposed/0002-second.md": rfc("Second again"),
  });
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 2, result.stderr);
  assert.match(result.stderr, /proposed\/0002-second\.md and accepted\/0002-second\.md would both be the book's page 0002-second\.html/);
  assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/, "no stack trace");
});
