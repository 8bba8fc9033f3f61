import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runRfc } from "../support/run-cli.ts";
import { pathologicalShapes } from "../support/pathological-shapes.ts";
import { smallTemplate } from "../support/templates.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

// Each shape at about 100 KB (scale 4); the bound is generous, so a regression fails here instead
// of hanging CI. The benchmark holds the speed: npm run bench -- --scaling.
for (const shape of pathologicalShapes) {
  test(`check and build finish on an RFC with ${shape.name}`, { timeout: 120_000 }, async () => {
    const rfc = shape.make(4);
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
