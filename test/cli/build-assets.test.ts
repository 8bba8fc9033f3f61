import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { Parser } from "htmlparser2";
import { bookFolder, fakeToken, folder, writeHostileAssetRepo } from "../support/hostile-assets.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { makeTempDir } from "../support/temp-repo.ts";

test("rfc build publishes no .git/config, no page, XML or script, and the SVG sanitised", async () => {
  const root = path.join(await makeTempDir(), "repo");
  await writeHostileAssetRepo(root);
  const result = await runRfc(["build"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  const tree = await readTree(path.join(root, "book"));

  // Not a byte of the git configuration, under any name.
  for (const [file, bytes] of tree) {
    if (bytes === null) continue;
    assert.ok(!bytes.includes(fakeToken), `${file} holds the token`);
    assert.ok(!bytes.includes("[core]") && !bytes.includes("repositoryformatversion"), `${file} holds .git/config`);
  }
  assert.equal(tree.has("x.png") || tree.has("text/x.png"), false);
  assert.equal(tree.has(`${bookFolder}/diagram.png`), false);

  // The RFC folder's files: its pages, the example's drawing, the text file and the sanitised SVG; nothing else.
  assert.deepEqual(
    [...tree.keys()].filter((f) => f.startsWith(`${bookFolder}/`)),
    [`${bookFolder}/`, `${bookFolder}/appendix.html`, `${bookFolder}/hostile.svg`, `${bookFolder}/notes.txt`, `${bookFolder}/pipeline.svg`],
  );
  for (const file of tree.keys()) {
    if (file.startsWith("_rfckit/") || file === "feed.xml") continue;
    assert.doesNotMatch(file, /\.(?:xml|js|mjs|css|xhtml)$/, `${file} is published`);
  }

  const svg = tree.get(`${bookFolder}/hostile.svg`)!.toString("utf8");
  assert.doesNotMatch(svg, /alert|evil\.example|onload|onerror|<script|<set|<img|<iframe|@import|javascript:/);
  assert.match(svg, /<text x="5" y="25">drawn<\/text>/);
  assert.match(svg, /\.box \{fill: #abc;\}/);
  let elements = 0;
  new Parser({ onopentag: () => elements++ }, { xmlMode: true }).end(svg);
  assert.ok(elements >= 6, "the drawing still parses");

  // The page still links the page it cannot show: to the file on GitHub.
  const page = tree.get(`${bookFolder}.html`)!.toString("utf8");
  assert.match(page, /href="https:\/\/github.com\/lantern-dev\/rfcs\/blob\/main\/text\/0002-ingest-pipelines\/demo.html"/);

  // What was left out is said, with why.
  assert.match(result.stderr, /warning {2}text\/0002-ingest-pipelines\/demo\.html is not published in the book: \.html files are web pages/);
  assert.match(result.stderr, /warning {2}text\/0002-ingest-pipelines\/diagram\.png is not published in the book: it is a symbolic link to \.git\/config/);
  assert.match(result.stderr, /text\/x\.png is not published in the book: it is a symbolic link to \.git\/config/);
  assert.match(result.stderr, /app\.js is not published/);
  assert.match(result.stderr, /data\.xml is not published/);
  assert.match(result.stdout, /3 assets copied/);
});

test("an SVG that is not well-formed is not published, and rfc build says why", async () => {
  const root = path.join(await makeTempDir(), "repo");
  await writeHostileAssetRepo(root);
  await writeFile(path.join(root, folder, "hostile.svg"), '<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>');
  const result = await runRfc(["build", "--out", "out"], { cwd: root });
  assert.equal(result.exitCode, 0, result.stderr);
  assert.match(result.stderr, /^text\/0002-ingest-pipelines\/hostile\.svg: not published in the book: the SVG is not well-formed XML \(line 1: the DOCTYPE defines entities or elements \(an internal subset\)\)\.$/m);
  const tree = await readTree(path.join(root, "out"));
  assert.equal(tree.has(`${bookFolder}/hostile.svg`), false);
  assert.match(result.stdout, /2 assets copied/);
});
