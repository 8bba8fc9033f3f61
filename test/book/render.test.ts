import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { buildInMemory } from "./build-in-memory.ts";

const header = (n: number, extra = "") =>
  `- Feature Name: feature_${n}\n- Start Date: 2025-01-0${n}\n- Last Updated: 2025-02-0${n}\n- RFC PR: [acme/rfcs#${n}](https://github.com/acme/rfcs/pull/${n})\n- RFC reference:\n  - [acme/rfcs#${n}](https://github.com/acme/rfcs/pull/${n})\n${extra}`;

const markdownRfc = `# Markdown

${header(1)}
## Summary

| a | b |
|---|---|
| ~~old~~ | new |

- [ ] open task
- [x] done task

A claim.[^note]

[^note]: The footnote.

> [!NOTE]
> Worth knowing.

\`\`\`rust
fn main() { let x = 1; }
\`\`\`

\`\`\`mermaid
graph TD; A-->B<C
\`\`\`

## Motivation

### Details

### Details

## Custom heading { #own-id }

See [the design](0002-design.md#reference-level-explanation), [the picture](0001-markdown/figure.png),
[the template](../0000-template.md) and [missing](0009-missing.md).

![figure](0001-markdown/figure.png)

Bare addresses: https://example.com/a, www.example.org, team@example.com, README.md, lib.rs, crates.io and //example.net.
`;

const designRfc = `# Design

${header(2)}
## Summary

Builds on [markdown](https://github.com/acme/rfcs/blob/main/text/0001-markdown.md).

## Reference-level explanation

Text.
`;

const draftRfc = `# Draft

${header(3)}
## Summary

Replaces RFC #2 and extends RFC 1; RFC 9999 does not exist.
`;

async function fixture() {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "book.toml": '[book]\ntitle = "Acme RFCs"\n\n[output.html]\ngit-repository-url = "https://github.com/acme/rfcs"\nsite-url = "/rfcs/"\n',
    "text/0001-markdown.md": markdownRfc,
    "text/0001-markdown/figure.png": "png",
    "text/0001-markdown/notes.md": "# Notes\n\nSee [the RFC](../0001-markdown.md#summary).\n",
    "text/0002-design.md": designRfc,
    "text/0000-draft.md": draftRfc,
  });
  return buildInMemory(root, { readme: "# Acme RFCs\n\nStart with [the first RFC](text/0001-markdown.md), or see [them all](text/).\n" });
}

