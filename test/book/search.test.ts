import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { renderSearchIndex } from "../../src/book/search/search-index.ts";
import { parseQuery, search, toShardFiles, toSnippet, type SearchMeta, type Shard } from "../../src/book/search/query.ts";
import { corpus, packageRoot } from "../support/paths.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { buildInMemory } from "./build-in-memory.ts";
import { readSearchIndex, smallRepo } from "./search-support.ts";

/** Runs a query as the browser does: the shards it asks for, then the search. */
async function runQuery(index: ReturnType<typeof readSearchIndex>, text: string) {
  const query = parseQuery(text);
  const shards = new Map<string, Shard>(await Promise.all(toShardFiles(index.meta, query).map(async (file) => [file, await index.shard(file)] as const)));
  return search(index.meta, shards, query, { limit: 10, perPage: 3 }).map((hit) => ({ ...hit, at: `${index.meta.pages[hit.page]![0]}#${index.meta.docs[hit.doc]![1]}` }));
}

test("the index lists every section and cuts the sorted terms into shards, the same bytes every time", async () => {
  const root = await writeTempRepo(smallRepo);
  const { book, rendered } = await buildInMemory(root);
  const again = await buildInMemory(root);
  const searchFiles = (pages: typeof rendered.pages) => pages.filter((p) => p.path.startsWith("_rfckit/search/"));
  assert.deepEqual(searchFiles(again.rendered.pages), searchFiles(rendered.pages));

  const index = readSearchIndex(rendered);
  assert.deepEqual(index.meta, {
    pages: [
      ["text/0001-query-cache.html", "Query cache"],
      ["text/0002-alerts.html", "Saved alerts"],
    ],
    docs: [
      [0, "", "Query cache"],
      [0, "summary", "Summary"],
      [0, "motivation", "Motivation"],
      [0, "eviction", "Eviction"],
      [1, "", "Saved alerts"],
      [1, "summary", "Summary"],
      [1, "security", "Security"],
    ],
    shards: ["0001"],
  } satisfies SearchMeta);
  // A small book's terms fit one shard. Postings are [gap to the previous section, weight]: the
  // title and the feature name count 25 each, a heading 8, each use in the text 1.
  const shard = await index.shard("t-0.js");
  assert.deepEqual(Object.keys(shard).slice(0, 5), ["0001", "0002", "alerts", "bold", "cache"]);
  assert.deepEqual(shard["cache"], [0, 50, 1, 1, 2, 1]);

  // Bigger indexes are cut into ranges of the sorted terms; meta.js lists each range's first term.
  const split = readSearchIndex({ pages: renderSearchIndex(book, { maxShardPostings: 8 }), assets: [] });
  assert.deepEqual(split.meta.shards, ["0001", "compare", "queries", "run", "text"]);
  assert.match(split.file("t-2.js"), /^\(self\.rfckitSearch=self\.rfckitSearch\|\|\{\}\)\["t-2"\]="[A-Za-z0-9+/]+=*";\n$/);
  assert.deepEqual(await split.shard("t-2.js"), { queries: [1, 1, 1, 1, 3, 1], query: [0, 50], quotes: [6, 1], repeat: [2, 1], results: [1, 1, 2, 1] });
  assert.deepEqual(toShardFiles(split.meta, parseQuery("saved queries")), ["t-2.js", "t-3.js"]);
  assert.deepEqual(toShardFiles(split.meta, parseQuery("e")), []);
  assert.deepEqual((await runQuery(split, "saved queries")).map((h) => h.at), (await runQuery(index, "saved queries")).map((h) => h.at));
  assert.deepEqual(await index.texts(0), ["", "Cache the results of pipe queries.", "Dashboards repeat queries.", "Old results leave the cache first."]);
  // Every file of the index is sorted in with the rest of the book.
  const paths = rendered.pages.map((p) => p.path);
  assert.deepEqual(paths, [...paths].sort());
});

test("search ranks titles first, needs every word before some, and completes the last word", async () => {
  const index = readSearchIndex((await buildInMemory(await writeTempRepo(smallRepo))).rendered);
  // A title match comes before the sections that only mention the word.
  assert.deepEqual((await runQuery(index, "cache")).map((h) => h.at), ["text/0001-query-cache.html#", "text/0001-query-cache.html#summary", "text/0001-query-cache.html#eviction"]);
  // Sections holding both words come before those holding one.
  const both = await runQuery(index, "saved queries");
  assert.equal(both[0]!.at, "text/0002-alerts.html#summary");
  assert.equal(both[0]!.matched, 2);
  assert.deepEqual(both[0]!.words, ["saved", "queries"]);
  // An unfinished last word matches its completions; a finished one only itself.
  assert.deepEqual((await runQuery(index, "dash")).map((h) => h.at), ["text/0001-query-cache.html#motivation"]);
  assert.deepEqual(await runQuery(index, "dash "), []);
  // The RFC number finds the RFC; stop words alone find nothing.
  assert.deepEqual((await runQuery(index, "0002")).map((h) => h.at), ["text/0002-alerts.html#"]);
  assert.deepEqual(await runQuery(index, "the of"), []);
  assert.deepEqual(parseQuery("Café, the QUERY!"), { terms: ["cafe", "query"], prefix: null });
});

test("snippets mark the matched words and keep RFC text as text", async () => {
  const index = readSearchIndex((await buildInMemory(await writeTempRepo(smallRepo))).rendered);
  const text = (await index.texts(1))[2]!;
  // Markup characters reach the index file as string data, not as HTML.
  assert.equal(text, `Compare x<y & "quotes" </script and bold text.`);
  assert.deepEqual(toSnippet(text, ["quotes", "text"]), [
    { text: "Compare x<y & \"", mark: false },
    { text: "quotes", mark: true },
    { text: '" </script and bold ', mark: false },
    { text: "text", mark: true },
    { text: ".", mark: false },
  ]);
  const long = `${"filler ".repeat(40)}needle ${"after ".repeat(40)}`;
  const parts = toSnippet(long, ["needle"]);
  assert.equal(parts[0]!.text, "… ");
  assert.equal(parts.at(-1)!.text, " …");
  assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ["needle"]);
  // The browser code builds results with text nodes only.
  const client = await readFile(path.join(packageRoot, "src/client/search.ts"), "utf8");
  assert.doesNotMatch(client, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  assert.match(client, /textContent/);
});

const rust = corpus("rust-rfcs");

test("the Rust RFCs' first search downloads at most 500 KB gzip", { skip: rust.skip }, async () => {
  const { rendered } = await buildInMemory(rust.dir);
  const index = readSearchIndex(rendered);
  const gzip = (text: string) => gzipSync(text).length;
  const total = rendered.pages.filter((p) => p.path.startsWith("_rfckit/search/")).reduce((sum, p) => sum + gzip(p.html), 0);
  for (const text of ["closure", "async closures", "trait object safety", "co"]) {
    const query = parseQuery(text);
    const files = toShardFiles(index.meta, query);
    const hits = await runQuery(index, text);
    assert.ok(hits.length > 0, `"${text}" finds something`);
    const pages = [...new Set(hits.map((h) => h.page))];
    const bytes = gzip(index.file("meta.js")) + files.reduce((sum, f) => sum + gzip(index.file(f)), 0) + pages.reduce((sum, p) => sum + gzip(index.file(`x-${p}.js`)), 0);
    assert.ok(bytes <= 500_000, `"${text}" downloads ${bytes} bytes gzip`);
    assert.ok(bytes * 5 < total, `"${text}" downloads a small part of the ${total}-byte index`);
  }
});
