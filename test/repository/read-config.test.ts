import assert from "node:assert/strict";
import { readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { loadRepository, UserError } from "../../src/index.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

// A template beside the repository, whose text must never reach a hint, a check or a new draft.
const secret = smallTemplate.replace("# Summary", "# Summary\n\nTOP-SECRET-OUTSIDE-THE-REPOSITORY");

/**
 * A folder holding `repo/` (with `files`, book.toml at line 1 `[rfckit]` then `settings`, one a
 * line) and `outside/` (a secret template and an empty folder beside it); returns both paths.
 */
async function setUp(settings: string[], files: Record<string, string> = {}): Promise<{ root: string; outside: string }> {
  const dir = await writeTempRepo({
    ...(settings.length > 0 ? { "repo/book.toml": ["[rfckit]", ...settings, ""].join("\n") } : {}),
    "repo/0000-template.md": smallTemplate,
    "repo/text/0001-rocket-boots.md": goodRfc,
    "outside/secret.md": secret,
    "outside/text/.keep": "",
    ...Object.fromEntries(Object.entries(files).map(([p, c]) => [`repo/${p}`, c])),
  });
  return { root: path.join(dir, "repo"), outside: path.join(dir, "outside") };
}

/** Asserts that loading `root` is refused with a UserError at book.toml's `line`, saying `message`. */
async function assertRefused(root: string, line: number, message: RegExp): Promise<void> {
  await assert.rejects(loadRepository({ root, history: false }), (error: unknown) => {
    assert.ok(error instanceof UserError, String(error));
    assert.equal(error.file, "book.toml");
    assert.equal(error.line, line);
    assert.match(error.message, message);
    assert.match(error.hint, /write a path inside the repository/);
    return true;
  });
}

describe("[rfckit] template and rfc-dir stay inside the repository", () => {
  test("a template path that climbs out with .. is refused at its line", async () => {
    const { root } = await setUp(['rfc-dir = "text"', 'template = "../outside/secret.md"']);
    await assertRefused(root, 3, /^\[rfckit\] template is "\.\.\/outside\/secret\.md", which is outside the repository\.$/);
    for (const args of [["check"], ["new", "Jet pack"], ["list"], ["build"]]) {
      const result = await runRfc(args, { cwd: root });
      assert.equal(result.exitCode, 2, `rfc ${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, /^book\.toml:3: \[rfckit\] template is "\.\.\/outside\/secret\.md", which is outside the repository\.\n {2}hint: write a path inside the repository, relative to the folder of book\.toml, such as template = "0000-template\.md"\.\n$/);
      assert.doesNotMatch(result.stdout + result.stderr, /TOP-SECRET/);
    }
    assert.deepEqual(await readdir(path.join(root, "text")), ["0001-rocket-boots.md"], "rfc new wrote nothing");
  });

  test("an absolute template path is refused, even one inside the repository", async () => {
    const { root, outside } = await setUp([]);
    await writeFile(path.join(root, "book.toml"), `[rfckit]\ntemplate = ${JSON.stringify(path.join(outside, "secret.md"))}\n`);
    await assertRefused(root, 2, /^\[rfckit\] template is ".*secret\.md", which is outside the repository\.$/);
    await writeFile(path.join(root, "book.toml"), `[rfckit]\ntemplate = ${JSON.stringify(path.join(root, "0000-template.md"))}\n`);
    await assertRefused(root, 2, /which is outside the repository/);
    await writeFile(path.join(root, "book.toml"), '[rfckit]\ntemplate = "C:\\\\Users\\\\me\\\\secret.md"\n');
    await assertRefused(root, 2, /^\[rfckit\] template is "C:\\\\Users\\\\me\\\\secret\.md", which is outside the repository\.$/);
  });

  test("a template that is, or lies in a folder that is, a symbolic link out of the repository is refused", async () => {
    const { root, outside } = await setUp(['template = "linked.md"']);
    await symlink(path.join(outside, "secret.md"), path.join(root, "linked.md"));
    await assertRefused(root, 2, /^\[rfckit\] template is "linked\.md", which leads outside the repository through a symbolic link\.$/);

    const folder = await setUp(['template = "templates/secret.md"']);
    await symlink(folder.outside, path.join(folder.root, "templates"));
    await assertRefused(folder.root, 2, /which leads outside the repository through a symbolic link/);
    const result = await runRfc(["new", "Jet pack"], { cwd: folder.root });
    assert.equal(result.exitCode, 2);
    assert.doesNotMatch(result.stdout + result.stderr, /TOP-SECRET/);
    assert.deepEqual(await readdir(path.join(folder.root, "text")), ["0001-rocket-boots.md"]);
  });

  test("the default template linked out of the repository is refused too, naming the file", async () => {
    const { root, outside } = await setUp([]);
    await rm(path.join(root, "0000-template.md"));
    await symlink(path.join(outside, "secret.md"), path.join(root, "0000-template.md"));
    await assert.rejects(loadRepository({ root, history: false }), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.file, "0000-template.md");
      assert.equal(error.line, undefined);
      assert.match(error.message, /^The template 0000-template\.md is a symbolic link that leads outside the repository\.$/);
      return true;
    });
  });

  test("an RFC folder outside the repository is refused, so rfc new writes nothing there", async () => {
    const { root, outside } = await setUp(['template = "0000-template.md"', 'rfc-dir = "../outside/text"']);
    await assertRefused(root, 3, /^\[rfckit\] rfc-dir is "\.\.\/outside\/text", which is outside the repository\.$/);
    const result = await runRfc(["new", "Jet pack"], { cwd: root });
    assert.equal(result.exitCode, 2, result.stderr);
    assert.match(result.stderr, /^book\.toml:3: \[rfckit\] rfc-dir is/);
    assert.deepEqual(await readdir(path.join(outside, "text")), [".keep"]);

    const linked = await setUp(['rfc-dir = "drafts"']);
    await symlink(path.join(linked.outside, "text"), path.join(linked.root, "drafts"));
    await assertRefused(linked.root, 2, /^\[rfckit\] rfc-dir is "drafts", which leads outside the repository through a symbolic link\.$/);
    assert.equal((await runRfc(["new", "Jet pack"], { cwd: linked.root })).exitCode, 2);
    assert.deepEqual(await readdir(path.join(linked.outside, "text")), [".keep"]);
  });

  test("paths inside the repository still load: a linked template inside, a folder not made yet, the root as RFC folder", async () => {
    const { root } = await setUp(['template = "linked.md"', 'rfc-dir = "rfcs/new"']);
    await symlink(path.join(root, "0000-template.md"), path.join(root, "linked.md"));
    const repo = await loadRepository({ root, history: false });
    assert.equal(repo.template.path, "linked.md");
    assert.deepEqual(repo.rfcs, []);
    const flat = await setUp(['rfc-dir = "."'], { "0002-jet-pack.md": goodRfc });
    assert.ok((await loadRepository({ root: flat.root, history: false })).rfcs.some((r) => r.path === "0002-jet-pack.md"));
  });
});

describe("[rfckit] file-pattern", () => {
  test("a pattern that repeats a repeating group is refused at its line, before any file name is matched against it", async () => {
    for (const pattern of ["^(?<slug>(\\\\w+)+)\\\\.md$", "^(?<number>\\\\d{4})-(?<slug>(?:-?[a-z]*)*)\\\\.md$"]) {
      const { root } = await setUp([`file-pattern = '${pattern.replace(/\\\\/g, "\\")}'`]);
      const result = await runRfc(["check"], { cwd: root });
      assert.equal(result.exitCode, 2, result.stderr);
      assert.match(result.stderr, /^book\.toml:2: book\.toml: \[rfckit\] file-pattern repeats a group that repeats itself, such as \(a\+\)\+/);
    }
  });

  test("the usual patterns are taken", async () => {
    const { root } = await setUp([`file-pattern = '^(?<number>\\d{4})-(?<slug>[^\\s/]+)\\.md$'`]);
    const result = await runRfc(["check"], { cwd: root });
    assert.notEqual(result.exitCode, 2, result.stderr);
  });
});
