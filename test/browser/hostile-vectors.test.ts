import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, test } from "node:test";
import type { Page } from "playwright-core";
import { startServer } from "../../src/index.ts";
import { browserSkip, openWatchedContext, unlessBrowserSkipped, useBrowser } from "../support/browser.ts";
import { hostileVectors, otherHost } from "../support/hostile-vectors.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";
import { buildBook, openFromFiles, serveBook, type BookSite } from "./book-site.ts";

// Each vector of test/support/hostile-vectors.ts as an RFC of its own, with nothing else on its
// page; a README alert; and an RFC whose file name is a javascript: URL, which the book's own
// navigation links to. Opened from a static server, from file:// and from `rfc serve`.

// The examples' book has mdBook's places: `text/0001-vector.md` is the page `0001-vector.html`.
const page = (index: number) => `${String(index + 1).padStart(4, "0")}-vector.html`;
const rfc = (body: string) => `- Feature Name: \`vector\`\n- Start Date: 2026-01-01\n\n## Summary\n\n${body}\n`;
const scriptName = "javascript:window.__pwned=1;alert(1)";
// Images the vectors name that are not in the book (\`x\`, a backslash path read as a file name),
// and Mermaid, which browsers do not load as a module from file://.
const expected = { ignore: /Failed to load resource: .*(?:403|404|ERR_FILE_NOT_FOUND).*\/(?:x|%5C%5Cother\.example%5Cpixel\.png)\)$|mermaid\.esm\.min\.mjs/ };

const browser = useBrowser();
const sites = await unlessBrowserSkipped(async () => {
  const root = await copyToTemp(examplesDir);
  for (const [index, vector] of hostileVectors.entries()) await writeFile(path.join(root, "text", page(index).replace(/\.html$/, ".md")), rfc(vector.body));
  await writeFile(path.join(root, "text", `${scriptName}.md`), rfc("A page whose name is a script URL."));
  const readme = await readFile(path.join(root, "README.md"), "utf8");
  await writeFile(path.join(root, "README.md"), `${readme}\n> [!NOTE] <img src=x onerror="window.__pwned=1">\n> An alert in the README.\n`);
  const dir = await buildBook(root);
  const served = await startServer({ root, port: 0 });
  after(() => served.close());
  const live: BookSite = { url: (p) => new URL(p, `${served.url.replace(/\/?$/, "/")}`).href, isOwn: (url) => new URL(url).origin === new URL(served.url).origin };
  return [["served over HTTP", await serveBook(dir)], ["opened from file://", openFromFiles(dir)], ["served by rfc serve", live]] as const;
});

