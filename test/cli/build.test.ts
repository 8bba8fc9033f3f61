import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { corpus, examplesDir } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { copyToTemp, makeTempDir } from "../support/temp-repo.ts";
import { buildInMemory } from "../book/build-in-memory.ts";

const exampleFiles = [
  ".nojekyll",
  ".rfckit-book",
  "0000-retention-tiers.html",
  "0001-pipe-queries.html",
  "0002-ingest-pipelines/",
  "0002-ingest-pipelines/appendix.html",
  "0002-ingest-pipelines/pipeline.svg",
  "0002-ingest-pipelines.html",
  "0003-saved-search-alerts.html",
  "404.html",
  "_rfckit/",
  "_rfckit/book.css",
  "_rfckit/book.js",
  "_rfckit/highlighter.js",
  "_rfckit/search/",
  "_rfckit/search/meta.js",
  "_rfckit/search/t-0.js",
  "_rfckit/search/x-0.js",
  "_rfckit/search/x-1.js",
  "_rfckit/search/x-2.js",
  "_rfckit/search/x-3.js",
  "_rfckit/search/x-4.js",
  "_rfckit/search/x-5.js",
  "_rfckit/toc.js",
  "feed.xml",
  "index.html",
  "introduction.html",
  "print.html",
  "rfcs.html",
];

test("rfc build writes the examples' book into book/", async () => {
  const root = await copyToTemp(examplesDir);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const tree = await readTree(path.join(root, "book"));
  // The pages and book files, plus Mermaid's files (one RFC has a diagram), less the marker, .nojekyll and the asset.
  const written = [...tree].filter(([, bytes]) => bytes !== null).length - 3;
  assert.equal(result.stdout, `Built 4 RFCs into book/: ${written} files written, 1 asset copied.\n`);
  assert.deepEqual(
    [...tree.keys()].filter((file) => !file.startsWith("_rfckit/mermaid/")),
    exampleFiles,
  );
  assert.ok(tree.has("_rfckit/mermaid/mermaid.esm.min.mjs") && tree.has("_rfckit/mermaid/LICENSE"), "Mermaid, for the page with a diagram");
  // The asset is copied byte for byte, beside the page whose relative link shows it.
  assert.deepEqual(tree.get("0002-ingest-pipelines/pipeline.svg"), await readFile(path.join(examplesDir, "text/0002-ingest-pipelines/pipeline.svg")));
  const page = tree.get("0002-ingest-pipelines.html")!.toString();
  assert.match(page, /<img src="0002-ingest-pipelines\/pipeline.svg"/);
  assert.match(page, /<link rel="canonical" href="\/rfcs\/0002-ingest-pipelines.html">/, "site-url from book.toml");
  assert.match(page, /<title>Ingest pipelines · The Lantern RFC Book<\/title>/);
  // The page for a missing path, at any depth: its links start from site-url's path, as mdBook's do.
  const notFound = tree.get("404.html")!.toString();
  assert.match(notFound, /<h1>Page not found<\/h1>/);
  assert.match(notFound, /<link rel="stylesheet" href="\/rfcs\/_rfckit\/book\.css">/);
  assert.match(notFound, /<a href="\/rfcs\/index\.html">the introduction<\/a> or <a href="\/rfcs\/rfcs\.html">the list of all RFCs<\/a>/);
  assert.match(notFound, /data-root="\/rfcs\/"/);
  assert.doesNotMatch(notFound, /rel="canonical"/);
  for (const [, href] of notFound.matchAll(/(?:href|src)="([^"#][^"]*)"/g)) assert.match(href!, /^(\/rfcs\/|data:)/, `a relative link in 404.html: ${href}`);
  // No request to another host: every stylesheet and script is the book's own.
  for (const [file, bytes] of tree) {
    if (bytes && file.endsWith(".html")) assert.doesNotMatch(bytes.toString(), /<(?:script|link)[^>]+(?:src|href)="(?:https?:)?\/\/(?![^"]*rel="canonical")/, file);
  }
});

