import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { corpus, examplesDir } from "../support/paths.ts";
import { buildBook, serveBook, type BookSite } from "./book-site.ts";

const browser = useBrowser();
const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));
const metalbear = corpus("metalbear-rfcs");
const metalbearSite = metalbear.skip || browserSkip ? undefined : await serveBook(await buildBook(metalbear.dir));

const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** The serious and critical violations axe-core finds on the page as it is now, one line each with where. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the book's Content-Security-Policy would refuse that.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}) on ${v.nodes.length} elements, first ${v.nodes[0]?.target.join(" ")}`);
}

async function checkPages(book: BookSite, pages: readonly string[], label: string): Promise<void> {
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await withWatchedPage(
        browser(),
        book.isOwn,
        async (page) => {
          for (const out of pages) {
            await page.goto(book.url(out));
            await page.waitForLoadState("networkidle");
            await page.locator("pre.mermaid svg").first().waitFor({ timeout: 5000 }).catch(() => undefined);
            assert.deepEqual(await seriousViolations(page), [], `${label} ${out}, ${size}, ${colorScheme}`);
          }
        },
        { viewport, colorScheme },
      );
    }
  }
}

test("axe-core finds no serious or critical violation on the introduction, the index and an RFC with a diagram, phone and desktop, light and dark", { skip: browserSkip }, async () => {
  await checkPages(site, ["index.html", "rfcs.html", "0003-saved-search-alerts.html", "0002-ingest-pipelines.html", "0002-ingest-pipelines/appendix.html"], "examples");
});

test("axe-core finds no serious or critical violation in the search results, phone and desktop, light and dark", { skip: browserSkip }, async () => {
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await withWatchedPage(
        browser(),
        site.isOwn,
        async (page) => {
          await page.goto(site.url("0001-pipe-queries.html"));
          await page.locator("#search-input").fill("retention");
          await page.locator("#search-results a mark").first().waitFor();
          assert.deepEqual(await seriousViolations(page), [], `search results, ${size}, ${colorScheme}`);
        },
        { viewport, colorScheme },
      );
    }
  }
});

test("axe-core finds no serious or critical violation on MetalBear's book", { skip: browserSkip || metalbear.skip }, async () => {
  const pages = ["introduction.html", "rfcs.html", "0002-dashboard-backend.html", "0004-local-api.html"];
  await checkPages(metalbearSite!, pages, "MetalBear");
});
