import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { readInitPlan, writeInitPlan, type InitPlan } from "../../src/authoring/init-repository.ts";
import { UserError } from "../../src/errors.ts";
import { readTree } from "../support/read-tree.ts";
import { makeTempDir } from "../support/temp-repo.ts";

describe("init-repository", () => {
  test("readInitPlan plans without writing: six files, the placeholder repository outside git", async () => {
    const cwd = await makeTempDir();
    const plan = await readInitPlan({ dir: "new/rfcs", cwd });
    assert.equal(plan.dir, path.join(cwd, "new/rfcs"));
    assert.equal(plan.shownDir, path.join("new", "rfcs"));
    assert.deepEqual(plan.repository, { name: "your-org/rfcs", source: "placeholder" });
    assert.deepEqual(plan.files.map((f) => f.path), ["0000-template.md", "README.md", "text/.gitkeep", ".github/PULL_REQUEST_TEMPLATE.md", "book.toml", ".gitignore"]);
    assert.deepEqual(await readTree(cwd), new Map());
  });

  test("a file that appears while writing: UserError, and every file and folder this call made is removed", async () => {
    const cwd = await makeTempDir();
    await writeFile(path.join(cwd, "kept.txt"), "mine\n");
    const before = await readTree(cwd);
    const plan: InitPlan = {
      ...(await readInitPlan({ dir: "deep/repo", cwd })),
      // The second write of the same path fails exactly as a file appearing mid-way would.
      files: [
        { path: "a/one.md", content: "1", purpose: "" },
        { path: "b/c/two.md", content: "2", purpose: "" },
        { path: "a/one.md", content: "again", purpose: "" },
      ],
    };
    await assert.rejects(writeInitPlan(plan), (error: unknown) => error instanceof UserError && /appeared or is not a folder/.test(error.message));
    assert.deepEqual(await readTree(cwd), before);
  });
});
