import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { readTakenNumbers, toNextNumber } from "../../src/authoring/next-number.ts";
import { UserError } from "../../src/errors.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { examplesDir } from "../support/paths.ts";
import { copyToTemp } from "../support/temp-repo.ts";

const at = (number: number, ref: string | null = null) => ({ number, path: `text/${String(number).padStart(4, "0")}-x.md`, ref });

describe("toNextNumber", () => {
  test("without a base branch: one more than the highest in the working tree", () => {
    assert.equal(toNextNumber({ taken: [at(1), at(2), at(7)], base: null }), 8);
    assert.equal(toNextNumber({ taken: [], base: null }), 1);
  });

  test("with a base branch: one more than its highest, skipping numbers the working tree uses", () => {
    assert.equal(toNextNumber({ taken: [at(1, "main"), at(2, "main"), at(1), at(2)], base: "main" }), 3);
    // Merged on main since this branch started:
    assert.equal(toNextNumber({ taken: [at(1, "main"), at(2, "main"), at(3, "main"), at(1)], base: "main" }), 4);
    // Another RFC numbered on this branch, not yet merged:
    assert.equal(toNextNumber({ taken: [at(1, "main"), at(1), at(2), at(3)], base: "main" }), 4);
  });
});

describe("readTakenNumbers", () => {
  test("reads the RFC folder on the base branch as well as the working tree", async () => {
    const root = await copyToTemp(examplesDir);
    gitInit(root);
    commitAll(root, "base", "2026-10-01");
    gitIn(root, ["checkout", "-q", "-b", "feature"]);
    gitIn(root, ["checkout", "-q", "main"]);
    await writeFile(path.join(root, "text/0004-merged-elsewhere.md"), "- Feature Name: `x`\n");
    await mkdir(path.join(root, "text/0005-folder-only"));
    commitAll(root, "another RFC merged", "2026-10-02");
    gitIn(root, ["checkout", "-q", "feature"]);
    const repo = await loadRepository({ root, history: false });
    const taken = await readTakenNumbers(repo, {});
    assert.equal(taken.base, "main");
    assert.deepEqual(
      taken.taken.filter((t) => t.ref !== null).map((t) => t.path),
      ["text/0001-pipe-queries.md", "text/0002-ingest-pipelines.md", "text/0003-saved-search-alerts.md", "text/0004-merged-elsewhere.md"],
    );
    assert.equal(toNextNumber(taken), 5);
  });

  test("an explicit --base that does not exist is a UserError; outside git only the working tree counts", async () => {
    const root = await copyToTemp(examplesDir);
    const repo = await loadRepository({ root, history: false });
    assert.deepEqual(await readTakenNumbers(repo, {}), { taken: [at(1), at(2), at(3)].map((t, i) => ({ ...t, path: repo.rfcs[i + 1]!.path })), base: null });
    gitInit(root);
    commitAll(root, "base", "2026-10-01");
    await assert.rejects(readTakenNumbers(repo, { base: "origin/nope" }), (e: unknown) => e instanceof UserError && /--base origin\/nope is not a branch or commit/.test(e.message));
  });
});
