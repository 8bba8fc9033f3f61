import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { examplesDir, packageRoot } from "../support/paths.ts";
import { makeTempDir } from "../support/temp-repo.ts";

// Installing the package the ways users do: from the tarball `npm pack` makes, and as a git
// dependency. Both start from the project's files alone (no node_modules, no dist), as a fresh
// clone has them; npm takes dependencies from its cache first, as after `npm ci`.
const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const quiet = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];
const skip = existsSync(path.join(packageRoot, ".git")) ? false : "not a git work tree: the package tests copy the project's tracked files";

/** The project's files, tracked or new (not ignored), copied into a new folder: a clean checkout of the work tree. */
async function cleanCheckout(): Promise<string> {
  const dir = await makeTempDir("rfckit-package-");
  const files = gitIn(packageRoot, ["ls-files", "-co", "--exclude-standard", "-z"]).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(path.join(packageRoot, file))) continue;
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(path.join(packageRoot, file), path.join(dir, file));
  }
  return dir;
}

/** A project of a team that uses rfckit: its RFC repository (the example), with rfckit installed from `spec`. */
async function installInto(spec: string): Promise<string> {
  const project = await makeTempDir("rfckit-consumer-");
  await cp(examplesDir, project, { recursive: true });
  const typesNode = JSON.parse(await readFile(path.join(packageRoot, "node_modules/@types/node/package.json"), "utf8")) as { version: string };
  await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "team-rfcs", private: true, type: "module" }));
  await run(npm, ["install", ...quiet, "--save-dev", spec, `@types/node@${typesNode.version}`], { cwd: project, maxBuffer: 1 << 24 });
  return project;
}

async function rfc(project: string, args: string[]) {
  return run(path.join(project, "node_modules/.bin/rfc"), args, { cwd: project }).then(
    ({ stdout, stderr }) => ({ stdout, stderr, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }),
  );
}

describe("installing rfckit", { skip }, () => {
  test("npm pack builds first; the tarball installs, rfc check and rfc build run, and a typed use compiles with skipLibCheck false", async () => {
    const checkout = await cleanCheckout();
    // The project's own dependencies, as `npm ci` would install them; dist/ is what pack must build.
    await symlink(path.join(packageRoot, "node_modules"), path.join(checkout, "node_modules"), "dir");
    const { stdout } = await run(npm, ["pack", "--silent", "--pack-destination", checkout], { cwd: checkout, maxBuffer: 1 << 24 });
    const tarball = path.join(checkout, stdout.trim().split("\n").at(-1)!);
    const project = await installInto(tarball);

    const installed = JSON.parse(await readFile(path.join(project, "node_modules/rfckit/package.json"), "utf8")) as { version: string };
    const version = await rfc(project, ["--version"]);
    assert.equal(version.stdout.trim(), installed.version);
    const check = await rfc(project, ["check"]);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /files? checked, no problems/);
    const build = await rfc(project, ["build", "--out", "site"]);
    assert.equal(build.code, 0, build.stderr);
    assert.ok((await readdir(path.join(project, "site"))).includes("index.html"));

    await writeFile(
      path.join(project, "use.ts"),
      [
        'import { checkRepository, loadRepository, parseDocument, rules, type Diagnostic, type Rule } from "rfckit";',
        'const repo = await loadRepository({ root: "." });',
        "const all: readonly Rule[] = rules;",
        "const found: Diagnostic[] = checkRepository(repo, { rules: all });",
        'const title: string | undefined = parseDocument("# Boots\\n").title?.text;',
        "export const summary = `${found.length} ${title ?? ''}`;",
        "",
      ].join("\n"),
    );
    await writeFile(path.join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", target: "es2022", skipLibCheck: false, noEmit: true, types: ["node"] }, files: ["use.ts"] }));
    const tsc = path.join(packageRoot, "node_modules/typescript/bin/tsc");
    const compiled = await run(process.execPath, [tsc, "-p", project]).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    assert.equal(compiled.stdout, "", "the published types do not compile on their own");
  });

  test("as a git dependency, npm builds it (prepare) and rfc runs", async () => {
    const checkout = await cleanCheckout();
    gitInit(checkout);
    commitAll(checkout, "rfckit", "2026-12-01");
    const project = await installInto(`git+file://${checkout}`);
    assert.ok(existsSync(path.join(project, "node_modules/rfckit/dist/bin/rfc.js")), "dist was not built");
    const check = await rfc(project, ["check", "--format", "json"]);
    assert.equal(check.code, 0, check.stderr);
    assert.deepEqual(JSON.parse(check.stdout), []);
  });
});
