import assert from "node:assert/strict";
import { mkdir, rmdir } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { applyPlan, PlanError } from "../../src/authoring/apply-plan.ts";
import { readNumberPlan } from "../../src/authoring/read-number-plan.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { gitIn } from "../support/git.ts";
import { draft, writeNumberingFixture } from "./numbering-fixture.ts";
import { readTree } from "../support/read-tree.ts";

async function planFor(root: string) {
  const repo = await loadRepository({ root, history: false });
  return readNumberPlan(repo, { rfc: draft, pr: 21 });
}

describe("applyPlan", () => {
  for (const git of [true, false]) {
    test(`a step that fails undoes every step before it, at each step (${git ? "git mv" : "no git: fs.rename"})`, async () => {
      const root = await writeNumberingFixture({ git });
      const plan = await planFor(root);
      // Five rewrites (the draft, its sub-chapter, README and two RFCs), then two renames (file, folder).
      assert.deepEqual(
        plan.steps.map((s) => s.kind),
        ["write", "write", "write", "write", "write", "rename", "rename"],
      );
      assert.equal(plan.steps.every((s) => s.kind !== "rename" || s.git === git), true);
      const before = await readTree(root);
      const status = git ? gitIn(root, ["status", "--porcelain"]) : "";
      for (let k = 0; k < plan.steps.length; k++) {
        const fault = new Error(`fault injected at step ${k}`);
        const error = await applyPlan(plan, {
          beforeStep: (index) => {
            if (index === k) throw fault;
          },
        }).then(
          () => null,
          (e: unknown) => e,
        );
        assert.ok(error instanceof PlanError, `step ${k}: expected a PlanError`);
        assert.equal(error.cause, fault);
        assert.equal(error.step, plan.steps[k]);
        assert.deepEqual(error.notUndone, []);
        assert.deepEqual(await readTree(root), before, `step ${k}: the tree changed`);
        if (git) assert.equal(gitIn(root, ["status", "--porcelain"]), status, `step ${k}: git status changed`);
      }
    });
  }

  test("a real failure (a rename onto a path that appeared meanwhile) is undone too", async () => {
    const root = await writeNumberingFixture({ git: true });
    const plan = await planFor(root);
    const before = await readTree(root);
    const status = gitIn(root, ["status", "--porcelain"]);
    // The folder's new name appears after planning, just before its rename (the last step): the
    // rename must refuse, not move into it, and the five writes before it be undone.
    const error = await applyPlan(plan, {
      beforeStep: async (index) => {
        if (index === plan.steps.length - 1) await mkdir(path.join(root, "text/0004-retention-tiers"));
      },
    }).then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error instanceof PlanError);
    assert.equal(error.message, "rename text/0000-retention-tiers → text/0004-retention-tiers failed: text/0004-retention-tiers already exists");
    assert.deepEqual(error.notUndone, []);
    await rmdir(path.join(root, "text/0004-retention-tiers"));
    assert.deepEqual(await readTree(root), before);
    assert.equal(gitIn(root, ["status", "--porcelain"]), status);
  });

  test("with no fault, every step is applied", async () => {
    const root = await writeNumberingFixture({ git: false });
    const plan = await planFor(root);
    await applyPlan(plan);
    const after = await readTree(root);
    assert.equal(after.has(draft), false);
    assert.equal(after.has("text/0004-retention-tiers.md"), true);
    assert.equal(after.has("text/0004-retention-tiers/tiers.svg"), true);
  });
});