test("an asset that links to a file outside the repository is not copied", async () => {
  const root = await copyToTemp(examplesDir);
  const secret = path.join(await makeTempDir(), "secret.txt");
  await writeFile(secret, "private");
  await symlink(secret, path.join(root, "text/0002-ingest-pipelines/secret.txt"));
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  // Left out when the asset list is made, and said as a warning at the RFC that owns the folder.
  assert.match(result.stderr, /1:1 {2}warning {2}text\/0002-ingest-pipelines\/secret.txt is not published in the book: it is a symbolic link to a file outside the repository\. {2}asset-unpublished/);
  assert.equal(existsSync(path.join(root, "book/0002-ingest-pipelines/secret.txt")), false);
  assert.ok(existsSync(path.join(root, "book/0002-ingest-pipelines/pipeline.svg")));
  assert.match(result.stdout, /1 asset copied/);
});

test("in a repository kept in a subfolder of a git repository, edit links include the folder", async () => {
  const top = await makeTempDir();
  const root = path.join(top, "rfcs");
  await cp(examplesDir, root, { recursive: true });
  gitInit(top);
  commitAll(top, "RFCs", "2026-01-01");
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const page = await readFile(path.join(root, "book/0001-pipe-queries.html"), "utf8");
  assert.match(page, /<a href="https:\/\/github.com\/lantern-dev\/rfcs\/edit\/main\/rfcs\/text\/0001-pipe-queries.md">Edit this page<\/a>/);
});

test("edit links and links to repository files follow the default branch, or book.toml's edit-url-template", async () => {
  const root = await copyToTemp(examplesDir);
  gitInit(root);
  gitIn(root, ["branch", "-m", "master"]);
  commitAll(root, "RFCs", "2026-01-01");
  assert.equal((await runRfc(["build"], { cwd: root })).exitCode, 0);
  const page = await readFile(path.join(root, "book/0001-pipe-queries.html"), "utf8");
  assert.match(page, /<a href="https:\/\/github.com\/lantern-dev\/rfcs\/edit\/master\/text\/0001-pipe-queries.md">Edit this page<\/a>/);
  // The README links to the template, a file outside the book: to the file on that branch.
  assert.match(await readFile(path.join(root, "book/index.html"), "utf8"), /href="https:\/\/github.com\/lantern-dev\/rfcs\/blob\/master\/0000-template.md"/);

  const toml = path.join(root, "book.toml");
  await writeFile(toml, (await readFile(toml, "utf8")).replace("[output.html]\n", '[output.html]\nedit-url-template = "https://git.example.org/lantern/rfcs/-/edit/trunk/{path}"\n'));
  assert.equal((await runRfc(["build"], { cwd: root })).exitCode, 0);
  const templated = await readFile(path.join(root, "book/0001-pipe-queries.html"), "utf8");
  assert.match(templated, /<a href="https:\/\/git.example.org\/lantern\/rfcs\/-\/edit\/trunk\/text\/0001-pipe-queries.md">Edit this page<\/a>/);
});

test("two builds of the same repository are identical, byte for byte", async () => {
  const root = await copyToTemp(examplesDir);
  assert.equal((await runRfc(["build", "--out", "one"], { cwd: root })).exitCode, 0);
  assert.equal((await runRfc(["build", "--out", "two"], { cwd: root })).exitCode, 0);
  const one = await readTree(path.join(root, "one"));
  const two = await readTree(path.join(root, "two"));
  assert.ok(one.size > 10);
  assert.deepEqual(two, one);
});

