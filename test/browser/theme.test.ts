import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";
import { buildBook, serveBook } from "./book-site.ts";

const browser = useBrowser();
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));
// The examples with book.toml choosing mdBook's "coal" for light systems and "rust" (a light theme) for dark ones.
const themed = await unlessBrowserSkipped(async () => {
  const root = await copyToTemp(examplesDir);
  const toml = path.join(root, "book.toml");
  await writeFile(toml, (await readFile(toml, "utf8")).replace("[output.html]\n", '[output.html]\ndefault-theme = "coal"\npreferred-dark-theme = "rust"\n'));
  return serveBook(await buildBook(root));
});

const white = "rgb(255, 255, 255)";
const dark = "rgb(13, 17, 23)";

test("the theme menu switches to dark, the choice lasts across pages and reloads, and System goes back to the system's theme", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("0001-pipe-queries.html"));
    assert.equal(await background(page), white);
    assert.equal(await page.locator("#theme-select").inputValue(), "system");
    const lightText = await page.locator("main h1").evaluate((h1) => getComputedStyle(h1).color);

    assert.equal(await page.evaluate(() => document.documentElement.className), "light", "mdBook's class for the theme shown, for a repository's additional-css");
    await page.locator("#theme-select").selectOption("dark");
    assert.equal(await page.evaluate(() => document.documentElement.dataset["theme"]), "dark");
    assert.equal(await page.evaluate(() => document.documentElement.className), "navy");
    assert.equal(await background(page), dark);
    assert.notEqual(await page.locator("main h1").evaluate((h1) => getComputedStyle(h1).color), lightText);
    assert.equal(await page.evaluate(() => localStorage.getItem("rfckit-theme")), "dark");

    await page.reload();
    assert.equal(await background(page), dark);
    await page.goto(site.url("rfcs.html"));
    assert.equal(await background(page), dark);
    assert.equal(await page.locator("#theme-select").inputValue(), "dark", "the menu shows the choice");

    await page.locator("#theme-select").selectOption("system");
    assert.equal(await background(page), white);
    assert.equal(await page.evaluate(() => localStorage.getItem("rfckit-theme")), null, "nothing is remembered");
    await page.reload();
    assert.equal(await background(page), white);
  });
});

test("a reader whose system is dark gets the dark theme; Light turns it light, System back to dark", { skip: browserSkip }, async () => {
  await withWatchedPage(
    browser(),
    site.isOwn,
    async (page) => {
      await page.goto(site.url("index.html"));
      assert.equal(await page.evaluate(() => document.documentElement.dataset["theme"]), undefined);
      assert.equal(await background(page), dark);
      await page.locator("#theme-select").selectOption("light");
      assert.equal(await background(page), white);
      await page.reload();
      assert.equal(await background(page), white);
      await page.locator("#theme-select").selectOption("system");
      assert.equal(await background(page), dark);
    },
    { colorScheme: "dark" },
  );
});

test("book.toml's default-theme and preferred-dark-theme choose the theme of a reader who has chosen none", { skip: browserSkip }, async () => {
  for (const [scheme, expected] of [["light", dark], ["dark", white]] as const) {
    await withWatchedPage(
      browser(),
      themed.isOwn,
      async (page) => {
        await page.goto(themed.url("0001-pipe-queries.html"));
        assert.equal(await background(page), expected, `a ${scheme} system gets the configured theme`);
        assert.equal(await page.evaluate(() => document.documentElement.className), scheme === "light" ? "coal" : "rust", "and mdBook's class for it");
        await page.locator("#theme-select").selectOption(expected === dark ? "light" : "dark");
        assert.notEqual(await background(page), expected, "the reader's choice wins");
      },
      { colorScheme: scheme },
    );
  }
});

function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}
