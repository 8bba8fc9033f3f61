import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseToml } from "smol-toml";
import { loadRepository } from "../../src/repository/load-repository.ts";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { corpus, examplesDir, packageRoot } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc } from "../support/run-cli.ts";
import { makeTempDir } from "../support/temp-repo.ts";

const shipped = (name: string) => readFileSync(path.join(packageRoot, "templates", name), "utf8");
const metalbear = shipped("metalbear-template.md");
const rust = shipped("rust-template.md");
const readme = shipped("repository-readme.md");
const checklist = shipped("pull-request-template.md");

const sections = [
  "Summary",
  "Motivation",
  "Guide-level explanation",
  "Reference-level explanation",
  "Drawbacks",
  "Rationale and alternatives",
  "Prior art",
  "Unresolved questions",
  "Future possibilities",
];

/** The files `rfc init` makes, as they should be byte for byte. */
function expectedFiles(options: { template: string; repo: string | null; title: string }): Map<string, Buffer | null> {
  const links = options.repo ?? "your-org/rfcs";
  const owner = links.split("/")[0]!;
  const book = options.repo
    ? `[book]\ntitle = ${JSON.stringify(options.title)}\n\n[output.html]\ngit-repository-url = "https://github.com/${options.repo}"\n`
    : `[book]\ntitle = ${JSON.stringify(options.title)}\n`;
  const files: Record<string, string | null> = {
    ".github/": null,
    ".github/PULL_REQUEST_TEMPLATE.md": checklist,
    ".gitignore": "book/\n",
    "0000-template.md": options.template.replaceAll("your-org/rfcs", links).replaceAll("your-org/your-project", `${owner}/your-project`),
    "README.md": readme.replace("# RFCs\n", () => `# ${options.title}\n`),
    "book.toml": book,
    "text/": null,
    "text/.gitkeep": "",
  };
  return new Map(Object.entries(files).map(([p, text]) => [p, text === null ? null : Buffer.from(text)]));
}

async function checkJson(cwd: string): Promise<{ exitCode: number; diagnostics: unknown[] }> {
  const result = await runRfc(["check", "--format", "json"], { cwd });
  return { exitCode: result.exitCode, diagnostics: JSON.parse(result.stdout) as unknown[] };
}

