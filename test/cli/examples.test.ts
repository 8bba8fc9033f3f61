import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { examplesDir } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp } from "../support/temp-repo.ts";

describe("the bundled example repository", () => {
  test("passes rfc check with no problems, as `npm start` shows", async () => {
    const result = await runRfc(["check", "--root", examplesDir], { cwd: examplesDir });
    assert.equal(result.exitCode, 0, result.stdout);
    assert.match(result.stdout, /✔ 4 files checked, no problems\./);
  });

  test("its draft is not ready to merge: its number, the PR link and the reference-level explanation are missing", async () => {
    const root = await copyToTemp(examplesDir);
    const result = await runRfc(["check", "--stage", "merge", "--format", "json", "text/0000-retention-tiers.md"], { cwd: root });
    const found = (JSON.parse(result.stdout) as { rule: string; severity: string }[]).map((d) => `${d.rule} ${d.severity}`).sort();
    assert.deepEqual(found, ["metadata-placeholder error", "section-empty error", "stage-number error"]);
    assert.equal(result.exitCode, 1);
  });
});
