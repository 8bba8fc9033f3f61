import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { buildBook, openFromFiles, serveBook } from "./book-site.ts";

const browser = useBrowser();
const book = await unlessBrowserSkipped(() => buildBook(examplesDir));
const site = await unlessBrowserSkipped(() => serveBook(book));
const diagramPage = "0003-saved-search-alerts.html";

/** The book's Mermaid files a page asked for, as paths in the book. */
function watchMermaidRequests(page: Page, base: string): string[] {
  const requested: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(base) && url.includes("/_rfckit/mermaid/")) requested.push(url.slice(base.length));
  });
  return requested;
}

test("a mermaid block is drawn as SVG, loading at most 250 KB gzip of Mermaid", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    const requested = watchMermaidRequests(page, site.url(""));
    await page.goto(site.url(diagramPage));
    const svg = page.locator("pre.mermaid svg");
    await svg.locator(".node").first().waitFor();
    const drawn = (await svg.textContent()) ?? "";
    assert.deepEqual(["pending", "firing", "resolved", "condition holds"].filter((label) => !drawn.includes(label)), [], drawn);
    assert.ok(requested.includes("_rfckit/mermaid/mermaid.esm.min.mjs"), requested.join(", "));
    const sizes = await Promise.all(requested.map(async (file) => gzipSync(await readFile(path.join(book, file))).length));
    const total = sizes.reduce((a, b) => a + b, 0);
    assert.ok(total <= 250_000, `Mermaid for the first diagram: ${total} bytes gzip in ${requested.length} files`);
  });
});

test("a page without a diagram loads nothing of Mermaid", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    const requested = watchMermaidRequests(page, site.url(""));
    await page.goto(site.url("0001-pipe-queries.html"));
    await page.waitForLoadState("networkidle");
    assert.deepEqual(requested, []);
  });
});

test("switching the theme draws the diagram again in the other theme's colours", { skip: browserSkip }, async () => {
  await withWatchedPage(browser(), site.isOwn, async (page) => {
    await page.goto(site.url(diagramPage));
    const node = page.locator("pre.mermaid svg .node rect, pre.mermaid svg rect.basic").first();
    await node.waitFor();
    const lightFill = await node.evaluate((rect) => getComputedStyle(rect).fill);
    await page.locator("#theme-select").selectOption("dark");
    await page.waitForFunction((before) => {
      const rect = document.querySelector("pre.mermaid svg .node rect, pre.mermaid svg rect.basic");
      return rect !== null && getComputedStyle(rect).fill !== before;
    }, lightFill);
    assert.equal(await page.locator("pre.mermaid svg").count(), 1, "one drawing, not two");
  });
});

test("from file://, where browsers refuse modules, the diagram's source stays with a note", { skip: browserSkip }, async () => {
  const files = openFromFiles(book);
  await withWatchedPage(
    browser(),
    files.isOwn,
    async (page) => {
      await page.goto(files.url(diagramPage));
      await page.locator(".mermaid-note").waitFor();
      assert.match(await page.locator(".mermaid-note").innerText(), /served over HTTP/);
      assert.match(await page.locator("pre.mermaid").innerText(), /^stateDiagram-v2\n/);
    },
    // Chromium reports the refused module as a console error: that is what this test is about.
    { ignore: /mermaid\.esm\.min\.mjs|CORS policy/ },
  );
});

test("on a phone, a diagram wider than the screen keeps its size and scrolls sideways, instead of shrinking unreadably", { skip: browserSkip }, async () => {
  await withWatchedPage(
    browser(),
    site.isOwn,
    async (page) => {
      await page.goto(site.url(diagramPage));
      const block = page.locator("pre.mermaid").first();
      await block.locator("svg .node").first().waitFor();
      const sizes = await block.evaluate((pre) => {
        const svg = pre.querySelector("svg")!;
        return { natural: parseFloat(svg.getAttribute("viewBox")!.split(/\s+/)[2]!), drawn: svg.getBoundingClientRect().width, block: pre.clientWidth, scrolls: pre.scrollWidth > pre.clientWidth, tabIndex: pre.tabIndex };
      });
      assert.ok(sizes.natural > sizes.block, `the example's diagram (${sizes.natural}px) is wider than a phone's block (${sizes.block}px)`);
      assert.ok(sizes.drawn >= sizes.natural - 1, `drawn ${sizes.drawn}px for ${sizes.natural}px`);
      assert.ok(sizes.scrolls && sizes.tabIndex === 0, "its block scrolls and takes focus");
    },
    { viewport: { width: 390, height: 844 } },
  );
});