describe("rfc init", () => {
  test("creates the MetalBear form, README, text/, checklist, book.toml and .gitignore in a new folder, byte for byte", async () => {
    const cwd = await makeTempDir();
    const result = await runRfc(["init", "acme-rfcs", "--repo", "acme/rfcs", "--title", "Acme RFCs"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(result.stderr, "");
    assert.equal(
      result.stdout,
      [
        "Created an RFC repository in acme-rfcs:",
        "  0000-template.md                  the RFC template (MetalBear form)",
        "  README.md                         how the RFC process works",
        "  text/.gitkeep                     keeps the empty RFC folder in git",
        "  .github/PULL_REQUEST_TEMPLATE.md  the checklist of every RFC pull request",
        "  book.toml                         the book's settings (rfckit needs none: its defaults fit)",
        "  .gitignore                        keeps the built book out of git",
        "",
        "The RFC PR links point at acme/rfcs.",
        'Next: cd acme-rfcs && rfc new "My feature"',
        "",
      ].join("\n"),
    );
    const root = path.join(cwd, "acme-rfcs");
    assert.deepEqual(await readTree(root), expectedFiles({ template: metalbear, repo: "acme/rfcs", title: "Acme RFCs" }));
    assert.deepEqual(await checkJson(root), { exitCode: 0, diagnostics: [] });
  });

  test("the MetalBear form is a complete schema: its metadata keys, nine anchored sections, the PR repository", async () => {
    const cwd = await makeTempDir();
    await runRfc(["init", "--repo", "acme/rfcs"], { cwd });
    const repo = await loadRepository({ root: cwd, history: false });
    assert.deepEqual(repo.schema.metadata.map((k) => k.key), ["Feature Name", "Start Date", "Last Updated", "RFC PR", "RFC reference"]);
    assert.match(repo.schema.metadata[0]!.placeholder, /^\(fill me in /);
    assert.equal(repo.schema.metadata[4]!.placeholderItems.length, 2);
    assert.deepEqual(repo.schema.sections.map((s) => s.title), sections);
    assert.ok(repo.schema.sections.every((s) => s.hasAnchor && s.level === 2 && s.guidance !== ""));
    assert.equal(repo.schema.prKey, "RFC PR");
    assert.deepEqual(repo.schema.repository, { owner: "acme", repo: "rfcs" });
    assert.equal(repo.book.title, "RFCs");
    assert.equal(repo.book.gitRepositoryUrl, "https://github.com/acme/rfcs");
  });

  test("--template rust: Feature Name, Start Date, RFC PR, Rust Issue, and the same sections", async () => {
    const cwd = await makeTempDir();
    const result = await runRfc(["init", "--template", "rust", "--repo", "acme/rfcs"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Created an RFC repository in this folder:\n {2}0000-template\.md +the RFC template \(Rust form\)\n/);
    assert.match(result.stdout, /\nNext: rfc new "My feature"\n$/);
    assert.deepEqual(await readTree(cwd), expectedFiles({ template: rust, repo: "acme/rfcs", title: "RFCs" }));
    const repo = await loadRepository({ root: cwd, history: false });
    assert.deepEqual(repo.schema.metadata.map((k) => [k.key, k.placeholder.startsWith("(fill me in") ? "(fill me in …)" : k.placeholder]), [
      ["Feature Name", "(fill me in …)"],
      ["Start Date", "(fill me in …)"],
      ["RFC PR", "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)"],
      ["Rust Issue", "[acme/your-project#0000](https://github.com/acme/your-project/issues/0000)"],
    ]);
    assert.deepEqual(repo.schema.sections.map((s) => s.title), sections);
    assert.deepEqual(await checkJson(cwd), { exitCode: 0, diagnostics: [] });
  });

  test("without --repo outside a GitHub clone: the placeholder your-org/rfcs, the shipped template unchanged, and a note", async () => {
    const cwd = await makeTempDir();
    const result = await runRfc(["init"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /The RFC PR links point at your-org\/rfcs, a placeholder: replace it in 0000-template\.md/);
    assert.deepEqual(await readTree(cwd), expectedFiles({ template: metalbear, repo: null, title: "RFCs" }));
    assert.deepEqual(await checkJson(cwd), { exitCode: 0, diagnostics: [] });
  });

  test("in a clone of a GitHub repository, the links point at its origin", async () => {
    const cwd = await makeTempDir();
    gitInit(cwd);
    gitIn(cwd, ["remote", "add", "origin", "git@github.com:zeta-co/proposals.git"]);
    const result = await runRfc(["init", "--title", 'Zeta "RFC" $& book'], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /The RFC PR links point at zeta-co\/proposals \(from git's origin remote\)\./);
    assert.deepEqual(await readTree(cwd), expectedFiles({ template: metalbear, repo: "zeta-co/proposals", title: 'Zeta "RFC" $& book' }));
    // The title's quotes are escaped and `$&` is not a replacement pattern: TOML that reads back as the title given.
    const toml = parseToml(await readFile(path.join(cwd, "book.toml"), "utf8")) as { book: { title: string } };
    assert.equal(toml.book.title, 'Zeta "RFC" $& book');
    commitAll(cwd, "rfc init", "2026-01-05");
    assert.deepEqual(await checkJson(cwd), { exitCode: 0, diagnostics: [] });
  });

  test("--template <path> copies that file's bytes, and --repo retargets only its header's links", async () => {
    const cwd = await makeTempDir();
    const source = path.join(examplesDir, "0000-template.md");
    const original = await readFile(source, "utf8");
    const kept = await runRfc(["init", "kept", "--template", source], { cwd });
    assert.equal(kept.exitCode, 0, kept.stderr);
    assert.match(kept.stdout, new RegExp(`0000-template\\.md +the RFC template \\(copied from ${source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\)`));
    assert.deepEqual(await readFile(path.join(cwd, "kept/0000-template.md")), await readFile(source));
    assert.deepEqual(await checkJson(path.join(cwd, "kept")), { exitCode: 0, diagnostics: [] });

    const moved = await runRfc(["init", "moved", "--template", source, "--repo", "acme/rfcs"], { cwd });
    assert.equal(moved.exitCode, 0, moved.stderr);
    const header = original.slice(0, original.indexOf("\n\n"));
    const expected = header.replaceAll("lantern-dev/rfcs", "acme/rfcs") + original.slice(header.length);
    assert.equal(await readFile(path.join(cwd, "moved/0000-template.md"), "utf8"), expected);
    assert.notEqual(expected, original);
    assert.deepEqual(await checkJson(path.join(cwd, "moved")), { exitCode: 0, diagnostics: [] });
  });

  test("--template with MetalBear's own template file", { skip: corpus("metalbear-rfcs").skip }, async () => {
    const cwd = await makeTempDir();
    const source = path.join(corpus("metalbear-rfcs").dir, "0000-template.md");
    const result = await runRfc(["init", "--template", source, "--repo", "acme/rfcs"], { cwd });
    assert.equal(result.exitCode, 0, result.stderr);
    const original = await readFile(source, "utf8");
    const written = await readFile(path.join(cwd, "0000-template.md"), "utf8");
    assert.equal(written, original.replaceAll("metalbear-co/rfcs", "acme/rfcs"));
    assert.deepEqual(await checkJson(cwd), { exitCode: 0, diagnostics: [] });
  });

  test("refuses, writing nothing, when any file it would create exists; names every one (exit 2)", async () => {
    const cwd = await makeTempDir();
    gitInit(cwd);
    await writeFile(path.join(cwd, "README.md"), "# Our RFCs\n");
    await writeFile(path.join(cwd, ".gitignore"), "node_modules/\n");
    await mkdir(path.join(cwd, "text"));
    await writeFile(path.join(cwd, "text/0001-old.md"), "- Feature Name: `old`\n");
    commitAll(cwd, "existing files", "2026-01-05");
    const before = await readTree(cwd);
    const result = await runRfc(["init", "--repo", "acme/rfcs"], { cwd });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      "rfc init would overwrite what is already in this folder, so it wrote nothing:\n  README.md\n  .gitignore\n" +
        "  hint: move or delete those files, or run rfc init in a new folder (rfc init <dir>).\n",
    );
    assert.deepEqual(await readTree(cwd), before);
    assert.equal(gitIn(cwd, ["status", "--porcelain"]), "");
  });

  test("refuses when a folder it needs is a file, or the target is a file", async () => {
    const cwd = await makeTempDir();
    gitInit(cwd);
    await writeFile(path.join(cwd, ".github"), "not a folder\n");
    commitAll(cwd, "a file named .github", "2026-01-05");
    const before = await readTree(cwd);
    const result = await runRfc(["init"], { cwd });
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /^rfc init would overwrite what is already in this folder, so it wrote nothing:\n {2}\.github \(a file, where rfc init needs a folder\)\n/);
    assert.deepEqual(await readTree(cwd), before);
    assert.equal(gitIn(cwd, ["status", "--porcelain"]), "");

    const onFile = await runRfc(["init", ".github"], { cwd });
    assert.equal(onFile.exitCode, 2);
    assert.match(onFile.stderr, /\.github \(a file, not a folder\)/);
    assert.deepEqual(await readTree(cwd), before);
  });

  test("usage errors exit 2 and create nothing: a bad --repo, a missing --template file, an empty --title, two folders", async () => {
    const cwd = await makeTempDir();
    const cases: [string[], RegExp][] = [
      [["init", "--repo", "https://github.com/acme/rfcs"], /--repo must be a GitHub repository as owner\/name/],
      [["init", "--template", "no-such-template.md"], /--template no-such-template\.md: no such file/],
      [["init", "--title", "  "], /--title is empty/],
      [["init", "a", "b"], /rfc init takes one folder, not 2/],
    ];
    for (const [args, message] of cases) {
      const result = await runRfc(args, { cwd });
      assert.equal(result.exitCode, 2, args.join(" "));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /\n {2}hint: /);
    }
    assert.deepEqual(await readTree(cwd), new Map());
  });

  test("the shipped files are rfckit's own words: no sentence of the real templates' guidance", { skip: corpus("metalbear-rfcs").skip || corpus("rust-rfcs").skip }, async () => {
    const theirs = [corpus("metalbear-rfcs").dir, corpus("rust-rfcs").dir].map((dir) => readFileSync(path.join(dir, "0000-template.md"), "utf8")).join("\n");
    const normalise = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
    const corpusText = normalise(theirs);
    for (const text of [metalbear, rust, readme, checklist]) {
      // Headings, anchors and metadata lines are the form itself; prose must be new.
      const sentences = text
        .split("\n")
        .filter((line) => !/^(#|\[|- [A-Z][\w ]+:)/.test(line))
        .join(" ")
        .split(/(?<=[.?!])\s+/)
        .map(normalise)
        .filter((s) => s.split(" ").length >= 6);
      for (const sentence of sentences) assert.ok(!corpusText.includes(sentence), `copied: ${sentence}`);
    }
  });
});
