import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

// The CommonMark spec's examples (the commonmark-spec package), each the body of one RFC: every
// shape Markdown defines, through rfc check and rfc build. The spec writes a tab as →.
const { tests } = createRequire(import.meta.url)("commonmark-spec") as { tests: { markdown: string; number: number; section: string }[] };

test(`rfc check and rfc build take all ${tests.length} CommonMark spec examples: no crash, a whole JSON report, a page for each`, { timeout: 300_000 }, async () => {
  const files: Record<string, string> = { "0000-template.md": smallTemplate };
  for (const example of tests) {
    const number = String(example.number).padStart(4, "0");
    files[`text/${number}-example-${example.number}.md`] = `# Example ${example.number}\n\n- Feature Name: example_${example.number}\n- Start Date: 2025-01-01\n\n## Summary\n\n${example.markdown.replace(/→/g, "\t")}\n`;
  }
  const root = await writeTempRepo(files);
  const check = await runRfc(["check", "--format", "json"], { cwd: root });
  assert.ok(check.exitCode === 0 || check.exitCode === 1, `exit ${check.exitCode}: ${check.stderr.slice(0, 2000)}`);
  const report = JSON.parse(check.stdout) as { file: string }[];
  assert.ok(Array.isArray(report));
  const build = await runRfc(["build", "--out", "out"], { cwd: root });
  assert.equal(build.exitCode, 0, build.stderr.slice(0, 2000));
  assert.doesNotMatch(build.stderr, /internal error/);
  const pages = (await readdir(path.join(root, "out/text"))).filter((f) => /^\d{4}-example-\d+\.html$/.test(f));
  assert.equal(pages.length, tests.length, "every example has its page");
});
