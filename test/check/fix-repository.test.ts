import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkRepository, fixRepository, loadRepository, rules } from "../../src/index.ts";
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
