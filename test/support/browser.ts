import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before } from "node:test";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium, which the browser tests drive (`apt-get install chromium`; `.ci/run` installs it). */
export const chromiumPath = "/usr/bin/chromium";

/**
 * A skip reason for `test(name, { skip })` when Chromium is absent, so the suite passes on a
 * machine without it and says why the browser tests did not run.
 */
export const browserSkip: string | false = existsSync(chromiumPath)
  ? false
  : `${chromiumPath} is absent: browser tests skipped (install it with apt-get install chromium)`;

/**
 * Runs `make` (building and serving a book) only when the browser tests run; when they skip, its
 * tests never read the result, so the test file loads without building anything.
 */
export async function unlessBrowserSkipped<T>(make: () => Promise<T>): Promise<T> {
  return browserSkip ? (undefined as T) : make();
}

/**
 * Starts headless Chromium. The background-networking flags stop the browser's own calls home,
 * which a machine without outside network refuses, so the only requests are the pages'.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * One browser for the test file: launched before its tests (unless Chromium is absent, when
 * they skip) and closed after them. Call at the top level; the getter is for inside tests.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    if (!browserSkip) browser = await launchBrowser();
  });
  after(() => browser?.close());
  return () => {
    assert.ok(browser, "the browser was not launched");
    return browser;
  };
}

/** The window of a watched context, the system's colour scheme (light unless said), and console errors to accept. */
export interface WatchOptions {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
  ignore?: RegExp;
}

/** What went wrong on the pages of one context: console errors, page errors, dialogs and requests to another host. */
export interface PageWatch {
  problems: string[];
}

/**
 * A context whose pages are watched: every console error, uncaught error, dialog
 * and request that `isOwn` rejects is a problem. Requests to another host are also aborted, so
 * a page that tries one sends nothing off this machine. `ignore` lets a test accept console
 * errors it causes on purpose (an image that does not exist).
 */
export async function openWatchedContext(
  browser: Browser,
  isOwn: (url: string) => boolean,
  options: WatchOptions = {},
): Promise<{ context: BrowserContext; watch: PageWatch }> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? "light", viewport: options.viewport ?? { width: 1280, height: 800 } });
  const watch: PageWatch = { problems: [] };
  // data: and about: URLs are not hosts: the browser makes them itself.
  const own = (url: string) => /^(?:data|about|blob):/.test(url) || isOwn(url);
  await context.route((url) => !own(url.href), (route) => route.abort());
  const follow = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = `${message.text()} (${message.location().url})`;
      if (!options.ignore?.test(text)) watch.problems.push(`console error: ${text}`);
    });
    page.on("pageerror", (error) => watch.problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      watch.problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (!own(request.url())) watch.problems.push(`request to another host: ${request.url()}`);
    });
  };
  context.on("page", follow);
  return { context, watch };
}

/**
 * Runs `use` on a new page of a watched context (see `openWatchedContext`), then fails when the
 * page logged an error, opened a dialog or asked another host for anything.
 */
export async function withWatchedPage(
  browser: Browser,
  isOwn: (url: string) => boolean,
  use: (page: Page) => Promise<void>,
  options: WatchOptions = {},
): Promise<void> {
  const { context, watch } = await openWatchedContext(browser, isOwn, options);
  try {
    const page = await context.newPage();
    // A step that cannot happen fails in seconds, not after Playwright's half minute.
    page.setDefaultTimeout(10_000);
    await use(page);
    assert.deepEqual(watch.problems, [], "the page logged an error, opened a dialog or asked another host");
  } finally {
    await context.close();
  }
}
