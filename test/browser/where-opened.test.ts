import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, openFromFiles, serveBook, type BookSite } from "./book-site.ts";

const browser = useBrowser();
const sites = await unlessBrowserSkipped(async () => {
  const dir = await buildBook(examplesDir);
  return { "under the base path /rfcs/": await serveBook(dir, "/rfcs/"), "from file://": openFromFiles(dir) };
});
const places = ["under the base path /rfcs/", "from file://"] as const;

for (const place of places) {
  const site = (): BookSite => sites[place];

  test(`opened ${place}, the index, an RFC page and the sidebar lead where they say`, { skip: browserSkip }, async () => {
    await withWatchedPage(browser(), site().isOwn, async (page) => {
      await page.goto(site().url("index.html"));
      assert.equal(await page.locator("main h1").textContent(), "Lantern RFCs");
      await page.locator(".top-bar .all-rfcs").click();
      await page.waitForURL(site().url("rfcs.html"));
      await page.locator("#rfc-table").getByRole("link", { name: "Retention tiers" }).click();
      await page.waitForURL(site().url("0000-retention-tiers.html"));
      assert.equal(await page.locator("main h1").textContent(), "Retention tiers");
      // The stylesheet applied: the sidebar has its own background.
      assert.notEqual(await page.locator("#sidebar").evaluate((nav) => getComputedStyle(nav).backgroundColor), "rgba(0, 0, 0, 0)");
      await page.locator("#sidebar").getByRole("link", { name: "Appendix: built-in patterns" }).click();
      await page.waitForURL(site().url("0002-ingest-pipelines/appendix.html"));
      await page.locator("#sidebar").getByRole("link", { name: "All RFCs" }).click();
      await page.waitForURL(site().url("rfcs.html"));
    });
  });

  test(`opened ${place}, search finds a section and opens it`, { skip: browserSkip }, async () => {
    await withWatchedPage(browser(), site().isOwn, async (page) => {
      await page.goto(site().url("0002-ingest-pipelines/appendix.html"));
      await page.locator("#search-input").fill("webassembly");
      const result = page.locator("#search-results a").first();
      await result.locator("mark").waitFor();
      assert.equal(await result.locator(".search-section").textContent(), "Grammar");
      await result.click();
      await page.waitForURL(site().url("0001-pipe-queries.html?highlight=webassembly#grammar"));
      assert.equal(await page.locator("main h1").textContent(), "Pipe queries");
    });
  });

  test(`opened ${place}, the theme chosen lasts across pages`, { skip: browserSkip }, async () => {
    await withWatchedPage(browser(), site().isOwn, async (page) => {
      await page.goto(site().url("index.html"));
      await page.locator("#theme-select").selectOption("dark");
      await page.goto(site().url("0001-pipe-queries.html"));
      assert.equal(await page.evaluate(() => document.documentElement.dataset["theme"]), "dark");
    });
  });
}

test("served under /rfcs/, the folder's address opens the README's page", { skip: browserSkip }, async () => {
  const site = sites["under the base path /rfcs/"];
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url(""));
    assert.equal(await page.locator("main h1").textContent(), "Lantern RFCs");
    await page.locator(".top-bar .all-rfcs").click();
    await page.waitForURL(site.url("rfcs.html"));
  });
});
