import assert from "node:assert/strict";
import { test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

test("rfc doctor says which of book.toml's mdBook settings the book uses and which it ignores, and why", async () => {
  const toml = [
    "[book]",
    'title = "Acme RFCs"',
    'language = "en"',
    "[output.html]",
    'site-url = "/rfcs/"',
    "smart-punctuation = true",
    'additional-js = ["mermaid.min.js"]',
    "[output.html.redirect]",
    '"/a.html" = "b.html"',
    '"/c.html" = "d.html"',
    "[output.html.playground]",
    "runnable = false",
    "[preprocessor.mermaid]",
    'command = "mdbook-mermaid"',
    "[rfckit]",
    'rfc-dir = "text"',
    "[something]",
    "else = 1",
  ].join("\n");
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "book.toml": `${toml}\n`, "text/0001-good.md": goodRfc });
  const text = await runRfc(["doctor"], { cwd: root });
  assert.equal(text.exitCode, 0, text.stderr);
  const section = text.stdout.slice(text.stdout.indexOf("mdBook settings in book.toml:")).split("\n").slice(1, 10);
  assert.deepEqual(
    section.map((l) => l.trim().split(/\s{2,}/)),
    [
      ["book.title", "used: the book's title"],
      ["book.language", "used: each page's lang"],
      ["output.html.site-url", "used: canonical links, the feed's and 404.html's links"],
      ["output.html.smart-punctuation", "used: typographic quotes and dashes (on unless false)"],
      ["output.html.additional-js", "ignored: superseded: the book runs only its own scripts, and Mermaid is built in"],
      ["output.html.redirect", "used: redirect pages, as mdBook writes them"],
      ["output.html.playground.runnable", "ignored: no code runs in the book"],
      ["preprocessor.mermaid.command", "ignored: superseded: Mermaid is built in"],
      ["something.else", "ignored: not an mdBook setting rfckit knows"],
    ],
  );
  assert.doesNotMatch(text.stdout, /rfckit\.rfc-dir/);
  const json = JSON.parse((await runRfc(["doctor", "--format", "json"], { cwd: root })).stdout) as { bookSettings: { key: string; used: boolean }[] };
  assert.deepEqual(json.bookSettings.filter((u) => u.used).map((u) => u.key), ["book.title", "book.language", "output.html.site-url", "output.html.smart-punctuation", "output.html.redirect"]);
});
