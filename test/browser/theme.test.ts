import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, serveBook } from "./book-site.ts";

const browser = useBrowser();
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));

const white = "rgb(255, 255, 255)";
const dark = "rgb(13, 17, 23)";

test("the theme button switches to dark, and the choice lasts across pages and reloads", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("0001-pipe-queries.html"));
    assert.equal(await background(page), white);
    const lightText = await page.locator("main h1").evaluate((h1) => getComputedStyle(h1).color);

    await page.locator("#theme-toggle").click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset["theme"]), "dark");
    assert.equal(await background(page), dark);
    assert.notEqual(await page.locator("main h1").evaluate((h1) => getComputedStyle(h1).color), lightText);
    assert.equal(await page.evaluate(() => localStorage.getItem("rfckit-theme")), "dark");

    await page.reload();
    assert.equal(await background(page), dark);
    await page.goto(site.url("rfcs.html"));
    assert.equal(await background(page), dark);

    await page.locator("#theme-toggle").click();
    assert.equal(await background(page), white);
    await page.reload();
    assert.equal(await background(page), white);
  });
});

test("a reader whose system is dark gets the dark theme, and the button turns it light", { skip: browserSkip }, async () => {
  await withWatchedPage(
    browser(),
    site.isOwn,
    async (page) => {
      await page.goto(site.url("index.html"));
      assert.equal(await page.evaluate(() => document.documentElement.dataset["theme"]), undefined);
      assert.equal(await background(page), dark);
      await page.locator("#theme-toggle").click();
      assert.equal(await background(page), white);
      await page.reload();
      assert.equal(await background(page), white);
    },
    { colorScheme: "dark" },
  );
});

function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}
