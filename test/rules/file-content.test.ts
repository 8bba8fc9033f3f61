import assert from "node:assert/strict";
import { symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import rule from "../../src/rules/file-content.ts";
import { runRfc } from "../support/run-cli.ts";
import { makeTempDir, writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

/** Three lines, the third with a byte (0xff) that never occurs in UTF-8. */
const latin1 = Buffer.concat([Buffer.from("# Title\n\nCaf"), Buffer.from([0xe9, 0xff]), Buffer.from(" au lait\n")]);

/** Symlinks `link` (relative to `root`) to a new file in another temporary folder. */
async function symlinkOutside(root: string, link: string): Promise<void> {
  const outside = path.join(await makeTempDir("rfckit-outside-"), "secret.md");
  await writeFile(outside, goodRfc);
  await symlink(outside, path.join(root, link));
}

const frontMatterRfc = (yaml: string) => `---\n${yaml}---\n\n${goodRfc.slice(goodRfc.indexOf("## Summary"))}`;

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "a UTF-8 RFC", rfc: goodRfc },
    { name: "CRLF line endings", rfc: goodRfc.replace(/\n/g, "\r\n") },
    { name: "a UTF-8 RFC with a BOM and non-ASCII text", rfc: `\ufeff${goodRfc.replace("Boots that", "Bottes qui, café,")}` },
    { name: "a UTF-8 RFC that writes the replacement character U+FFFD itself", rfc: goodRfc.replace("Boots that", "Boots (\ufffd) that") },
    { name: "well-formed front matter", rfc: frontMatterRfc('title: "Rocket boots"\nstart-date: 2026-01-10\n') },
    {
      name: "a symlink to a file inside the repository",
      rfc: goodRfc,
      files: { "drafts/boots.md": goodRfc },
      setup: (root) => symlink(path.join(root, "drafts/boots.md"), path.join(root, "text/0002-boots.md")),
    },
  ],
  invalid: [
    {
      name: "an empty file",
      rfc: "",
      diagnostics: [{ line: 1, file: "text/0001-test.md", message: "The file is empty." }],
    },
    {
      name: "a file with only a BOM counts as empty",
      rfc: "\ufeff",
      diagnostics: [{ line: 1, message: "The file is empty." }],
    },
    {
      name: "bytes that are not UTF-8 on line 3",
      rfc: latin1,
      diagnostics: [{ line: 3, message: "The file is not UTF-8 text: line 3 has bytes that are not valid UTF-8." }],
    },
    {
      name: "lines ended by a carriage return alone",
      rfc: goodRfc.replace(/\n/g, "\r"),
      diagnostics: [{ line: 1, message: /^The file's lines end with a carriage return alone/ }],
    },
    {
      name: "a symlink to a file outside the repository",
      rfc: goodRfc,
      setup: (root) => symlinkOutside(root, "text/0002-outside.md"),
      diagnostics: [{ line: 1, file: "text/0002-outside.md", message: /^The file is a symbolic link to .*secret\.md, outside the repository/ }],
    },
    {
      name: "a symlink whose target is missing",
      rfc: goodRfc,
      setup: (root) => symlink(path.join(root, "nowhere.md"), path.join(root, "text/0002-dangling.md")),
      diagnostics: [{ line: 1, file: "text/0002-dangling.md", message: "The file is a symbolic link to a file that does not exist." }],
    },
    {
      name: "a symlink to .git/config, inside the repository but hidden",
      rfc: goodRfc,
      files: { ".git/config": "[http]\n  extraheader = AUTHORIZATION: basic c2VjcmV0\n" },
      setup: (root) => symlink("../.git/config", path.join(root, "text/0002-config.md")),
      diagnostics: [{ line: 1, file: "text/0002-config.md", message: "The file is a symbolic link to .git/config, a hidden path or one in node_modules; rfckit does not follow it (it would publish that file as a page)." }],
    },
    {
      name: "front matter that is not YAML",
      rfc: frontMatterRfc('title: "Rocket boots"\nstart-date: [2026-01-10\n'),
      diagnostics: [{ line: 3, message: /^Front matter is not valid YAML: / }],
    },
    {
      name: "front matter that is never closed",
      rfc: "---\ntitle: Boots\n\n## Summary\n\nText.\n",
      diagnostics: [{ line: 1, column: 1, message: "Front matter opened with `---` is never closed." }],
    },
    {
      name: "an empty sub-chapter is reported on its own path",
      rfc: goodRfc,
      files: { "text/0001-test/appendix.md": "" },
      diagnostics: [{ line: 1, file: "text/0001-test/appendix.md", message: "The file is empty." }],
    },
  ],
});

// The limit applies to the template too, so these cases use one far below 100 bytes.
const limited = { "book.toml": "[rfckit]\nmax-file-bytes = 100\n" };
testRule(rule, {
  template: "## Summary\n\nWhat.\n",
  valid: [{ name: "a file of exactly max-file-bytes", rfc: "## Summary\n\n" + "x".repeat(87) + "\n", files: limited }],
  invalid: [
    {
      name: "a file over max-file-bytes",
      rfc: "## Summary\n\n" + "x".repeat(88) + "\n",
      files: limited,
      diagnostics: [{ line: 1, message: "The file is 101 bytes, over the limit of 100 bytes." }],
    },
  ],
});

test("rfc check reports unreadable RFCs with exit code 1 and does not crash", async () => {
  const root = await writeTempRepo({
    "0000-template.md": smallTemplate,
    "book.toml": "[rfckit]\nmax-file-bytes = 2000\n",
    "text/0001-good.md": goodRfc,
    "text/0002-empty.md": "",
    "text/0003-latin1.md": latin1,
    "text/0004-huge.md": "x".repeat(3000),
    "text/0005-yaml.md": frontMatterRfc("title: [unclosed\n"),
  });
  await symlinkOutside(root, "text/0006-outside.md");

  const { stdout, stderr, exitCode } = await runRfc(["check", "--format", "json"], { cwd: root });

  assert.equal(stderr, "");
  assert.equal(exitCode, 1);
  const found = (JSON.parse(stdout) as { file: string; line: number; rule: string }[])
    .filter((d) => d.rule === "file-content")
    .map((d) => `${d.file}:${d.line}`);
  assert.deepEqual(found, ["text/0002-empty.md:1", "text/0003-latin1.md:3", "text/0004-huge.md:1", "text/0005-yaml.md:2", "text/0006-outside.md:1"]);
});
