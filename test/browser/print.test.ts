import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, openFromFiles, serveBook } from "./book-site.ts";

const browser = useBrowser();
const book = await unlessBrowserSkipped(() => buildBook(examplesDir));
const site = await unlessBrowserSkipped(() => serveBook(book));

test("print.html gathers every chapter in the sidebar's order, with unique ids and links between chapters kept within the page", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("0001-pipe-queries.html"));
    await page.getByRole("link", { name: "Print the whole book" }).click();
    await page.waitForURL(site.url("print.html"));
    await page.getByRole("button", { name: "Print" }).waitFor();
    const sidebar = await page.locator("#sidebar li a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).textContent ?? ""));
    const titles = await page.locator(".print-chapter .page-header h1").allTextContents();
    assert.equal(titles.length, sidebar.length, "one chapter per page of the sidebar");
    assert.deepEqual(titles.slice(0, 2), ["Lantern RFCs", "Pipe queries"]);
    assert.match((await page.locator("#print-status").textContent()) ?? "", new RegExp(`All ${titles.length} chapters`));

    const ids = await page.locator("[id]").evaluateAll((elements) => elements.map((e) => e.id));
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "no id twice");
    const inPage = await page.locator(".print-chapter a[href^='#c']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    assert.ok(inPage.length > 0, "links to other chapters now lead within the page");
    for (const href of inPage) assert.equal(await page.locator(`[id="${href.slice(1)}"]`).count(), 1, `${href} lands`);
    assert.ok(await page.locator(".print-chapter img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), "images load from their chapter's folder");
  });
});

test("printed, a page is light even in the dark theme, without the navigation, and with each link's address", { skip: browserSkip }, async () => {
  await withWatchedPage(
    browser(),
    site.isOwn,
    async (page) => {
      await page.goto(site.url("0001-pipe-queries.html"));
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(13, 17, 23)");
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(255, 255, 255)");
      for (const selector of [".top-bar", "#sidebar", ".prev-next"]) assert.equal(await page.locator(selector).isVisible(), false, selector);
      const external = page.locator('main a[href^="https://"]').first();
      const href = await external.getAttribute("href");
      assert.equal(await external.evaluate((a) => getComputedStyle(a, "::after").content), `" (${href})"`);

      // A diagram drawn in the dark theme would print as light lines on white paper: it is inverted.
      await page.emulateMedia({ media: "screen" });
      await page.goto(site.url("0003-saved-search-alerts.html"));
      const svg = page.locator("pre.mermaid svg").first();
      await svg.locator(".node").first().waitFor();
      assert.equal(await svg.evaluate((e) => getComputedStyle(e).filter), "none");
      await page.emulateMedia({ media: "print" });
      assert.match(await svg.evaluate((e) => getComputedStyle(e).filter), /invert\(1\)/);
    },
    { colorScheme: "dark" },
  );
});

test("print.html opened from files says why the chapters are not there", { skip: browserSkip }, async () => {
  const files = openFromFiles(book);
  await withWatchedPage(
    browser(),
    files.isOwn,
    async (page) => {
      await page.goto(files.url("print.html"));
      await page.locator("#print-status", { hasText: "served over HTTP" }).waitFor();
      assert.equal(await page.locator(".print-chapter").count(), 0);
    },
    { ignore: /Fetch API cannot load file|Failed to fetch|CORS|file:/ },
  );
});