for (const [place, site] of sites ?? [["(no browser)", null] as const]) {
  test(`${place}: no hostile vector runs script, leaves the page or asks another host`, { skip: browserSkip }, async () => {
    const { context, watch } = await openWatchedContext(browser(), site!.isOwn, expected);
    try {
      const tab = await context.newPage();
      tab.setDefaultTimeout(10_000);
      const failures: string[] = [];
      for (const [index, vector] of hostileVectors.entries()) {
        const url = site!.url(page(index));
        await tab.goto(url);
        await settle(tab, vector.route === "mermaid");
        await clickEverything(tab, url);
        const pwned = await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
        if (pwned !== undefined) watch.problems.push("script ran");
        if (watch.problems.length > 0) failures.push(`${vector.name}: ${watch.problems.splice(0).join("; ")}`);
      }
      assert.deepEqual(failures, []);
    } finally {
      await context.close();
    }
  });

  test(`${place}: the book's navigation to a page named like a script URL stays a link`, { skip: browserSkip }, async () => {
    const { context, watch } = await openWatchedContext(browser(), site!.isOwn, expected);
    try {
      const tab = await context.newPage();
      tab.setDefaultTimeout(10_000);
      await tab.goto(site!.url(page(0)));
      const inSidebar = tab.locator('#sidebar a[href*="javascript%3A"]');
      assert.match((await inSidebar.getAttribute("href")) ?? "", /^(?:\.\.\/)?text\/javascript%3A|^javascript%3A/);
      await inSidebar.click();
      await tab.waitForURL(/javascript%3A/);
      await tab.locator("a.previous").click();
      const next = tab.locator("a.next");
      assert.match((await next.getAttribute("href")) ?? "", /^javascript%3A/);
      await next.click();
      await tab.waitForURL(/javascript%3A/);
      assert.equal(await tab.locator("main h1").count(), 1);
      await tab.locator("#sidebar a", { hasText: "vector" }).first().waitFor();
      assert.equal(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
      assert.deepEqual(watch.problems, []);
    } finally {
      await context.close();
    }
  });

  test(`${place}: a README alert's title is text, and an RFC's id cannot switch search off`, { skip: browserSkip }, async () => {
    const { context, watch } = await openWatchedContext(browser(), site!.isOwn, expected);
    try {
      const tab = await context.newPage();
      tab.setDefaultTimeout(10_000);
      await tab.goto(site!.url("index.html"));
      assert.match((await tab.locator(".markdown-alert-title").textContent()) ?? "", /<img src=x onerror=/);
      const clobbered = hostileVectors.findIndex((v) => v.name === "clobbered search");
      await tab.goto(site!.url(page(clobbered)));
      assert.ok((await tab.locator("#sidebar li").count()) > 3, "the sidebar was filled");
      await tab.locator("#search-input").fill("retention");
      await tab.locator("#search-results li").first().waitFor();
      assert.deepEqual(watch.problems, []);
    } finally {
      await context.close();
    }
  });

  test(`${place}: an image from another host is asked for only when clicked`, { skip: browserSkip }, async () => {
    const { context, watch } = await openWatchedContext(browser(), site!.isOwn, expected);
    try {
      const tab = await context.newPage();
      tab.setDefaultTimeout(10_000);
      await tab.goto(site!.url(page(hostileVectors.findIndex((v) => v.name === "markdown remote image"))));
      await tab.waitForLoadState("networkidle");
      assert.equal(watch.problems.join("; "), "", "nothing asked before the click");
      const button = tab.getByRole("button", { name: /a tracking pixel \(image from other\.example: click to show\)/ });
      // Waited for as a request: under load, "network idle" can come before the image is asked for.
      const asked = tab.waitForRequest((request) => request.url() === `https://${otherHost}/pixel.png`);
      await button.click();
      await tab.locator(`main img[src="https://${otherHost}/pixel.png"]`).waitFor({ state: "attached" });
      await asked;
      await tab.waitForLoadState("networkidle");
      // The test's network refuses other hosts: the one request is the image's, after the click.
      const others = watch.problems.filter((p) => !p.includes(`${otherHost}/pixel.png`));
      assert.deepEqual(others, []);
      assert.ok(watch.problems.some((p) => p.startsWith(`request to another host: https://${otherHost}/pixel.png`)), watch.problems.join("; "));
    } finally {
      await context.close();
    }
  });
}

/** Clicks every link, button and summary of the page's content that stays on this page, coming back if one navigates. */
async function clickEverything(tab: Page, url: string): Promise<void> {
  const targets = tab.locator("main a:not(.remote-image), main summary, main [onclick], main svg text, main .mermaid .node");
  const count = await targets.count();
  for (let i = 0; i < count; i++) {
    const target = targets.nth(i);
    const href = await target.getAttribute("href").catch(() => null);
    // Links to other sites are a reader's choice, not the page's doing; none of the vectors has one.
    if (href && /^https?:/.test(href)) continue;
    await target.click({ force: true, timeout: 2_000 }).catch(() => undefined);
    if (tab.url().split("#")[0] !== url.split("#")[0]) await tab.goto(url);
  }
  await settle(tab, false);
}

/** Lets anything the page queued run: a refresh, a handler, a frame's script, Mermaid's drawing. */
async function settle(tab: Page, diagrams: boolean): Promise<void> {
  if (diagrams) await tab.locator("pre.mermaid svg").first().waitFor({ state: "attached" }).catch(() => undefined);
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}
