import { appendFile, cp, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { commitAll, gitIn, gitInit } from "./git.ts";
import { examplesDir } from "./paths.ts";

/** A token as actions/checkout leaves it in .git/config; no byte of it may reach a book. */
export const fakeToken = "ghs_FAKE0TOKEN0FOR0RFCKIT0TESTS0ONLY";

/** The asset folder of the example RFC that the hostile files are put in. */
export const folder = "text/0002-ingest-pipelines";

/** That folder in the examples' book, which has mdBook's places: the RFC folder at the book's root. */
export const bookFolder = "0002-ingest-pipelines";

/** A drawing that tries everything an SVG can do to run or fetch; `drawn` is what must survive. */
export const hostileSvg = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40" onload="alert('svg')">
  <script>alert('script')</script>
  <style>@import url(https://evil.example/x.css); .box { fill: #abc; background: url(https://evil.example/track.png) }</style>
  <rect class="box" width="100" height="40" fill="url(https://evil.example/#p)"/>
  <a xlink:href="javascript:alert('link')"><text x="5" y="25">drawn</text></a>
  <set attributeName="href" to="javascript:alert('set')"/>
  <foreignObject width="100" height="40"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert('img')"/><iframe src="https://evil.example/"></iframe></div></foreignObject>
</svg>
`;

/**
 * Copies the example repository into `root`, makes it a git repository whose .git/config holds
 * `fakeToken` (as the checkout action writes it), and adds links to .git/config (named as an RFC,
 * and as images directly in text/ and in an RFC's folder), and to that folder an HTML page, an XML
 * file, a script, a hostile SVG and a text file, and links to some of them from the RFC.
 */
export async function writeHostileAssetRepo(root: string): Promise<void> {
  await cp(examplesDir, root, { recursive: true });
  gitInit(root);
  gitIn(root, ["config", "http.https://github.com/.extraheader", `AUTHORIZATION: basic ${fakeToken}`]);
  commitAll(root, "RFCs", "2026-01-01");
  await symlink("../.git/config", path.join(root, "text/x.png"));
  await symlink("../../.git/config", path.join(root, folder, "diagram.png"));
  // As an RFC too: a page made from .git/config would publish it as well as an asset would.
  await symlink("../.git/config", path.join(root, "text/0009-config.md"));
  await writeFile(path.join(root, folder, "demo.html"), "<script>alert('html')</script>\n");
  await writeFile(path.join(root, folder, "data.xml"), '<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert("xml")</x:script></x:html>\n');
  await writeFile(path.join(root, folder, "app.js"), "alert('js');\n");
  await writeFile(path.join(root, folder, "hostile.svg"), hostileSvg);
  await writeFile(path.join(root, folder, "notes.txt"), "plain notes\n");
  await appendFile(path.join(root, `${folder}.md`), "\nSee [the demo](0002-ingest-pipelines/demo.html) and ![the flow](0002-ingest-pipelines/hostile.svg) and ![x](0002-ingest-pipelines/diagram.png).\n");
  if (!(await readFile(path.join(root, ".git/config"), "utf8")).includes(fakeToken)) throw new Error("the token did not reach .git/config");
}
