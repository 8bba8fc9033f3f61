import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, serveBook } from "./book-site.ts";

const browser = useBrowser();
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));

test("← and → open the previous and next chapter, but not while the reader types", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("0001-pipe-queries.html"));
    const next = await page.locator('a[rel="next"]').getAttribute("href");
    assert.ok(next);
    await page.keyboard.press("ArrowRight");
    await page.waitForURL(site.url(next));
    await page.keyboard.press("ArrowLeft");
    await page.waitForURL(site.url("0001-pipe-queries.html"));

    await page.locator("#search-input").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowLeft");
    assert.equal(page.url(), site.url("0001-pipe-queries.html"), "the arrows move the caret in the search box");
  });
});

test("s and / focus the search box; ? lists the keys in a dialog that Esc closes", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("rfcs.html"));
    for (const key of ["s", "/"]) {
      await page.locator("main h1").click();
      await page.keyboard.press(key);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input", key);
      assert.equal(await page.locator("#search-input").inputValue(), "", `${key} is not typed into the box`);
    }
    await page.locator("main h1").click();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    for (const key of ["←", "→", "s", "/", "?", "Esc"]) assert.ok(text.includes(key), `the list names ${key}`);
    await page.keyboard.press("Escape");
    assert.equal(await dialog.isVisible(), false);
  });
});

test("a code block has a Copy button that puts its code on the clipboard", { skip: browserSkip }, async () => {
  const context = await browser().newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url("")).origin });
  const page = await context.newPage();
  try {
    await page.goto(site.url("0001-pipe-queries.html"));
    const block = page.locator("main .code-block").first();
    const code = (await block.locator("pre code").textContent()) ?? "";
    assert.ok(code.length > 10);
    const button = block.getByRole("button", { name: "Copy the code" });
    await button.click();
    const handle = await button.elementHandle();
    await page.waitForFunction((element) => element?.textContent !== "Copy", handle);
    const said = await button.textContent();
    assert.equal(said, "Copied", "the button says so once the clipboard has the code");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    assert.equal(await page.locator("main pre.mermaid + button, main .code-block pre.mermaid").count(), 0, "diagrams get no button");
  } finally {
    await context.close();
  }
});
