import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { buildBook, serveBook } from "./book-site.ts";

const browser = useBrowser();
const site = await unlessBrowserSkipped(async () => serveBook(await buildBook(examplesDir)));

const everyPage = [
  "Lantern RFCs",
  "0001Pipe queries",
  "0002Ingest pipelines",
  "Appendix: built-in patterns",
  "0003Saved search alerts",
  "0000Retention tiers",
];

for (const [page, current] of [
  ["index.html", "Lantern RFCs"],
  ["0002-ingest-pipelines.html", "0002Ingest pipelines"],
  ["0002-ingest-pipelines/appendix.html", "Appendix: built-in patterns"],
  ["rfcs.html", null],
] as const) {
  test(`on ${page}, the sidebar lists every page of the book${current ? " and marks this one" : ""}`, { skip: browserSkip }, async () => {
    await withWatchedPage(browser(), site.isOwn, async (tab) => {
      await tab.goto(site.url(page));
      const links = tab.locator("#sidebar ol a");
      assert.deepEqual(await links.allTextContents(), everyPage);
      const marked = tab.locator('#sidebar [aria-current="page"]');
      assert.deepEqual(await marked.allTextContents(), current ? [current] : []);
      // Every link leads to a page of the book, wherever the page stands.
      for (const href of await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href))) {
        assert.ok(site.isOwn(href), href);
        assert.equal((await tab.request.get(href)).status(), 200, href);
      }
      assert.equal(await tab.locator("#sidebar li.depth-1").textContent(), "Appendix: built-in patterns");
    });
  });
}

test("on a phone, the sidebar is hidden until the menu button opens it", { skip: browserSkip }, async () => {
  await withWatchedPage(
    browser(),
    site.isOwn,
    async (page) => {
      await page.goto(site.url("0001-pipe-queries.html"));
      const sidebar = page.locator("#sidebar");
      assert.ok(await sidebar.isHidden());
      await page.locator("#sidebar-toggle").click();
      assert.ok(await sidebar.isVisible());
      assert.equal(await page.locator("#sidebar-toggle").getAttribute("aria-expanded"), "true");
      await sidebar.getByRole("link", { name: "Retention tiers" }).click();
      await page.waitForURL(site.url("0000-retention-tiers.html"));
      assert.ok(await page.locator("#sidebar").isHidden(), "the new page starts with the sidebar closed");
    },
    { viewport: { width: 390, height: 844 } },
  );
});

test("an RFC low in a long sidebar opens at its top, with its title in view, and the sidebar scrolled to it", { skip: browserSkip }, async () => {
  const files: Record<string, string> = { "0000-template.md": "- Feature Name:\n\n## Summary\n\nWhat it is.\n" };
  for (let n = 1; n <= 80; n++) files[`text/${String(n).padStart(4, "0")}-rfc-${n}.md`] = `# RFC number ${n}\n\n- Feature Name: \`rfc_${n}\`\n\n## Summary\n\n${"Text. ".repeat(400)}\n`;
  const long = await serveBook(await buildBook(await writeTempRepo(files)));
  await withWatchedPage(browser(), long.isOwn, async (tab) => {
    await tab.goto(long.url("text/0075-rfc-75.html"));
    await tab.waitForSelector('#sidebar [aria-current="page"]');
    assert.equal(await tab.evaluate(() => window.scrollY), 0, "the page opened scrolled down");
    assert.ok(await tab.locator("h1").first().isVisible());
    const inView = await tab.evaluate(() => {
      const sidebar = document.querySelector("#sidebar")!.getBoundingClientRect();
      const current = document.querySelector('#sidebar [aria-current="page"]')!.getBoundingClientRect();
      return current.top >= sidebar.top && current.bottom <= sidebar.bottom;
    });
    assert.ok(inView, "the current RFC is not in view in the sidebar");
    assert.ok(await tab.evaluate(() => document.querySelector("#sidebar")!.scrollTop > 0));
  });
});
