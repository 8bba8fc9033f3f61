import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

// Shapes one small RFC may take that used to take time out of proportion to its size (a pattern
// that backtracks, a loop over every earlier item) or end the run (a spread over a huge array).
// Each is about 100 KB; the bound is generous, so a regression fails here instead of hanging CI.
const summary = "Boots that let engineers jump over slow builds.";
const shapes: Record<string, { summary?: string; header?: string }> = {
  "a Summary line of spaces ending in a letter": { summary: `${" ".repeat(100_000)}x` },
  "a line of 100,000 opening brackets": { summary: "[".repeat(100_000) },
  "link text opened 25,000 times and never closed": { summary: "[a](".repeat(25_000) },
  "footnote marks opened and never closed": { summary: "[^".repeat(50_000) },
  "a list nested and indented over and over": { summary: Array.from({ length: 2_500 }, (_, i) => `${"  ".repeat(i % 20)}- item ${i}`).join("\n") },
  "12,500 task-list items": { summary: "- [ ] a task\n".repeat(12_500) },
  "16,000 <span> tags opened and never closed": { summary: "<span>".repeat(16_000) },
  "4,000 footnotes, each defined": { summary: `${Array.from({ length: 4_000 }, (_, i) => `n[^f${i}]`).join(" ")}\n\n${Array.from({ length: 4_000 }, (_, i) => `[^f${i}]: ${i}.`).join("\n")}` },
  "5,000 metadata keys the template does not have": { header: Array.from({ length: 5_000 }, (_, i) => `- Extra Key ${i}: value`).join("\n") },
  "125,000 headings": { summary: "## h\n\n".repeat(125_000) },
};

for (const [name, shape] of Object.entries(shapes)) {
  test(`check and build finish on an RFC with ${name}`, { timeout: 120_000 }, async () => {
    let rfc = goodRfc.replace("- Feature Name: `rocket_boots`", "- Feature Name: `big`");
    if (shape.summary) rfc = rfc.replace(summary, shape.summary);
    if (shape.header) rfc = rfc.replace("- Start Date:", `${shape.header}\n- Start Date:`);
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-big.md": rfc });
    const check = await runRfc(["check", "--format", "json"], { cwd: root });
    assert.ok(check.exitCode === 0 || check.exitCode === 1, `exit ${check.exitCode}: ${check.stderr}`);
    assert.ok(Array.isArray(JSON.parse(check.stdout)), "the JSON report is whole");
    const pretty = await runRfc(["check"], { cwd: root });
    assert.ok(pretty.exitCode === 0 || pretty.exitCode === 1, `exit ${pretty.exitCode}: ${pretty.stderr}`);
    const list = await runRfc(["list"], { cwd: root });
    assert.equal(list.exitCode, 0, list.stderr);
    const build = await runRfc(["build"], { cwd: root });
    assert.equal(build.exitCode, 0, build.stderr);
    const page = path.join(root, "book/text/0001-big.html");
    assert.ok(existsSync(page), "the RFC's page is written");
    assert.ok(readFileSync(page, "utf8").length > 1_000);
  });
}
