import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { runRfc } from "../support/run-cli.ts";
import { packageRoot } from "../support/paths.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

// A draft with three errors (a feature name that is no identifier, no Last Updated, no Drawbacks) and an accepted RFC with a warning.
const draft = goodRfc.replace("`rocket_boots`", "Rocket Boots").replace("- Last Updated: 2026-02-01\n", "").replace("## Drawbacks\n[drawbacks]: #drawbacks\n\nBoots cost money.\n\n", "");
const accepted = goodRfc.replace("rocket_boots", "other_boots").replace("- Last Updated: 2026-02-01\n", "");

async function repo() {
  return writeTempRepo({ "0000-template.md": smallTemplate, "README.md": "# RFCs\n", "docs/guide.md": "# Guide\n", "text/0000-draft.md": draft, "text/0001-old.md": accepted });
}

describe("rfc check in hooks and editors", () => {
  test("paths that are not RFCs are skipped with a note, as hook tools pass every staged Markdown file", async () => {
    const root = await repo();
    const mixed = await runRfc(["check", "--format", "json", "README.md", "docs/guide.md", "0000-template.md", "text/0000-draft.md"], { cwd: root });
    assert.deepEqual([...new Set((JSON.parse(mixed.stdout) as { file: string }[]).map((d) => d.file))], ["text/0000-draft.md"]);
    assert.equal(mixed.exitCode, 1);
    assert.match(mixed.stderr, /^README\.md: not an RFC of this repository \(RFCs are the \.md files in text\/\), skipped\.$/m);
    assert.match(mixed.stderr, /^docs\/guide\.md: not an RFC/m);
    assert.match(mixed.stderr, /^0000-template\.md: not an RFC/m);
  });

  test("nothing left to check exits 0 and says nothing was checked; a path that is not there is refused", async () => {
    const root = await repo();
    const none = await runRfc(["check", "README.md"], { cwd: root });
    assert.equal(none.exitCode, 0);
    assert.match(none.stdout, /No RFC to check: nothing was checked\./);
    const noneJson = await runRfc(["check", "--format", "json", "README.md"], { cwd: root });
    assert.deepEqual(JSON.parse(noneJson.stdout), []);
    const missing = await runRfc(["check", "text/0009-typo.md"], { cwd: root });
    assert.equal(missing.exitCode, 2);
    assert.match(missing.stderr, /^text\/0009-typo\.md does not exist\./);
  });

  test("lint-staged's absolute paths, from the git top-level, work as relative ones do", async () => {
    const root = await repo();
    const absolute = await runRfc(["check", "--format", "compact", path.join(root, "README.md"), path.join(root, "text/0000-draft.md")], { cwd: root });
    const relative = await runRfc(["check", "--format", "compact", "text/0000-draft.md"], { cwd: root });
    assert.equal(absolute.stdout, relative.stdout);
    assert.notEqual(absolute.stdout, "");
  });

  test("the pre-commit hook the repository declares runs rfc check on the Markdown files it matches", async () => {
    const hooks = parseYaml(readFileSync(path.join(packageRoot, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; entry: string; language: string; files: string }[];
    const hook = hooks.find((h) => h.id === "rfc-check")!;
    assert.equal(hook.language, "node");
    const root = await repo();
    const staged = ["README.md", "docs/guide.md", "text/0000-draft.md", "package.json"].filter((f) => new RegExp(hook.files).test(f));
    assert.deepEqual(staged, ["README.md", "docs/guide.md", "text/0000-draft.md"]);
    const [bin, ...args] = hook.entry.split(" ");
    assert.equal(bin, "rfc");
    const result = await runRfc([...args, ...staged], { cwd: root });
    assert.equal(result.exitCode, 1);
    assert.match(result.stdout, /text\/0000-draft\.md/);
  });

  test("--stdin checks the text given as if it were the named file; without a name, or with paths or --fix, it is refused", async () => {
    const root = await repo();
    const fixed = await runRfc(["check", "--format", "json", "--stdin", "--stdin-filename", "text/0000-draft.md"], { cwd: root, stdin: goodRfc.replace("rocket_boots", "new_boots") });
    assert.deepEqual(JSON.parse(fixed.stdout), []);
    assert.equal(fixed.exitCode, 0);
    const broken = await runRfc(["check", "--format", "json", "--stdin", "--stdin-filename", "text/0001-old.md"], { cwd: root, stdin: accepted.replace("## Drawbacks", "## Drawback") });
    const rules = (JSON.parse(broken.stdout) as { rule: string; file: string }[]).map((d) => `${d.file} ${d.rule}`);
    assert.ok(rules.includes("text/0001-old.md section-missing"), rules.join(", "));
    const fromSubfolder = await runRfc(["check", "--format", "json", "--stdin", "--stdin-filename", "0000-draft.md"], { cwd: path.join(root, "text"), stdin: draft });
    assert.ok((JSON.parse(fromSubfolder.stdout) as unknown[]).length > 0);
    for (const [args, message] of [
      [["--stdin"], /--stdin needs --stdin-filename/],
      [["--stdin-filename", "text/0000-draft.md"], /--stdin-filename only makes sense with --stdin/],
      [["--stdin", "--stdin-filename", "text/0000-draft.md", "text/0001-old.md"], /give no paths with it/],
      [["--stdin", "--stdin-filename", "text/0000-draft.md", "--fix"], /--fix with --stdin would write the file on disk/],
    ] as const) {
      const refused = await runRfc(["check", ...args], { cwd: root, stdin: draft });
      assert.equal(refused.exitCode, 2, args.join(" "));
      assert.match(refused.stderr, message);
    }
  });

  test("--format compact prints one line per finding, relative to the current folder, and the documented problem matcher reads every one", async () => {
    const root = await repo();
    const compact = await runRfc(["check", "--format", "compact"], { cwd: root });
    const json = JSON.parse((await runRfc(["check", "--format", "json"], { cwd: root })).stdout) as { file: string; line: number; column: number; severity: string; message: string; rule: string }[];
    const lines = compact.stdout.trimEnd().split("\n");
    assert.equal(lines.length, json.length);
    assert.ok(json.length >= 3);
    const docs = readFileSync(path.join(packageRoot, "docs/commands/check.md"), "utf8");
    const task = JSON.parse(/```json\n(\{\n {2}"label": "rfc check"[\s\S]*?)```/.exec(docs)![1]!) as { problemMatcher: { pattern: { regexp: string } } };
    const matcher = new RegExp(task.problemMatcher.pattern.regexp);
    for (const [i, line] of lines.entries()) {
      const match = matcher.exec(line);
      assert.ok(match, `the problem matcher misses: ${line}`);
      const d = json[i]!;
      assert.deepEqual(match.slice(1), [d.file, String(d.line), String(d.column), d.severity, d.message, d.rule]);
    }
    const inText = await runRfc(["check", "--format", "compact"], { cwd: path.join(root, "text") });
    assert.match(inText.stdout, /^0000-draft\.md:\d+:\d+: error /m);
    const clean = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-good.md": goodRfc });
    assert.equal((await runRfc(["check", "--format", "compact"], { cwd: clean })).stdout, "");
  });

  test("--format json adds the hint, the fix as data and the rule's page to each finding", async () => {
    const root = await repo();
    const json = JSON.parse((await runRfc(["check", "--format", "json", "text/0000-draft.md"], { cwd: root })).stdout) as Record<string, unknown>[];
    for (const d of json) assert.deepEqual(Object.keys(d), ["file", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "hint", "fix", "docs"]);
    const name = json.find((d) => d.rule === "feature-name")!;
    assert.equal(typeof name["hint"], "string");
    assert.deepEqual(name["fix"], { kind: "replace", from: { line: 1, column: 17 }, to: { line: 1, column: 29 }, text: "rocket_boots" });
    assert.equal(name["docs"], "https://github.com/rfckit/rfckit/blob/main/docs/rules/feature-name.md");
    const missing = json.find((d) => d.rule === "section-missing")!;
    assert.equal(missing["fix"], null);
  });

  test("--quiet reports errors only; --max-warnings fails on more warnings than it allows", async () => {
    const root = await repo();
    const all = JSON.parse((await runRfc(["check", "--format", "json"], { cwd: root })).stdout) as { severity: string }[];
    assert.ok(all.some((d) => d.severity === "warning") && all.some((d) => d.severity === "error"));
    const quiet = JSON.parse((await runRfc(["check", "--format", "json", "--quiet"], { cwd: root })).stdout) as { severity: string }[];
    assert.deepEqual(quiet, all.filter((d) => d.severity === "error"));
    // An accepted RFC without history, a template key left out: a warning and no error.
    const warnedOnly = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-old.md": accepted });
    const pass = await runRfc(["check", "--max-warnings", "1"], { cwd: warnedOnly });
    assert.equal(pass.exitCode, 0);
    const fail = await runRfc(["check", "--max-warnings", "0"], { cwd: warnedOnly });
    assert.equal(fail.exitCode, 1);
    assert.match(fail.stderr, /^rfc check: 1 warnings, more than --max-warnings 0 allows\.$/m);
    const bad = await runRfc(["check", "--max-warnings", "many"], { cwd: warnedOnly });
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /--max-warnings must be a whole number/);
  });

  test("colour: --color and --no-color win, then FORCE_COLOR, then NO_COLOR, then whether it is a terminal", async () => {
    const root = await repo();
    const coloured = async (args: string[], env: Record<string, string>, tty: boolean) => (await runRfc(["check", ...args], { cwd: root, env, tty })).stdout.includes("\u001b[");
    assert.equal(await coloured([], {}, false), false);
    assert.equal(await coloured([], {}, true), true);
    assert.equal(await coloured(["--color"], {}, false), true);
    assert.equal(await coloured(["--no-color"], { FORCE_COLOR: "1" }, true), false);
    assert.equal(await coloured([], { FORCE_COLOR: "1" }, false), true);
    assert.equal(await coloured([], { FORCE_COLOR: "0" }, true), false);
    assert.equal(await coloured([], { NO_COLOR: "1" }, true), false);
    assert.equal(await coloured([], { NO_COLOR: "" }, true), true);
    assert.equal(await coloured([], { NO_COLOR: "1", FORCE_COLOR: "1" }, false), true);
  });
});

