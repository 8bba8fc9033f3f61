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
