import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, serveBook } from "./book-site.ts";

const browser = useBrowser();
// Built at the top level, not in a hook: the temporary folder and the server last until the file ends.
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));

test("the book opens on the README's page and leads to the RFC index, an RFC and back", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url(""));
    assert.equal(await page.title(), "Lantern RFCs · The Lantern RFC Book");
    assert.equal(await page.locator("main h1").textContent(), "Lantern RFCs");
    assert.match((await page.locator(".markdown-body p").first().textContent()) ?? "", /Lantern is our log search tool/);

    await page.locator(".top-bar .all-rfcs").click();
    await page.waitForURL(site.url("rfcs.html"));
    assert.equal(await page.locator("main h1").textContent(), "All RFCs");
    const titles = await page.locator("#rfc-table tbody td:nth-child(2)").allTextContents();
    assert.deepEqual(titles, ["Pipe queries", "Ingest pipelines", "Saved search alerts", "Retention tiers"]);

    await page.getByRole("link", { name: "Ingest pipelines" }).first().click();
    await page.waitForURL(site.url("0002-ingest-pipelines.html"));
    assert.equal(await page.locator("main h1").textContent(), "Ingest pipelines");
    assert.equal(await page.title(), "Ingest pipelines · The Lantern RFC Book");
    // The asset beside the RFC loads through its relative link.
    assert.ok(await page.locator('main img[src="0002-ingest-pipelines/pipeline.svg"]').evaluate((img: HTMLImageElement) => img.naturalWidth > 0));

    await page.goBack();
    assert.equal(page.url(), site.url("rfcs.html"));
    assert.equal(await page.locator("main h1").textContent(), "All RFCs");

    await page.goForward();
    await page.locator(".top-bar .book-title").click();
    await page.waitForURL(site.url("index.html"));
    assert.equal(await page.locator("main h1").textContent(), "Lantern RFCs");
  });
});

test("the RFC index filters and sorts its table", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("rfcs.html"));
    const titles = () => page.locator("#rfc-table tbody tr:not([hidden]) td:nth-child(2)").allTextContents();
    await page.locator("#rfc-filter").fill("draft");
    assert.deepEqual(await titles(), ["Retention tiers"]);
    await page.locator("#rfc-filter").fill("");
    await page.locator("#rfc-table th", { hasText: "Title" }).click();
    assert.deepEqual(await titles(), ["Ingest pipelines", "Pipe queries", "Retention tiers", "Saved search alerts"]);
    await page.locator("#rfc-table th", { hasText: "Title" }).press("Enter");
    assert.deepEqual(await titles(), ["Saved search alerts", "Retention tiers", "Pipe queries", "Ingest pipelines"]);
    assert.equal(await page.locator("#rfc-table th", { hasText: "Title" }).getAttribute("aria-sort"), "descending");
  });
});
