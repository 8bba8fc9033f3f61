import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { parseGitHubRemote, readOriginRepository } from "../../src/authoring/github-remote.ts";
import { gitIn, gitInit } from "../support/git.ts";
import { makeTempDir } from "../support/temp-repo.ts";

describe("parseGitHubRemote", () => {
  const cases: [url: string, repo: string | null][] = [
    ["https://github.com/acme/rfcs.git", "acme/rfcs"],
    ["https://github.com/acme/rfcs", "acme/rfcs"],
    ["https://github.com/acme/rfcs/\n", "acme/rfcs"],
    ["https://token@github.com/acme/my.rfcs.git", "acme/my.rfcs"],
    ["git@github.com:acme/rfcs.git", "acme/rfcs"],
    ["ssh://git@github.com/acme/rfcs.git", "acme/rfcs"],
    ["ssh://git@github.com:22/acme/rfcs", "acme/rfcs"],
    ["https://gitlab.com/acme/rfcs.git", null],
    ["git@github.example.com:acme/rfcs.git", null],
    ["https://github.com/acme", null],
  ];
  for (const [url, repo] of cases) test(url.trim(), () => assert.equal(parseGitHubRemote(url), repo));
});

describe("readOriginRepository", () => {
  test("reads origin from the folder, or from its nearest existing ancestor", async () => {
    const dir = await makeTempDir();
    gitInit(dir);
    gitIn(dir, ["remote", "add", "origin", "https://github.com/acme/widgets.git"]);
    assert.equal(await readOriginRepository(dir), "acme/widgets");
    await mkdir(path.join(dir, "docs"));
    assert.equal(await readOriginRepository(path.join(dir, "docs/rfcs/not-yet")), "acme/widgets");
  });

  test("null outside git, and for a clone without origin", async () => {
    const plain = await makeTempDir();
    assert.equal(await readOriginRepository(plain), null);
    gitInit(plain);
    assert.equal(await readOriginRepository(plain), null);
  });
});
