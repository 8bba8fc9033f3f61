import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { readClientScript } from "../../src/cli/read-client-script.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { toSite, toUpdatedSite, withSearchIndex } from "../../src/serve/site.ts";
import { toEditedRepository } from "../../src/serve/update-repository.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";

test("an edit renders only the pages it changes, and gives the same pages as a full build", async () => {
  const root = await copyToTemp(examplesDir);
  const inputs = { clientScript: await readClientScript() };
  const before = await toSite(await loadRepository({ root }), inputs);
  const repo = await loadRepository({ root });
  const site = await toSite(repo, inputs);
  assert.deepEqual(site.pages, before.pages, "a build is the same bytes each time");

  // RFC 2 now mentions RFC 3: RFC 3's "Referenced by" changes, and RFC 2's own page.
  const edited = "text/0002-ingest-pipelines.md";
  const file = path.join(root, edited);
  await writeFile(file, `${await readFile(file, "utf8")}\nSee also RFC 3 for alerts.\n`);
  const next = await toEditedRepository(repo, [edited]);
  assert.ok(next !== null);
  assert.equal(next.rfcs.find((r) => r.path === "text/0001-pipe-queries.md"), repo.rfcs.find((r) => r.path === "text/0001-pipe-queries.md"), "other RFCs keep their parsed document");
  const updated = await toUpdatedSite(site, next, inputs);
  // RFC 2 and RFC 3; not the unchanged introduction, RFC 1, the draft or the sub-chapter.
  assert.equal(updated.rendered, 2);
  assert.equal(updated.searchStale, true);
  assert.match(updated.site.pages.get("0003-saved-search-alerts.html")!, /Referenced by[\s\S]*0002-ingest-pipelines\.html/);

  const full = await toSite(await loadRepository({ root }), inputs);
  const sorted = (pages: Map<string, string>) => new Map([...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  assert.deepEqual(sorted(withSearchIndex(updated.site).pages), sorted(full.pages));
});

test("a new file, or a file that is not an RFC, asks for a full load", async () => {
  const root = await copyToTemp(examplesDir);
  const repo = await loadRepository({ root });
  assert.equal(await toEditedRepository(repo, ["text/0004-new.md"]), null);
  assert.equal(await toEditedRepository(repo, ["0000-template.md"]), null);
  assert.equal(await toEditedRepository(repo, ["README.md"]), repo, "the README is read on every update anyway");
});
