import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { examplesDir } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { smallTemplate } from "../support/templates.ts";
import { copyToTemp, writeTempRepo } from "../support/temp-repo.ts";
import { escapeXml } from "../../src/book/render/escape.ts";
import { buildInMemory } from "./build-in-memory.ts";

/** An element of the parsed feed: its name, attributes, child elements and decoded text. */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes character and entity references, failing on a bare `&` or an unknown entity. */
function decode(raw: string): string {
  assert.doesNotMatch(raw, /</, `a raw < in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;\s]*);?/g, (whole, ref: string) => {
    assert.ok(whole.endsWith(";"), `a bare & in ${JSON.stringify(raw)}`);
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number(ref.slice(1)));
    assert.ok(ref in entities, `unknown entity &${ref};`);
    return entities[ref]!;
  });
}

/**
 * A strict reader for the XML the feed uses (declaration, elements, attributes, text): it fails
 * on anything that is not well-formed, so a feed that passes is one any XML parser accepts.
 */
function parseXml(xml: string): XmlElement {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), "the XML declaration comes first");
  const forbidden = [...xml].filter((c) => (c < " " && !"\t\n\r".includes(c)) || c === "\uFFFE" || c === "\uFFFF");
  assert.deepEqual(forbidden, [], "no character XML forbids");
  const body = xml.slice(xml.indexOf("?>") + 2);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < body.length) {
    const next = body.indexOf("<", at);
    const text = body.slice(at, next === -1 ? body.length : next);
    if (stack.length === 0) assert.match(text, /^\s*$/, "no text outside the root element");
    else stack[stack.length - 1]!.text += decode(text);
    if (next === -1) break;
    tag.lastIndex = next;
    const m = tag.exec(body);
    assert.ok(m, `a malformed tag at ${JSON.stringify(body.slice(next, next + 60))}`);
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      assert.equal(stack.pop()?.name, name, `</${name}> closes the element open`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        assert.ok(!(a[1]! in attrs), `attribute ${a[1]} appears once`);
        attrs[a[1]!] = decode(a[2]!);
      }
      const element: XmlElement = { name: name!, attrs, children: [], text: "" };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
      else {
        assert.equal(root, null, "one root element");
        root = element;
      }
      if (!selfClosing) stack.push(element);
    }
    at = tag.lastIndex;
  }
  assert.equal(stack.length, 0, "every element is closed");
  assert.ok(root);
  return root;
}

const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const childText = (e: XmlElement, name: string) => child(e, name)?.text;
const entriesOf = (feed: XmlElement) => feed.children.filter((c) => c.name === "entry");
const hrefOf = (entry: XmlElement) => child(entry, "link")!.attrs.href!;

const rfc = (title: string, dates: { start?: string; updated?: string }, summary = "What it does.") => `# ${title}

- Feature Name: \`feature\`
- Start Date: ${dates.start ?? "(fill me in with today's date, YYYY-MM-DD)"}
- Last Updated: ${dates.updated ?? "(fill me in with today's date if you are updating me, YYYY-MM-DD)"}
- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)
- RFC reference:
  - [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)

## Summary
[summary]: #summary

${summary}

## Motivation
[motivation]: #motivation

Why.
`;

const files = {
  "0000-template.md": smallTemplate,
  "book.toml": '[book]\ntitle = "Acme & <Co> RFCs"\n\n[output.html]\ngit-repository-url = "https://git.example/acme/rfcs"\nsite-url = "/rfcs/"\n',
  "text/0001-old.md": rfc("Old", { start: "2025-01-01", updated: "2025-03-01" }),
  "text/0001-old/notes.md": "# Notes\n\nA sub-chapter.\n",
  "text/0002-started.md": rfc("Started only", { start: "2025-02-01" }),
  "text/0003-newest.md": rfc('Tags & "quoted": 3 > 2, 1 < 2\u0001', { start: "2025-01-05", updated: "2025-04-01" }),
  "text/0004-undated.md": rfc("Undated", {}),
  "text/0005-bad-date.md": rfc("Bad date", { start: "2025-01-10", updated: "2025-02-30" }),
  "text/0000-draft.md": rfc("Draft", { start: "2025-05-01" }),
};

async function buildFeed(overrides = {}) {
  const built = await buildInMemory(await writeTempRepo(files), { readme: "# Acme\n\nThe RFCs.\n", overrides });
  return { ...built, xml: built.page("feed.xml"), feed: parseXml(built.page("feed.xml")) };
}

test("the feed lists the RFCs newest first by Last Updated, else Start Date, and leaves out undated ones", async () => {
  const { feed, rendered } = await buildFeed();
  assert.equal(feed.name, "feed");
  assert.equal(feed.attrs.xmlns, "http://www.w3.org/2005/Atom");
  const entries = entriesOf(feed);
  assert.deepEqual(entries.map(hrefOf), ["0000-draft.html", "0003-newest.html", "0001-old.html", "0002-started.html", "0005-bad-date.html"]);
  assert.deepEqual(entries.map((e) => childText(e, "updated")), ["2025-05-01T00:00:00Z", "2025-04-01T00:00:00Z", "2025-03-01T00:00:00Z", "2025-02-01T00:00:00Z", "2025-01-10T00:00:00Z"]);
  assert.deepEqual(entries.map((e) => childText(e, "published")), ["2025-05-01T00:00:00Z", "2025-01-05T00:00:00Z", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z", "2025-01-10T00:00:00Z"]);
  assert.equal(childText(feed, "updated"), childText(entries[0]!, "updated"), "the feed is as new as its newest entry");
  assert.deepEqual(entries.map((e) => child(e, "category")!.attrs.term), ["draft", "accepted", "accepted", "accepted", "accepted"]);
  // Every link resolves, against the feed at the book root, to a page of the book.
  const paths = new Set(rendered.pages.map((p) => p.path));
  for (const e of entries) assert.ok(paths.has(decodeURI(hrefOf(e))), hrefOf(e));
  const links = feed.children.filter((c) => c.name === "link");
  assert.deepEqual(links.map((l) => [l.attrs.rel, l.attrs.href]), [["self", "feed.xml"], ["alternate", "rfcs.html"]]);
  for (const l of links) assert.ok(paths.has(l.attrs.href!), l.attrs.href);
});

test("every entry has what Atom requires: a unique absolute id, a title, an updated date, and the feed an author", async () => {
  const { feed } = await buildFeed();
  const entries = entriesOf(feed);
  const ids = [childText(feed, "id"), ...entries.map((e) => childText(e, "id"))];
  for (const id of ids) assert.match(id!, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of entries) assert.ok(childText(e, "title") && childText(e, "updated"));
  assert.equal(childText(child(feed, "author")!, "name"), "Acme & <Co> RFCs");
  assert.equal(childText(feed, "title"), "Acme & <Co> RFCs");
});

test("titles and summaries are escaped, and characters XML forbids are dropped", async () => {
  const { feed, xml } = await buildFeed();
  const newest = entriesOf(feed).find((e) => hrefOf(e) === "0003-newest.html")!;
  assert.equal(childText(newest, "title"), 'Tags & "quoted": 3 > 2, 1 < 2');
  assert.match(xml, /<title>Tags &amp; &quot;quoted&quot;: 3 &gt; 2, 1 &lt; 2<\/title>/);
  assert.equal(childText(newest, "summary"), "What it does.");
});

test("the same input gives the same bytes, wherever the repository is", async () => {
  const first = await buildFeed();
  const second = await buildFeed();
  assert.equal(first.xml, second.xml);
});

test("with an absolute site-url, links are absolute; with a path, they stay relative to the feed unless the repository is on GitHub", async () => {
  const { feed } = await buildFeed({ siteUrl: "https://rfcs.example/acme" });
  assert.equal(feed.children.find((c) => c.attrs.rel === "self")!.attrs.href, "https://rfcs.example/acme/feed.xml");
  assert.equal(feed.children.find((c) => c.attrs.rel === "alternate")!.attrs.href, "https://rfcs.example/acme/rfcs.html");
  assert.equal(hrefOf(entriesOf(feed)[0]!), "https://rfcs.example/acme/0000-draft.html");
  const relative = await buildFeed({ siteUrl: "/rfcs/" });
  assert.equal(hrefOf(entriesOf(relative.feed)[0]!), "0000-draft.html");
  // An mdBook configuration's path on a GitHub repository: the book is its Pages site.
  const pages = await buildFeed({ siteUrl: "/rfcs/", gitRepositoryUrl: "https://github.com/Acme-Corp/rfcs" });
  assert.equal(pages.feed.children.find((c) => c.attrs.rel === "self")!.attrs.href, "https://acme-corp.github.io/rfcs/feed.xml");
  assert.equal(hrefOf(entriesOf(pages.feed)[0]!), "https://acme-corp.github.io/rfcs/0000-draft.html");
  // Ids do not depend on where the book is served, so moving it repeats no entry in a reader.
  assert.deepEqual(entriesOf(feed).map((e) => childText(e, "id")), entriesOf(relative.feed).map((e) => childText(e, "id")));
});

test("the summary is the Summary section as plain text, without code blocks, cut at a word near 300 characters", async () => {
  const long = `Use \`a | b\` to pipe, *not* [a link](https://x.example).\n\n\`\`\`rust\nfn hidden() {}\n\`\`\`\n\n${"word ".repeat(100)}`;
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-long.md": rfc("Long", { start: "2025-01-01" }, long) });
  const { page } = await buildInMemory(root);
  const summary = childText(entriesOf(parseXml(page("feed.xml")))[0]!, "summary")!;
  assert.ok(summary.startsWith("Use a | b to pipe, not a link. word word"), summary);
  assert.doesNotMatch(summary, /hidden/);
  assert.ok(summary.endsWith("word…"), summary);
  assert.ok(Array.from(summary).length <= 301, `${summary.length} characters`);
});

test("the feed holds the 50 most recently updated RFCs", async () => {
  const many: Record<string, string> = { "0000-template.md": smallTemplate };
  for (let n = 1; n <= 55; n++) {
    const day = new Date(Date.UTC(2025, 0, n)).toISOString().slice(0, 10);
    many[`text/${String(n).padStart(4, "0")}-rfc-${n}.md`] = rfc(`RFC ${n}`, { start: day });
  }
  const { page } = await buildInMemory(await writeTempRepo(many));
  const entries = entriesOf(parseXml(page("feed.xml")));
  assert.equal(entries.length, 50);
  assert.equal(hrefOf(entries[0]!), "text/0055-rfc-55.html");
  assert.equal(hrefOf(entries[49]!), "text/0006-rfc-6.html");
});

test("a book with no dated RFC has a valid, empty feed with a fixed date", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-undated.md": rfc("Undated", {}) });
  const feed = parseXml((await buildInMemory(root)).page("feed.xml"));
  assert.equal(entriesOf(feed).length, 0);
  assert.equal(childText(feed, "updated"), "1970-01-01T00:00:00Z");
});

test("every page links the feed in its head, and the index of RFCs shows a link to it", async () => {
  const { page } = await buildFeed();
  assert.match(page("0001-old.html"), /<link rel="alternate" type="application\/atom\+xml" title="Acme &amp; &lt;Co&gt; RFCs" href="feed.xml">/);
  assert.match(page("0001-old/notes.html"), /<link rel="alternate" type="application\/atom\+xml" [^>]*href="..\/feed.xml">/);
  assert.match(page("rfcs.html"), /<a class="feed-link" href="feed.xml" type="application\/atom\+xml">Feed<\/a>/);
});

test("rfc build writes feed.xml for the examples, each link to a page it wrote, under the repository's GitHub Pages address", async () => {
  const root = await copyToTemp(examplesDir);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const tree = await readTree(path.join(root, "book"));
  const feed = parseXml(await readFile(path.join(root, "book/feed.xml"), "utf8"));
  assert.equal(childText(feed, "title"), "The Lantern RFC Book");
  const entries = entriesOf(feed);
  const pages = "https://lantern-dev.github.io/rfcs/";
  assert.deepEqual(entries.map(hrefOf), ["0000-retention-tiers.html", "0003-saved-search-alerts.html", "0002-ingest-pipelines.html", "0001-pipe-queries.html"].map((p) => pages + p));
  assert.equal(childText(feed, "updated"), "2026-10-14T00:00:00Z");
  for (const e of entries) assert.ok(tree.has(hrefOf(e).slice(pages.length)), hrefOf(e));
  assert.match(childText(entries[3]!, "summary")!, /stages separated by \|, each taking/);
});

test("escapeXml escapes markup and quotes and drops what XML 1.0 forbids, keeping surrogate pairs", () => {
  assert.equal(escapeXml("a\u0000&<>\"'\uD800b\u{1F600}\t\n\uFFFE"), "a&amp;&lt;&gt;&quot;&#39;b\u{1F600}\t\n");
});
