import assert from "node:assert/strict";
import { test } from "node:test";
import { readAddingPullRequests, toMergedPullRequest } from "../../src/repository/read-adding-pull-requests.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

test("a merge's or a squash merge's subject names its pull request; other subjects none", () => {
  assert.equal(toMergedPullRequest("Merge pull request #3984 from nia-e/master"), 3984);
  assert.equal(toMergedPullRequest("Db Branching unify CRDs (#16)"), 16);
  assert.equal(toMergedPullRequest("Merge branch 'default-object-bound' into HEAD"), null);
  assert.equal(toMergedPullRequest("Fix #12 in the intro"), null);
});

test("the pull request that added each file asked about, by name or, past 200 files, by folder", async () => {
  const names = Array.from({ length: 205 }, (_, i) => `text/${String(i + 1).padStart(4, "0")}-x.md`);
  const root = await writeTempRepo(Object.fromEntries(names.map((n) => [n, "# X\n"])));
  gitInit(root);
  commitAll(root, "Add the RFCs (#7)", "2026-01-01");
  const few = await readAddingPullRequests(root, ["text"], names.slice(0, 3));
  assert.deepEqual([...few], names.slice(0, 3).map((n) => [n, 7]));
  const many = await readAddingPullRequests(root, ["text"], names.slice(0, 201));
  assert.equal(many.size, 201);
  assert.ok(!many.has(names[204]!), "a file not asked about is left out");
  // The walk stops at `since`: a commit older than it is not read.
  assert.equal((await readAddingPullRequests(root, ["text"], names.slice(0, 3), "2025-06-01")).size, 3);
  assert.equal((await readAddingPullRequests(root, ["text"], names.slice(0, 3), "2026-06-01")).size, 0);
});
