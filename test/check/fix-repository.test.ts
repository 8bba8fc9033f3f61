import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkRepository, defineRule, fixRepository, loadRepository, rules } from "../../src/index.ts";
import { runRfc } from "../support/run-cli.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

const badLink = "- RFC PR: [acme/rfcs#21](https://github.com/acme/rfcs/pull/12)";
const goodLink = "- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)";

describe("fixRepository", () => {
  test("one fix enables another: a rewritten file is uncommitted, so its Last Updated becomes today in the next pass", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-boots.md": goodRfc.replace(goodLink, badLink) });
    gitInit(root);
    commitAll(root, "add the RFC", "2026-01-20");
    const repo = await loadRepository({ root, today: "2026-06-15" });
    const result = fixRepository(repo, { rules });
    assert.deepEqual(
      result.applied.map((a) => [a.pass, a.diagnostic.rule, a.diagnostic.line]),
      [
        [1, "pr-link", 4],
        [2, "last-updated", 3],
      ],
    );
    assert.deepEqual(result.files, [{ path: "text/0001-boots.md", before: goodRfc.replace(goodLink, badLink), after: goodRfc.replace("2026-02-01", "2026-06-15") }]);
    // The returned repository reads as the fixed files do: nothing fixable is left, and a second run fixes nothing.
    assert.deepEqual(checkRepository(result.repo, { rules }).filter((d) => d.fix), []);
    assert.deepEqual(fixRepository(result.repo, { rules }).files, []);
  });

  test("only the given RFCs are fixed", async () => {
    const bad = goodRfc.replace("`rocket_boots`", "Rocket Boots");
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": bad, "text/0002-b.md": bad.replace("Rocket Boots", "Jet Pack") });
    const repo = await loadRepository({ root, history: false, today: "2026-06-15" });
    const result = fixRepository(repo, { rules, only: new Set(["text/0002-b.md"]) });
    assert.deepEqual(result.files.map((f) => [f.path, f.after.split("\n")[0]]), [["text/0002-b.md", "- Feature Name: jet_pack"]]);
  });

  test("bytes no fix means to change stay: CRLF, a byte-order mark, trailing spaces, tabs", async () => {
    const crlf = (text: string) => `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    const written = crlf(goodRfc.replace("`rocket_boots`", "Rocket Boots").replace("Boots cost money.", "Boots cost money.  \t").replace("[summary]: #summary\n", ""));
    const expected = crlf(goodRfc.replace("`rocket_boots`", "rocket_boots").replace("Boots cost money.", "Boots cost money.  \t"));
    // A draft: numbered RFCs without history get no section-anchor fix.
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0000-a.md": written });
    const repo = await loadRepository({ root, history: false, today: "2026-06-15" });
    const result = fixRepository(repo, { rules });
    assert.equal(result.files[0]?.before, written);
    assert.equal(result.files[0]?.after, expected);
    assert.deepEqual(result.applied.map((a) => a.diagnostic.rule).sort(), ["feature-name", "section-anchor"]);
  });

  test("nothing to fix: no files, no fixes, the same repository", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": goodRfc });
    const repo = await loadRepository({ root, history: false, today: "2026-06-15" });
    const result = fixRepository(repo, { rules });
    assert.deepEqual([result.files, result.applied], [[], []]);
    assert.equal(result.repo, repo);
  });
});

describe("fixRepository refuses a fix that misreads the file", () => {
  test("an edit that would turn a heading into text is dropped, with what it would have changed", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-boots.md": goodRfc });
    const repo = await loadRepository({ root, history: false });
    // A rule whose fix rewrites `## Motivation` as plain text: a fix that has misread its line.
    const careless = defineRule({
      id: "careless",
      description: "test rule",
      severity: "error",
      tags: [],
      fixable: true,
      check({ doc, report }) {
        const section = doc.sections.find((s) => s.title === "Motivation")!;
        report({ line: section.line, message: "careless", fix: { kind: "replace", from: { line: section.line, column: 1 }, to: { line: section.line, column: 4 }, text: "" } });
      },
    });
    const result = fixRepository(repo, { rules: [careless] });
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.refused, [{ file: "text/0001-boots.md", change: "its sections" }]);
  });
});

describe("which RFCs rfc fix rewrites", () => {
  test("by default drafts and RFCs with changes not committed; accepted ones are counted, and --all fixes them", async () => {
    const bad = (name: string) => goodRfc.replace("`rocket_boots`", name);
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-old.md": bad("Old Boots"), "text/0002-edited.md": bad("Edited Boots"), "text/0000-draft.md": bad("Draft Boots") });
    gitInit(root);
    commitAll(root, "RFCs", "2026-03-01");
    await writeFile(path.join(root, "text/0002-edited.md"), `${bad("Edited Boots")}\nMore.\n`);
    await writeFile(path.join(root, "text/0000-draft.md"), bad("Draft Boots"));
    const result = await runRfc(["fix"], { cwd: root });
    // What is left is the accepted RFC's feature name: history, so a warning.
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^text\/0001-old\.md$\n {2}1:17 +warning {2}Feature Name "Old Boots"/m);
    assert.match(result.stdout, /^text\/0000-draft\.md:1:17 {2}feature-name/m);
    assert.match(result.stdout, /^text\/0002-edited\.md:1:17 {2}feature-name/m);
    assert.doesNotMatch(result.stdout, /^text\/0001-old\.md:1:17 {2}feature-name/m);
    assert.match(result.stdout, /^Left as written: 1 RFC \(text\/0001-old\.md\) neither a draft nor changed since the last commit, with problems a fix exists for; run `rfc fix --all` to fix them too, or name the files\.$/m);
    assert.equal(await readFile(path.join(root, "text/0001-old.md"), "utf8"), bad("Old Boots"));
    const all = await runRfc(["fix", "--all"], { cwd: root });
    assert.match(all.stdout, /^text\/0001-old\.md:1:17 {2}feature-name/m);
    assert.equal(await readFile(path.join(root, "text/0001-old.md"), "utf8").then((t) => t.includes("old_boots")), true);
    const named = await runRfc(["check", "--all"], { cwd: root });
    assert.equal(named.exitCode, 2);
    assert.match(named.stderr, /--all only makes sense with --fix/);
  });
});
