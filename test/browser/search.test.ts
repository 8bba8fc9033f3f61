import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, serveBook } from "./book-site.ts";

const browser = useBrowser();
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));

test("typing in the search box lists the matching section with the word marked, and a click opens it", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("index.html"));
    const input = page.locator("#search-input");
    await input.fill("webassembly");
    const result = page.locator("#search-results a").first();
    await result.locator("mark").waitFor();
    assert.equal(await result.getAttribute("href"), "0001-pipe-queries.html?highlight=webassembly#grammar");
    assert.equal(await result.locator(".search-title").textContent(), "Pipe queries");
    assert.equal(await result.locator(".search-section").textContent(), "Grammar");
    assert.deepEqual(await result.locator("mark").allTextContents(), ["WebAssembly"]);

    await result.click();
    await page.waitForURL(site.url("0001-pipe-queries.html?highlight=webassembly#grammar"));
    assert.equal(await page.locator("main h1").textContent(), "Pipe queries");
    assert.ok(await page.locator("h3#grammar").isVisible());
    assert.ok(await isInViewport(page.locator("h3#grammar")), "the page scrolled to the section");
    assert.equal(await page.locator("#search-results").isHidden(), true, "the list closes once a result is followed");
    // The words searched for are marked on the page, as mdBook's ?highlight= marks them.
    const marked = await page.locator("main mark.search-highlight").allTextContents();
    assert.ok(marked.length >= 1 && marked.every((m) => m.toLowerCase() === "webassembly"), marked.join(", "));
  });
});

test("`/` focuses the search box, the arrow keys walk the results and Enter opens the first", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("0002-ingest-pipelines/appendix.html"));
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
    await page.keyboard.type("retention");
    const links = page.locator("#search-results a");
    await links.first().waitFor();
    // From a sub-chapter a folder down, results still lead to the book's pages.
    assert.match((await links.first().getAttribute("href")) ?? "", /^\.\.\/(?:index\.html|[\w-]+\.html)\?highlight=retention(?:#[\w-]+)?$/);
    assert.ok((await links.count()) >= 2);
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), await links.nth(0).getAttribute("href"));
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), await links.nth(1).getAttribute("href"));
    await page.keyboard.press("Escape");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");

    await page.keyboard.press("Escape");
    assert.equal(await page.locator("#search-input").inputValue(), "");
    assert.ok(await page.locator("#search-results").isHidden());

    await page.keyboard.type("webassembly");
    await page.keyboard.press("Enter");
    await page.waitForURL(site.url("0001-pipe-queries.html?highlight=webassembly#grammar"));
  });
});

test("a search that matches nothing says so", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("rfcs.html"));
    await page.locator("#search-input").fill("zyzzyva");
    await page.locator("#search-results .search-message").waitFor();
    assert.equal(await page.locator("#search-results").textContent(), "No RFC matches.");
    // Typing `/` in the box types it rather than jumping.
    await page.locator("#search-input").press("/");
    assert.equal(await page.locator("#search-input").inputValue(), "zyzzyva/");
  });
});

async function isInViewport(locator: import("playwright-core").Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
}