test("Markdown renders as GitHub does: tables, strikethrough, tasks, footnotes, alerts, code", async () => {
  const html = (await fixture()).page("0001-markdown.html");
  assert.match(html, /<table>\n<thead>\n<tr>\n<th>a<\/th>/);
  assert.match(html, /<s>old<\/s>/);
  assert.match(html, /<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" aria-label="Task" disabled> open task<\/li>/);
  assert.match(html, /<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" aria-label="Task" disabled checked> done task<\/li>/);
  assert.match(html, /<ul class="contains-task-list">/);
  assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/);
  assert.match(html, /<section class="footnotes">/);
  assert.match(html, /<div class="markdown-alert markdown-alert-note"><p class="markdown-alert-title"><svg[^>]*>.*<\/svg>Note<\/p>/s);
  // Highlighted in the browser (test/browser/code-highlighting.test.ts): the page holds the code as written.
  assert.match(html, /<pre><code class="language-rust">fn main\(\) \{ let x = 1; \}\n<\/code><\/pre>/);
  assert.match(html, /<pre class="mermaid">graph TD; A--&gt;B&lt;C\n<\/pre>/);
});

test("bare addresses are links where GitHub links them: a scheme, www. or an email; never a file name or a domain alone", async () => {
  const html = (await fixture()).page("0001-markdown.html");
  const line = /<p>Bare addresses: (.*)<\/p>/.exec(html)?.[1] ?? "";
  assert.match(line, /<a href="https:\/\/example.com\/a">https:\/\/example.com\/a<\/a>/);
  assert.match(line, /<a href="http:\/\/www.example.org">www.example.org<\/a>/);
  assert.match(line, /<a href="mailto:team@example.com">team@example.com<\/a>/);
  assert.match(line, /, README.md, lib.rs, crates.io and \/\/example.net.$/);
});

test("headings get the model's ids, so anchors checked by rfc check work in the book", async () => {
  const { page, book } = await fixture();
  const html = page("0001-markdown.html");
  for (const id of ["summary", "motivation", "details", "details-1", "own-id"]) assert.match(html, new RegExp(`<h[23] id="${id}">`));
  assert.match(html, /<h2 id="own-id">Custom heading<a class="anchor" href="#own-id" aria-hidden="true" tabindex="-1">#<\/a><\/h2>/, "the {#id} attribute is not shown");
  const chapter = book.chapters.find((c) => c.entry.source === "text/0001-markdown.md")!;
  assert.deepEqual(chapter.sections.map((s) => s.slug), ["summary", "motivation", "details", "details-1", "own-id"]);
  assert.match(html, /<li class="level-3"><a href="#details-1">Details<\/a><\/li>/);
});

test("the title heading has the id mdBook gives it, numbered first in document order; a title read from elsewhere has none", async () => {
  const rfc = (text: string) => `${text}\n- Feature Name: \`x\`\n\n## Summary\n\nText.\n`;
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-summary.md": rfc("# Summary"),
    "text/0002-module-system-cleanups.md": rfc("# Module system cleanups {#cleanups}"),
    "text/0003-two-titles.md": rfc("# Two titles: the first\n\n# A second H1\n"),
    "text/0004-untitled.md": rfc(""),
  });
  const { page } = await buildInMemory(root);
  assert.match(page("text/0001-summary.html"), /<h1 id="summary">Summary<\/h1>/);
  assert.match(page("text/0001-summary.html"), /<h2 id="summary-1">Summary/);
  assert.match(page("text/0002-module-system-cleanups.html"), /<h1 id="cleanups">Module system cleanups<\/h1>/);
  assert.match(page("text/0003-two-titles.html"), /<h1 id="two-titles-the-first">Two titles: the first<\/h1>/);
  assert.match(page("text/0004-untitled.html"), /<h1>Untitled<\/h1>/);
});

test("links between pages point at .html, assets stay, other files go to the repository", async () => {
  const { page, rendered } = await fixture();
  const html = page("0001-markdown.html");
  assert.match(html, /<a href="0002-design.html#reference-level-explanation">the design<\/a>/);
  assert.match(html, /<a href="0001-markdown\/figure.png">the picture<\/a>/);
  assert.match(html, /<img src="0001-markdown\/figure.png" alt="figure">/);
  assert.match(html, /<a href="https:\/\/github.com\/acme\/rfcs\/blob\/main\/0000-template.md">the template<\/a>/);
  assert.match(html, /<a href="0009-missing.md">missing<\/a>/, "a broken link is left as written (the link rule reports it)");
  assert.match(page("index.html"), /<a href="0001-markdown.html">the first RFC<\/a>, or see <a href="rfcs.html">them all<\/a>/);
  assert.match(page("0001-markdown/notes.html"), /<a href="..\/0001-markdown.html#summary">the RFC<\/a>/);
  assert.deepEqual(rendered.assets, [{ from: "text/0001-markdown/figure.png", to: "0001-markdown/figure.png" }]);
});

