import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { rules } from "../src/index.ts";
import { packageRoot } from "./support/paths.ts";

const readme = readFileSync(path.join(packageRoot, "README.md"), "utf8");
// Command pages are written to be merged into the README (paths as from the root), so a rule table
// in one of them links its rules until that merge.
const commandsDir = path.join(packageRoot, "docs/commands");
const commandPages = existsSync(commandsDir) ? readdirSync(commandsDir).filter((f) => f.endsWith(".md")).map((f) => readFileSync(path.join(commandsDir, f), "utf8")) : [];

test("every rule has a doc page titled with its id, linked from the README's table", () => {
  for (const rule of rules) {
    const page = path.join(packageRoot, "docs/rules", `${rule.id}.md`);
    assert.ok(existsSync(page), `docs/rules/${rule.id}.md is missing`);
    assert.equal(readFileSync(page, "utf8").split("\n")[0], `# ${rule.id}`);
    const link = `[\`${rule.id}\`](docs/rules/${rule.id}.md)`;
    assert.ok([readme, ...commandPages].some((text) => text.includes(link)), `README (or a page of docs/commands/ to merge into it) does not link ${rule.id}`);
  }
});

test("the README starts with the two commands that work on a fresh machine", () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  assert.match(firstBlock, /^npm ci && npm start/m);
  assert.match(firstBlock, /^npm ci && npm test/m);
});