test("a later build replaces an earlier one whole, and options override book.toml", async () => {
  const root = await copyToTemp(examplesDir);
  assert.equal((await runRfc(["build"], { cwd: root })).exitCode, 0);
  await writeFile(path.join(root, "book/stale.html"), "old");
  const result = await runRfc(["build", "--site-url", "https://rfcs.example/lantern", "--title", "Other"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.equal(existsSync(path.join(root, "book/stale.html")), false);
  const page = await readFile(path.join(root, "book/0001-pipe-queries.html"), "utf8");
  assert.match(page, /<link rel="canonical" href="https:\/\/rfcs.example\/lantern\/0001-pipe-queries.html">/);
  assert.match(page, /<title>Pipe queries · Other<\/title>/);
  // Nothing is left beside the book: the temporary and the old folder are gone.
  assert.deepEqual((await readdir(root)).filter((f) => f.includes("book")).sort(), ["book", "book.toml"]);
});

test("rfc build refuses to write into a folder it did not make, and leaves it untouched", async () => {
  const root = await copyToTemp(examplesDir);
  await mkdir(path.join(root, "site"));
  await writeFile(path.join(root, "site/notes.txt"), "mine");
  const before = await readTree(root);
  const result = await runRfc(["build", "--out", "site"], { cwd: root });
  assert.equal(result.exitCode, 2);
  assert.equal(result.stderr, "site exists and was not written by rfc build (it has no .rfckit-book file), so it is left alone.\n  hint: pass --out with a new folder, or move that folder away first.\n");
  assert.deepEqual(await readTree(root), before);
  const self = await runRfc(["build", "--out", "."], { cwd: root });
  assert.equal(self.exitCode, 2);
  assert.match(self.stderr, /holds the repository itself/);
  assert.deepEqual(await readTree(root), before);
});

test("broken links are warnings, and errors with --strict (then nothing is written)", async () => {
  const root = await copyToTemp(examplesDir);
  const rfc = path.join(root, "text/0001-pipe-queries.md");
  await writeFile(rfc, `${await readFile(rfc, "utf8")}\nSee [the gone RFC](0042-gone.md) and ![a chart](chart.png).\n`);
  const warned = await runRfc(["build", "--out", "out"], { cwd: root });
  assert.equal(warned.exitCode, 0);
  assert.match(warned.stderr, /warning {2}Link target "text\/0042-gone.md" does not exist\. {2}link/);
  assert.match(warned.stderr, /warning {2}Image "text\/chart.png" does not exist\. {2}link|warning .*chart\.png/);
  assert.ok(existsSync(path.join(root, "out/index.html")));
  const strict = await runRfc(["build", "--strict", "--out", "strict"], { cwd: root });
  assert.equal(strict.exitCode, 1);
  assert.match(strict.stderr, /error {4}Link target "text\/0042-gone.md" does not exist\./);
  assert.match(strict.stderr, /rfc build: nothing written, because --strict treats these problems as errors\.\n$/);
  assert.equal(existsSync(path.join(root, "strict")), false);
});

for (const name of ["metalbear-rfcs", "rust-rfcs", "amaranth-rfcs"] as const) {
  const { dir, skip } = corpus(name);
  test(`rfc build on the ${name} corpus gives every RFC its page where its mdBook book has it`, { skip }, async () => {
    const out = path.join(await makeTempDir(), "book");
    const result = await runRfc(["build", "--root", dir, "--out", out], { cwd: dir });
    assert.equal(result.exitCode, 0, result.stderr.slice(0, 2000));
    const rfcs = (await readdir(path.join(dir, "text"))).filter((f) => f.endsWith(".md"));
    assert.ok(rfcs.length > 5);
    for (const file of rfcs) assert.ok(existsSync(path.join(out, file.replace(/\.md$/, ".html"))), `${file} has its page at the book's root`);
    assert.ok(existsSync(path.join(out, "introduction.html")) && existsSync(path.join(out, "index.html")), "the README is introduction.html and index.html");
    const index = await readFile(path.join(out, "rfcs.html"), "utf8");
    assert.equal(index.match(/<tr><td data-sort/g)?.length, rfcs.length);
    // The root pages the README links to are chapters, after the introduction: Rust's guidelines.
    const guidelines = name === "rust-rfcs" ? ["compiler_changes", "lang_changes", "libs_changes"] : [];
    const toc = await readFile(path.join(out, "_rfckit/toc.js"), "utf8");
    const outs = [...toc.matchAll(/\["([^"]*)",/g)].map((m) => m[1]);
    assert.deepEqual(outs.slice(0, guidelines.length + 1).sort(), ["introduction.html", ...guidelines.map((g) => `${g}.html`)].sort());
    for (const page of guidelines) assert.ok(existsSync(path.join(out, `${page}.html`)), `${page}.md is a chapter`);
  });
}

test("the search index rfc build makes in a worker thread is the one renderBook makes in one", async () => {
  const root = await copyToTemp(examplesDir);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const tree = await readTree(path.join(root, "book"));
  const { rendered } = await buildInMemory(root, { readme: await readFile(path.join(root, "README.md"), "utf8") });
  const search = rendered.pages.filter((p) => p.path.startsWith("_rfckit/search/"));
  assert.ok(search.length > 3);
  for (const page of search) assert.equal(tree.get(page.path)?.toString(), page.html, page.path);
  assert.deepEqual(
    [...tree.keys()].filter((file) => file.startsWith("_rfckit/search/") && !file.endsWith("/")),
    search.map((p) => p.path),
  );
});

test("an RFC whose page's name would be longer than a file system takes is left out and said; the rest of the book is written", async () => {
  const root = await copyToTemp(examplesDir);
  const long = `text/0004-${"a".repeat(247)}.md`;
  await cp(path.join(root, "text/0001-pipe-queries.md"), path.join(root, long));
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`^${long.replace(/\./g, "\\.")}: not published in the book: its page's name would be 257 bytes, more than file systems take \\(255\\); rename it\\.$`, "m"));
  assert.ok(existsSync(path.join(root, "book/0001-pipe-queries.html")));
  assert.match(result.stdout, /^Built 4 RFCs into book\//);
  const check = await runRfc(["check", long], { cwd: root });
  assert.match(check.stdout, /The file name is too long for the book/);
});

test("an RFC that cannot be read is a warning of rfc build, and its page says why it is empty", async () => {
  const root = await copyToTemp(examplesDir);
  await writeFile(path.join(root, "text/0005-empty.md"), "");
  await writeFile(path.join(root, "text/0006-utf16.md"), Buffer.from([0xff, 0xfe, 0x55, 0x00, 0x54, 0x00]));
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stderr, /text\/0005-empty\.md\n {2}1:1 {2}warning {2}The file is empty\. {2}file-content/);
  assert.match(result.stderr, /text\/0006-utf16\.md\n {2}1:1 {2}warning {2}The file is not UTF-8 text/);
  assert.match(await readFile(path.join(root, "book/0005-empty.html"), "utf8"), /This page’s text is not in the book: the file is empty\./);
  assert.match(await readFile(path.join(root, "book/0006-utf16.html"), "utf8"), /This page’s text is not in the book: the file is not UTF-8 text\./);
});

test("[output.html.redirect] writes mdBook's redirect pages; a redirect over a page of the book, or to another scheme, is refused", async () => {
  const root = await copyToTemp(examplesDir);
  const toml = await readFile(path.join(root, "book.toml"), "utf8");
  const redirects = '\n[output.html.redirect]\n"/0001-pipeline-queries.html" = "0001-pipe-queries.html"\n"/old/" = "https://example.com/rfcs/"\n';
  await writeFile(path.join(root, "book.toml"), toml + redirects);
  const built = await runRfc(["build"], { cwd: root });
  assert.equal(built.exitCode, 0, built.stderr);
  const page = await readFile(path.join(root, "book/0001-pipeline-queries.html"), "utf8");
  assert.match(page, /<meta http-equiv="refresh" content="0; URL=0001-pipe-queries\.html">/);
  assert.match(page, /<a href="0001-pipe-queries\.html">0001-pipe-queries\.html<\/a>/);
  assert.match(await readFile(path.join(root, "book/old/index.html"), "utf8"), /URL=https:\/\/example\.com\/rfcs\//);

  await writeFile(path.join(root, "book.toml"), `${toml}\n[output.html.redirect]\n"/rfcs.html" = "index.html"\n`);
  const over = await runRfc(["build"], { cwd: root });
  assert.equal(over.exitCode, 2);
  assert.match(over.stderr, /^book\.toml: \[output\.html\.redirect\] "\/rfcs\.html" would write over the book's own page rfcs\.html\./);
  for (const [line, message] of [
    ['"/x.html" = "javascript:alert(1)"', /"\/x\.html" redirects to "javascript:alert\(1\)"; only http\(s\):\/\/ URLs and paths are allowed/],
    ['"/../x.html" = "y.html"', /"\/\.\.\/x\.html" is not a path inside the book/],
    ['"/x.html" = 3', /"\/x\.html" must name where it redirects to/],
  ] as const) {
    await writeFile(path.join(root, "book.toml"), `${toml}\n[output.html.redirect]\n${line}\n`);
    const refused = await runRfc(["build"], { cwd: root });
    assert.equal(refused.exitCode, 2, line);
    assert.match(refused.stderr, message);
    assert.match(refused.stderr, /^book\.toml:\d+: /);
  }
});
