import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { corpus, packageRoot } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";

describe("rfc (the command line)", () => {
  test("--version prints the package's version", async () => {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default;
    const result = await runRfc(["--version"], { cwd: packageRoot });
    assert.equal(result.stdout, `${version}\n`);
    assert.equal(result.exitCode, 0);
  });

  test("--help lists the commands; no command is a usage error", async () => {
    const help = await runRfc(["--help"], { cwd: packageRoot });
    assert.match(help.stdout, /Usage: rfc <command>/);
    assert.match(help.stdout, /check\s+check RFCs/);
    assert.equal(help.exitCode, 0);
    const none = await runRfc([], { cwd: packageRoot });
    assert.equal(none.exitCode, 2);
  });

  test("<command> --help shows the command's options", async () => {
    const result = await runRfc(["check", "--help"], { cwd: packageRoot });
    assert.match(result.stdout, /Usage: rfc check \[paths…\]/);
    assert.match(result.stdout, /--format <format>/);
    assert.match(result.stdout, /--stage <stage>/);
    assert.equal(result.exitCode, 0);
  });

  test("an unknown command or option is a usage error with a hint, exit 2, naming what was meant when it is close", async () => {
    const unknownCommand = await runRfc(["chek"], { cwd: packageRoot });
    assert.equal(unknownCommand.exitCode, 2);
    assert.match(unknownCommand.stderr, /unknown command "chek"\.\n {2}hint: did you mean `rfc check`\?/);
    const farCommand = await runRfc(["publish"], { cwd: packageRoot });
    assert.doesNotMatch(farCommand.stderr, /did you mean/);
    const unknownOption = await runRfc(["check", "--frmat", "json"], { cwd: packageRoot });
    assert.equal(unknownOption.exitCode, 2);
    assert.match(unknownOption.stderr, /^rfc check: unknown option "--frmat"\.\n {2}hint: did you mean --format\? Run `rfc check --help`/);
    const prefix = await runRfc(["fix", "--dry"], { cwd: packageRoot });
    assert.match(prefix.stderr, /did you mean --dry-run\?/);
    const farOption = await runRfc(["check", "--verbose"], { cwd: packageRoot });
    assert.match(farOption.stderr, /unknown option "--verbose"\.\n {2}hint: run `rfc check --help`/);
    const badValue = await runRfc(["check", "--format", "xml"], { cwd: packageRoot });
    assert.equal(badValue.exitCode, 2);
    assert.match(badValue.stderr, /--format must be one of pretty, compact, json, github, sarif/);
  });

  test("outside a repository: exit 2, a message and a hint, no stack trace", async () => {
    const dir = await writeTempRepo({ "notes.md": "hi" });
    const result = await runRfc(["check"], { cwd: dir });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /No RFC repository found/);
    assert.match(result.stderr, /hint: /);
    assert.doesNotMatch(result.stderr, /at .*\.ts:\d+/);
  });

  const bundle = path.join(packageRoot, "dist/bin/rfc.js");
  test("the bundled bin runs on its own and checks a repository", { skip: existsSync(bundle) ? false : "dist/bin/rfc.js is not built (npm run build)" }, async () => {
    const root = await writeTempRepo({ "0000-template.md": "- Feature Name: x\n\n## Summary\n\nSay it.\n", "text/0001-a.md": "- Feature Name: `a`\n\n## Summary\n\nDone.\n" });
    const result = spawnSync(process.execPath, [bundle, "check", "--format", "json"], { cwd: root, encoding: "utf8" });
    assert.equal(result.stderr, "");
    assert.deepEqual(JSON.parse(result.stdout), []);
    assert.equal(result.status, 0);
  });

  const rust = corpus("rust-rfcs");
  test("a reader that closes the pipe early ends the command quietly", { skip: !existsSync(bundle) ? "dist/bin/rfc.js is not built (npm run build)" : rust.skip }, () => {
    // Rust's corpus gives far more output than a pipe holds, so the writer meets the closed pipe.
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${bundle}" check --root "${rust.dir}" | head -c 10`], { cwd: packageRoot, encoding: "utf8" });
    assert.equal(result.stdout.length, 10);
    assert.equal(result.stderr, "");
  });

  test("the bin runs from the TypeScript sources as a separate process", () => {
    const bin = path.join(packageRoot, "src/cli/main.ts");
    const result = spawnSync(process.execPath, ["--import", "tsx", bin, "--version"], { cwd: packageRoot, encoding: "utf8" });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
