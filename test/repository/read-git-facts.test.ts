import assert from "node:assert/strict";
import { appendFile, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { loadRepository } from "../../src/index.ts";
import type { RfcGitFacts } from "../../src/index.ts";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

async function factsOf(root: string): Promise<Record<string, RfcGitFacts | null>> {
  const repo = await loadRepository({ root, today: "2026-06-15" });
  return Object.fromEntries(repo.rfcs.map((r) => [r.path, r.git]));
}

describe("git facts of each RFC, read at load", () => {
  test("last commit date, uncommitted changes and their lines, untracked and renamed files", async () => {
    const other = goodRfc.replace("rocket_boots", "other");
    const top = await writeTempRepo({
      "rfcs/0000-template.md": smallTemplate,
      "rfcs/text/0001-clean.md": goodRfc,
      "rfcs/text/0002-edited.md": other,
      "rfcs/text/0003-old-name.md": other,
      "rfcs/text/0004-ünï côde.md": other,
    });
    gitInit(top);
    commitAll(top, "first", "2026-01-10");
    await appendFile(path.join(top, "rfcs/text/0002-edited.md"), "\nMore.\n");
    commitAll(top, "edit two", "2026-02-20");
    // Uncommitted: line 2 rewritten in 0002, a new draft, a staged rename, an edit to the unicode name.
    await writeFile(path.join(top, "rfcs/text/0002-edited.md"), `${other.replace("2026-01-10", "2026-01-11")}\nMore.\n`);
    await writeFile(path.join(top, "rfcs/text/0000-draft.md"), goodRfc);
    gitIn(top, ["mv", "rfcs/text/0003-old-name.md", "rfcs/text/0003-new-name.md"]);
    await appendFile(path.join(top, "rfcs/text/0004-ünï côde.md"), "+++ looks like a diff header\n");
    await mkdir(path.join(top, "rfcs/text/0005-nested"), { recursive: true });

    // The RFC repository is a folder of the git work tree: paths stay relative to it.
    const facts = await factsOf(path.join(top, "rfcs"));
    assert.deepEqual(facts, {
      "text/0000-draft.md": { lastCommitDate: null, uncommitted: true, changedLines: null },
      "text/0001-clean.md": { lastCommitDate: "2026-01-10", uncommitted: false, changedLines: [] },
      "text/0002-edited.md": { lastCommitDate: "2026-02-20", uncommitted: true, changedLines: [2] },
      "text/0003-new-name.md": { lastCommitDate: null, uncommitted: true, changedLines: null },
      "text/0004-ünï côde.md": { lastCommitDate: "2026-01-10", uncommitted: true, changedLines: [37] },
    });
  });

  test("a deletion marks the lines around it; a renamed and committed file has its rename's date, and, without a Start Date, its first commit's from before the rename", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": goodRfc });
    gitInit(root);
    commitAll(root, "first", "2026-01-10");
    await rename(path.join(root, "text/0001-a.md"), path.join(root, "text/0001-b.md"));
    commitAll(root, "rename", "2026-03-03");
    await writeFile(path.join(root, "text/0001-b.md"), goodRfc.replace("- Start Date: 2026-01-10\n", ""));
    assert.deepEqual(await factsOf(root), { "text/0001-b.md": { lastCommitDate: "2026-03-03", uncommitted: true, changedLines: [1, 2], firstCommitDate: "2026-01-10" } });
  });

  test("no history: null facts", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-a.md": goodRfc });
    assert.deepEqual(await factsOf(root), { "text/0001-a.md": null });
    gitInit(root);
    commitAll(root, "first", "2026-01-10");
    const repo = await loadRepository({ root, history: false });
    assert.equal(repo.rfcs[0]!.git, null);
  });
});
