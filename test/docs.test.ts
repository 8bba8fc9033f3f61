import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { rules } from "../src/index.ts";
import { packageRoot } from "./support/paths.ts";

const readme = readFileSync(path.join(packageRoot, "README.md"), "utf8");

test("every rule has a doc page titled with its id, linked from the README's table", () => {
  for (const rule of rules) {
    const page = path.join(packageRoot, "docs/rules", `${rule.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
    assert.equal(readFileSync(page, "utf8").split("\n")[0], `# ${rule.id}`);
    assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `README does not link ${rule.id}`);
  }
});

test("the README starts with the two commands that work on a fresh machine", () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  assert.match(firstBlock, /^npm ci && npm start/m);
  assert.match(firstBlock, /^npm ci && npm test/m);
});

test("the README documents every command, with its page under docs/commands", async () => {
  const help = (await import("../src/cli/run.ts")).commandNames;
  for (const name of help) {
    assert.match(readme, new RegExp(`^### \`rfc ${name}[ \`]`, "m"), `README has no section for rfc ${name}`);
  }
});

/** The README's sample that follows `marker`: the lines of its first ```text block after it. */
function readmeSample(marker: string): string[] {
  const from = readme.indexOf(marker);
  assert.notEqual(from, -1, `README has no "${marker}"`);
  const block = /```text\n([\s\S]*?)```/.exec(readme.slice(from))![1]!;
  return block.trimEnd().split("\n");
}

/** Whether `sample` (abridged: lines may be left out) appears in `output` in order. */
function assertAbridgedFrom(sample: readonly string[], output: string, what: string): void {
  const lines = output.trimEnd().split("\n");
  let at = 0;
  for (const line of sample) {
    const found = lines.indexOf(line, at);
    assert.notEqual(found, -1, `${what}: the README shows a line the command no longer prints:\n${line}\n\nit prints:\n${output}`);
    at = found + 1;
  }
}

test("the README's samples are what the commands print today", async () => {
  const { runRfc } = await import("./support/run-cli.ts");
  const { copyToTemp } = await import("./support/temp-repo.ts");
  const { corpus } = await import("./support/paths.ts");
  const list = readmeSample("### `rfc list`");
  assert.equal(list[0], "$ rfc list --root examples");
  assert.equal((await runRfc(["list", "--root", "examples"], { cwd: packageRoot })).stdout, `${list.slice(1).join("\n")}\n`);
  const build = readmeSample("### `rfc build`");
  const built = await runRfc(["build"], { cwd: await copyToTemp(path.join(packageRoot, "examples")) });
  assert.equal(built.stdout, `${build.slice(1).join("\n")}\n`);
  const doctor = readmeSample("### `rfc doctor`");
  assertAbridgedFrom(doctor.slice(1).filter((l) => l !== "…"), (await runRfc(["doctor", "--root", "examples"], { cwd: packageRoot })).stdout, "rfc doctor");
  const metalbear = corpus("metalbear-rfcs");
  if (!metalbear.skip) {
    const sample = readmeSample("On MetalBear's repository");
    assertAbridgedFrom(sample, (await runRfc(["check", "--root", metalbear.dir], { cwd: packageRoot })).stdout, "rfc check on MetalBear's RFCs");
  }
});
