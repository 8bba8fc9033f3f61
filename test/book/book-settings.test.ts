import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

const rfc = `- Feature Name: x\n- Start Date: 2025-01-01\n\n# First\n\n# Summary\n\nShe said "it works" -- twice... 'really'.\n`;

function files(html: string, book = ""): Record<string, string> {
  return {
    "0000-template.md": "# Summary\n\n# Motivation\n",
    "README.md": "# Acme RFCs\n",
    "book.toml": `[book]\ntitle = "Acme RFCs"\n${book}\n[output.html]\n${html}\n`,
    "text/0001-first.md": rfc,
    "text/0001-first/notes.md": "# Notes\n",
  };
}

async function build(repoFiles: Record<string, string>): Promise<{ tree: Map<string, Buffer | null>; stderr: string; page(file: string): string }> {
  const root = await writeTempRepo(repoFiles);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const tree = await readTree(path.join(root, "book"));
  const page = (file: string) => {
    const bytes = tree.get(file);
    assert.ok(bytes, `the book has ${file}`);
    return bytes.toString();
  };
  return { tree, stderr: result.stderr, page };
}

test("[book] language and description are each page's lang and description", async () => {
  const { page } = await build(files("", 'language = "ja"\ndescription = "Design notes & decisions"\n'));
  for (const file of ["0001-first.html", "introduction.html", "rfcs.html", "404.html"]) {
    assert.match(page(file), /<html lang="ja"/, file);
    assert.match(page(file), /<meta name="description" content="Design notes &amp; decisions">/, file);
  }
  const plain = await build(files(""));
  assert.match(plain.page("0001-first.html"), /<html lang="en" data-mdbook-themes="light navy">/);
  assert.doesNotMatch(plain.page("0001-first.html"), /name="description"/);
});

test("smart-punctuation: typographic quotes and dashes unless book.toml turns it off", async () => {
  const on = await build(files(""));
  assert.match(on.page("0001-first.html"), /She said “it works” – twice… ‘really’\./);
  const off = await build(files("smart-punctuation = false"));
  assert.match(off.page("0001-first.html"), /She said &quot;it works&quot; -- twice\.\.\. 'really'\./);
  const older = await build(files("curly-quotes = false"));
  assert.match(older.page("0001-first.html"), /She said &quot;it works&quot;/, "mdBook's older name for the setting is read too");
});

test("[output.html.search] enable = false leaves the search out: no index, no search box", async () => {
  const { tree, page } = await build(files("\n[output.html.search]\nenable = false"));
  assert.equal([...tree.keys()].filter((f) => f.startsWith("_rfckit/search/")).length, 0);
  assert.doesNotMatch(page("0001-first.html"), /id="search"/);
  const searching = await build(files(""));
  assert.ok([...searching.tree.keys()].some((f) => f.startsWith("_rfckit/search/")));
  assert.match(searching.page("0001-first.html"), /id="search"/);
});

test("additional-css is published at its path without what could fetch anything, and every page links it after the book's own", async () => {
  const { page, stderr } = await build({
    ...files('additional-css = ["theme/custom.css", "theme/missing.css", "../outside.css"]'),
    "theme/custom.css": 'body { color: rebeccapurple; }\n.logo { background: url("https://tracker.example/x.png"); }\n@import "https://tracker.example/more.css";\n.ok { fill: url(#grad); }\n',
  });
  const css = page("theme/custom.css");
  assert.match(css, /body \{\s*color: rebeccapurple;\s*\}/);
  assert.match(css, /url\(#grad\)/, "a reference inside the page stays");
  assert.doesNotMatch(css, /tracker\.example|@import/);
  assert.match(page("0001-first.html"), /<link rel="stylesheet" href="_rfckit\/book.css">\n<link rel="stylesheet" href="theme\/custom.css">/);
  assert.match(page("0001-first/notes.html"), /<link rel="stylesheet" href="..\/theme\/custom.css">/);
  assert.doesNotMatch(page("0001-first.html"), /missing\.css|outside\.css/, "what is not published is not linked");
  assert.match(stderr, /book\.toml: additional-css "theme\/missing\.css" is left out of the book: no such file in the repository\./);
  assert.match(stderr, /book\.toml: additional-css "\.\.\/outside\.css" is left out of the book: it must be a \.css file inside the repository\./);
});

test("a setting of the wrong type is an error naming book.toml's line, for every command", async () => {
  const root = await writeTempRepo(files('site-url = "/rfcs/"\nsmart-punctuation = "yes"'));
  for (const command of [["build"], ["check"]]) {
    const result = await runRfc(command, { cwd: root });
    assert.equal(result.exitCode, 2, command.join(" "));
    assert.match(result.stderr, /^book\.toml:6: \[output\.html\] smart-punctuation must be true or false\.\n {2}hint: write smart-punctuation as true or false, or remove it\.\n$/);
  }
  const title = await runRfc(["build"], { cwd: await writeTempRepo({ ...files(""), "book.toml": "[book]\ntitle = 3\n" }) });
  assert.match(title.stderr, /^book\.toml:2: \[book\] title must be a string in quotes\./);
  const css = await runRfc(["build"], { cwd: await writeTempRepo({ ...files(""), "book.toml": '[output.html]\nadditional-css = "custom.css"\n' }) });
  assert.match(css.stderr, /^book\.toml:2: \[output\.html\] additional-css must be a list of paths/);
});

test("default-theme and preferred-dark-theme are written on each page as the book's two themes", async () => {
  const { page } = await build(files('default-theme = "ayu"\npreferred-dark-theme = "light"'));
  assert.match(page("0001-first.html"), /<html lang="en" data-light-system-theme="dark" data-dark-system-theme="light" data-mdbook-themes="light ayu">/, "mdBook's class for each theme is the one book.toml names");
  const plain = await build(files('default-theme = "light"'));
  assert.match(plain.page("0001-first.html"), /<html lang="en" data-light-system-theme="light" data-mdbook-themes="light navy">/);
});

test("print.html and the top bar's print link are there unless [output.html.print] enable = false", async () => {
  const printing = await build(files(""));
  assert.match(printing.page("print.html"), /id="print-book"/);
  assert.match(printing.page("0001-first/notes.html"), /<a class="print-link" href="..\/print.html"/);
  const off = await build(files("\n[output.html.print]\nenable = false"));
  assert.equal(off.tree.has("print.html"), false);
  assert.doesNotMatch(off.page("0001-first.html"), /print-link/);
});
