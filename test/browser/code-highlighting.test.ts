import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, openFromFiles, serveBook } from "./book-site.ts";

const browser = useBrowser();
const book = await unlessBrowserSkipped(() => buildBook(examplesDir));
const site = await unlessBrowserSkipped(() => serveBook(book));
const codePage = "0002-ingest-pipelines.html";

function watchHighlighterRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/_rfckit/highlighter.js")) requested.push(request.url());
  });
  return requested;
}

test("code in a known language is highlighted in the browser, the code's text unchanged", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    const requested = watchHighlighterRequests(page);
    await page.goto(site.url(codePage));
    const code = page.locator("main pre code.language-yaml");
    await code.locator("span.hljs-attr").first().waitFor();
    assert.deepEqual(await code.locator("span.hljs-attr").allTextContents(), ["pipeline:", "match:", "steps:", "parse:", "drop:", "rename:", "req_id:"]);
    assert.match((await code.textContent()) ?? "", /^pipeline: checkout\nmatch: service:checkout\n/);
    assert.equal(requested.length, 1);
  });
});

test("a page without code in a language loads no highlighter", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    const requested = watchHighlighterRequests(page);
    await page.goto(site.url("0003-saved-search-alerts.html"));
    await page.locator("pre.mermaid svg").waitFor();
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requested, []);
  });
});

test("a search word in highlighted code is marked, and the code stays highlighted", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url(`${codePage}?highlight=checkout`));
    const code = page.locator("main pre code.language-yaml");
    await code.locator("mark.search-highlight").first().waitFor();
    assert.deepEqual(await code.locator("mark.search-highlight").allTextContents(), ["checkout", "checkout"]);
    assert.ok((await code.locator("span.hljs-attr").count()) > 0);
  });
});

test("opened from file://, code is highlighted too", { skip: browserSkip }, async () => {
  const files = openFromFiles(book);
  await withWatchedPage(browser(), files.isOwn, async (page) => {
    await page.goto(files.url(codePage));
    await page.locator("main pre code.language-yaml span.hljs-attr").first().waitFor();
  });
});

test("print.html highlights the code of the chapters it gathers", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url("print.html"));
    await page.getByRole("button", { name: "Print" }).waitFor();
    await page.locator(".print-chapter pre code.language-yaml span.hljs-attr").first().waitFor();
    const plain = await page.locator(".print-chapter pre code.language-yaml:not([data-highlighted])").count();
    assert.equal(plain, 0);
  });
});