test("an RFC page shows its header, contents, neighbours, edit link and who refers to it", async () => {
  const { page } = await fixture();
  const html = page("0002-design.html");
  assert.match(html, /<p class="rfc-number">RFC 0002<\/p>\n<h1 id="design">Design<\/h1>/);
  assert.match(html, /<div><dt>Start Date<\/dt><dd>2025-01-02<\/dd><\/div>/);
  assert.match(html, /<div><dt>RFC PR<\/dt><dd><a href="https:\/\/github.com\/acme\/rfcs\/pull\/2">acme\/rfcs#2<\/a><\/dd><\/div>/);
  assert.match(html, /<a class="previous" rel="prev" href="0001-markdown\/notes.html">← Notes<\/a>/);
  assert.match(html, /<a class="next" rel="next" href="0000-draft.html">Draft →<\/a>/);
  assert.match(html, /<a href="https:\/\/github.com\/acme\/rfcs\/edit\/main\/text\/0002-design.md">Edit this page<\/a>/);
  assert.match(html, /<link rel="canonical" href="\/rfcs\/0002-design.html">/);
  // RFC 1 links to 2 (relative link); the draft mentions "RFC #2".
  assert.match(html, /<h2>Referenced by<\/h2><ul>\n<li><a href="0001-markdown.html">Markdown<\/a><\/li>\n<li><a href="0000-draft.html">Draft<\/a><\/li>\n<\/ul>/);
  // RFC 2 links to 1 by GitHub URL; the draft mentions "RFC 1"; notes.md (part of RFC 1) is not RFC 1 citing itself.
  assert.match(page("0001-markdown.html"), /<h2>Referenced by<\/h2><ul>\n<li><a href="0002-design.html">Design<\/a><\/li>\n<li><a href="0000-draft.html">Draft<\/a><\/li>\n<\/ul>/);
  assert.doesNotMatch(page("0000-draft.html"), /Referenced by/);
});

test("the index lists every RFC with its facts and status; pages do not repeat the list", async () => {
  const { page } = await fixture();
  const index = page("rfcs.html");
  assert.match(index, /<tr><td data-sort="000001">0001<\/td><td><a href="0001-markdown.html">Markdown<\/a><\/td><td><code>feature_1<\/code><\/td><td>2025-01-01<\/td><td>2025-02-01<\/td><td><a href="https:\/\/github.com\/acme\/rfcs\/pull\/1">acme\/rfcs#1<\/a><\/td><td><span class="status status-accepted">accepted<\/span><\/td><\/tr>/);
  assert.match(index, /<td><span class="status status-draft">draft<\/span><\/td><\/tr>\n<\/tbody>/, "the draft comes last");
  assert.match(page("_rfckit/toc.js"), /\["0001-markdown\/notes.html","","Notes",1\]/);
  // The sidebar comes from toc.js: a page names no other RFC but its neighbours and citers.
  assert.doesNotMatch(page("0000-draft.html"), /Markdown/);
});

test("the same input gives the same pages, byte for byte", async () => {
  const first = (await fixture()).rendered;
  const second = (await fixture()).rendered;
  assert.deepEqual(second, first);
  assert.deepEqual(first.pages.map((p) => p.path), [...first.pages.map((p) => p.path)].sort());
});

test("a page does not grow with the number of RFCs: the list lives in toc.js", async () => {
  const repoWith = async (count: number) => {
    const files: Record<string, string> = { "0000-template.md": smallTemplate };
    for (let n = 1; n <= count; n++) files[`text/${String(n).padStart(4, "0")}-rfc-${n}.md`] = `# RFC ${n} title\n\n${header(1)}\n## Summary\n\nText.\n`;
    return buildInMemory(await writeTempRepo(files));
  };
  const small = await repoWith(3);
  const large = await repoWith(60);
  // RFC 1 has the same neighbours in both books, so its page is the same bytes.
  assert.equal(large.page("text/0001-rfc-1.html"), small.page("text/0001-rfc-1.html"));
  assert.ok(large.page("_rfckit/toc.js").length > small.page("_rfckit/toc.js").length * 10);
});

test("metadata values are inline Markdown: text with links, code, a link in a status, relative links to other RFCs; YAML maps as lists", async () => {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-first.md": "# First\n\n## Summary\n\nText.\n",
    "text/0002-list.md": [
      "# Listed",
      "",
      "- Feature Name: `pipe_queries`",
      "- Backend PR: [org/repo#4039](https://github.com/org/repo/pull/4039) and [org/repo#4040](https://github.com/org/repo/pull/4040)",
      "- Status: [Accepted](https://github.com/org/rfcs/issues/1)",
      "- Related: builds on [the first](0001-first.md) *directly*",
      "",
      "## Summary",
      "",
      "Text with a note[^n].",
      "",
      "[^n]: The note.",
    ].join("\n"),
    "text/0004-bold.md": "# Bold\n\n- Feature Name: bold\n- Status: **Proposed**\n- Start Date: 2025-01-01\n- Teams: lang -- libs,, compiler\n- Shepherd: Ann Lee, ann/lee\n\n## Summary\n\nText.\n",
    "text/0003-yaml.md": ["---", "title: Front", "authors:", "  name: Ann", "  github: ann", "reviewers:", "  - name: Bob", "    github: bob", "  - Cy", "---", "", "## Summary", "", "Text."].join("\n"),
  });
  const { page } = await buildInMemory(root);
  const listed = page("text/0002-list.html");
  assert.match(listed, /<dt>Feature Name<\/dt><dd><code>pipe_queries<\/code><\/dd>/);
  assert.match(listed, /<dt>Backend PR<\/dt><dd><a href="https:\/\/github.com\/org\/repo\/pull\/4039">org\/repo#4039<\/a> and <a href="https:\/\/github.com\/org\/repo\/pull\/4040">org\/repo#4040<\/a><\/dd>/);
  assert.match(listed, /<dt>Status<\/dt><dd><a href="https:\/\/github.com\/org\/rfcs\/issues\/1">Accepted<\/a><\/dd>/);
  assert.match(listed, /<dt>Related<\/dt><dd>builds on <a href="0001-first.html">the first<\/a> <em>directly<\/em><\/dd>/);
  assert.equal(listed.match(/class="footnote-item"/g)?.length, 1, "the body's footnote is listed once, not under every metadata value");
  // Plain words, dates and slashes read as they are; smart punctuation still applies around them.
  const bold = page("text/0004-bold.html");
  assert.match(bold, /<dt>Start Date<\/dt><dd>2025-01-01<\/dd>/);
  assert.match(bold, /<dt>Teams<\/dt><dd>lang – libs, compiler<\/dd>/);
  assert.match(bold, /<dt>Shepherd<\/dt><dd>Ann Lee, ann\/lee<\/dd>/);
  const yaml = page("text/0003-yaml.html");
  assert.match(yaml, /<dt>authors<\/dt><dd>name: Ann<br>github: ann<\/dd>/);
  assert.match(yaml, /<dt>reviewers<\/dt><dd>name: Bob, github: bob<br>Cy<\/dd>/);
  assert.doesNotMatch(yaml, /&quot;name|\{/, "no YAML or JSON text");
  assert.match(page("index.html"), /<a href="text\/0002-list.html">Listed<\/a>.*<span class="status status-accepted">Accepted<\/span>/, "a status written as a link is its word");
  assert.match(page("index.html"), /<a href="text\/0004-bold.html">Bold<\/a>.*<span class="status status-proposed">Proposed<\/span>/, "so is one in bold");
});

test("a heading whose mdBook id differs from GitHub's (capitals outside ASCII, combining marks) answers to both; others have one id", async () => {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "text/0001-ids.md": "# Über uns\n\n## Summary\n\n## Ärger\n\n## Plain words\n\n## Ärger\n\n## Cafe\u0301 notes\n\n## Own { #kept-as-written }\n",
  });
  const html = (await buildInMemory(root)).page("text/0001-ids.html");
  assert.match(html, /<h1 id="über-uns"><span id="Über-uns"><\/span>Über uns<\/h1>/);
  assert.match(html, /<h2 id="ärger">Ärger<span id="Ärger"><\/span><a class="anchor"/);
  assert.match(html, /<h2 id="ärger-1">Ärger<span id="Ärger-1"><\/span><a class="anchor"/, "repeats numbered as mdBook numbers them");
  assert.match(html, /<h2 id="cafe\u0301-notes">Cafe\u0301 notes<span id="cafe-notes"><\/span>/, "mdBook drops the combining mark");
  assert.match(html, /<h2 id="plain-words">Plain words<a class="anchor"/, "one id where both agree");
  assert.match(html, /<h2 id="kept-as-written">Own<a class="anchor"/);
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "no id twice");
});
