// Builds the example book and takes PNG screenshots of it, as a reader would see it on a phone
// and on a desktop, in the light and the dark theme, into .screenshots/ (git-ignored): the RFC
// introduction, the RFC index, an RFC page, its Mermaid diagram, the search with results open, the
// keys' help, the phone's sidebar, and an RFC page and print.html as printed (emulated print media).
// Needs Debian's Chromium (/usr/bin/chromium). Usage: npm run screenshots
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const executablePath = "/usr/bin/chromium";
const outDir = ".screenshots";
// The RFC shown: the example that has a Mermaid diagram.
const rfcPage = "0003-saved-search-alerts.html";
const windows = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 } },
};

if (!existsSync(executablePath)) {
  console.error(`${executablePath} is absent: install it with apt-get install chromium.`);
  process.exit(1);
}

const work = await mkdtemp(path.join(tmpdir(), "rfckit-screenshots-"));
const bookDir = path.join(work, "book");
const built = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "build", "--root", "examples", "--out", bookDir], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = createServer(async (request, response) => {
  let file = path.join(bookDir, decodeURIComponent(new URL(request.url ?? "/", "http://book").pathname));
  if (!file.startsWith(bookDir)) file = bookDir;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) file = path.join(file, "index.html");
  if (!(await stat(file).catch(() => null))?.isFile()) return void response.writeHead(404).end();
  const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const written = [];
try {
  for (const [size, options] of Object.entries(windows)) {
    for (const theme of ["light", "dark"]) {
      const context = await browser.newContext({ ...options, colorScheme: theme });
      const page = await context.newPage();
      page.on("console", (message) => {
        if (message.type() === "error") console.error(`${size} ${theme}: console error: ${message.text()}`);
      });
      page.on("pageerror", (error) => console.error(`${size} ${theme}: page error: ${error.message}`));
      const shoot = async (name) => {
        const file = path.join(outDir, `${name}-${size}-${theme}.png`);
        await page.screenshot({ path: file });
        written.push(file);
      };

      await page.goto(`${origin}index.html`);
      await shoot("intro");

      await page.goto(`${origin}rfcs.html`);
      await shoot("index");

      await page.goto(`${origin}${rfcPage}`);
      await shoot("rfc");
      const diagram = page.locator("pre.mermaid, .mermaid").first();
      if (await diagram.count()) {
        // Mermaid draws after the page loads; a diagram that never draws is shot as it stands.
        await page.locator(".mermaid svg").first().waitFor({ timeout: 10_000 }).catch(() => console.error(`${size} ${theme}: the Mermaid diagram was not drawn`));
        await diagram.scrollIntoViewIfNeeded();
        await shoot("rfc-diagram");
      }

      await page.goto(`${origin}index.html`);
      await page.locator("#search-input").fill("retention");
      await page.locator("#search-results mark").first().waitFor();
      await shoot("search");

      await page.goto(`${origin}${rfcPage}`);
      await page.locator("main h1").click();
      await page.keyboard.press("?");
      await shoot("keys");

      await page.emulateMedia({ media: "print" });
      await page.goto(`${origin}${rfcPage}`);
      await page.screenshot({ path: path.join(outDir, `print-rfc-${size}-${theme}.png`), fullPage: true });
      written.push(path.join(outDir, `print-rfc-${size}-${theme}.png`));
      await page.goto(`${origin}print.html`);
      await page.locator(".print-now").waitFor({ state: "attached" });
      await shoot("print-book");
      await page.emulateMedia({ media: "screen" });

      if (size === "phone") {
        await page.goto(`${origin}${rfcPage}`);
        await page.locator("#sidebar-toggle").click();
        await shoot("sidebar");
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
  await rm(work, { recursive: true, force: true });
}
console.log(`${written.length} screenshots written into ${outDir}/:\n${written.map((file) => `  ${file}`).join("\n")}`);
