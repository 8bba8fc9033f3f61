import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { browserSkip, openWatchedContext, unlessBrowserSkipped, useBrowser } from "../support/browser.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";
import { buildBook, serveBook } from "./book-site.ts";

const videos = `# Demo videos

- Feature Name: demo_videos
- Start Date: 2025-03-01
- RFC PR: [lantern-dev/rfcs#98](https://github.com/lantern-dev/rfcs/pull/98)

## Summary

<details>
<summary>Demo: a pipe query from start to end</summary>

<p><iframe src="https://youtu.be/AbCdEfGhIjK?si=x" width="100%" height="400" allowfullscreen></iframe></p>

</details>

<span class="video-embed" data-embed="https://attacker.example/player"><a class="video-play" href="#forged">A forged player</a></span>
`;

const browser = useBrowser();
const site = await unlessBrowserSkipped(async () => {
  const root = await copyToTemp(examplesDir);
  await writeFile(path.join(root, "text/0098-demo-videos.md"), videos);
  return serveBook(await buildBook(root));
});

test("a video asks nothing of its host until clicked, then plays in a sandboxed no-cookie frame", { skip: browserSkip }, async () => {
  const { context, watch } = await openWatchedContext(browser(), site.isOwn);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(site.url("0098-demo-videos.html"));
    await page.waitForLoadState("networkidle");
    assert.equal(await page.locator("iframe").count(), 0);
    assert.equal(watch.problems.length, 0, `no request before the click: ${watch.problems.join("; ")}`);

    await page.locator("summary").click();
    await page.getByText("Demo: a pipe query from start to end", { exact: false }).last().click();
    const frame = page.locator(".video-embed iframe");
    await frame.waitFor({ state: "attached" });
    assert.equal(await frame.getAttribute("src"), "https://www.youtube-nocookie.com/embed/AbCdEfGhIjK?autoplay=1");
    assert.equal(await frame.getAttribute("sandbox"), "allow-scripts allow-same-origin allow-presentation allow-popups");
    assert.equal(await frame.getAttribute("title"), "Demo: a pipe query from start to end");
    // The only request to another host is the player's, which the test's network refuses.
    assert.deepEqual(
      watch.problems.filter((p) => !p.startsWith("request to another host: https://www.youtube-nocookie.com/embed/AbCdEfGhIjK") && !/console error: .*youtube-nocookie/.test(p)),
      [],
    );
  } finally {
    await context.close();
  }
});

test("a placeholder written in an RFC's own HTML never frames an address that is not a known player", { skip: browserSkip }, async () => {
  const { context, watch } = await openWatchedContext(browser(), site.isOwn);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(site.url("0098-demo-videos.html"));
    await page.getByText("A forged player").click();
    await page.waitForURL(/#forged$/);
    assert.equal(await page.locator("iframe").count(), 0);
    assert.deepEqual(watch.problems, []);
  } finally {
    await context.close();
  }
});
