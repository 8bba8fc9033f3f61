import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { corpus, examplesDir } from "../support/paths.ts";
import { readTree } from "../support/read-tree.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { copyToTemp, makeTempDir, writeTempRepo } from "../support/temp-repo.ts";
import { smallTemplate } from "../support/templates.ts";


/** Today in the local time zone, as `rfc new` writes it. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The template with the values `rfc new` fills, each on its own list line. */
function filledList(template: string, feature: string, keys: readonly string[] = ["Start Date", "Last Updated"]): string {
  let text = template.replace(/^- Feature Name: .*$/m, `- Feature Name: \`${feature}\``);
  for (const key of keys) text = text.replace(new RegExp(`^- ${key}: .*$`, "m"), `- ${key}: ${today()}`);
  return text;
}

/** An RFC repository made by `rfc init --repo acme/rfcs`, committed, in a temporary git repository. */
async function initRepo(template = "metalbear"): Promise<string> {
  const root = await makeTempDir();
  gitInit(root);
  const init = await runRfc(["init", "--repo", "acme/rfcs", "--template", template], { cwd: root });
  assert.equal(init.exitCode, 0, init.stderr);
  commitAll(root, "rfc init", "2026-01-05");
  return root;
}

/** A temporary git copy of `source`, committed. */
async function gitCopy(source: string): Promise<string> {
  const root = await copyToTemp(source);
  gitInit(root);
  commitAll(root, "copy", "2026-01-05");
  return root;
}

async function diagnosticsOf(root: string, file: string): Promise<JsonDiagnostic[]> {
  const result = await runRfc(["check", "--format", "json", file], { cwd: root });
  return JSON.parse(result.stdout) as JsonDiagnostic[];
}

const summary = (d: JsonDiagnostic) => `${d.line} ${d.severity} ${d.rule}`;

/** What a fresh draft from a MetalBear-form template gets: the reference items and the Summary to write, the rest as warnings. */
function freshDraftDiagnostics(sectionLines: readonly number[]): string[] {
  const [summaryLine, ...others] = sectionLines;
  return [
    "6 error metadata-placeholder",
    "7 error metadata-placeholder",
    `${summaryLine} error section-unchanged`,
    ...others.map((line) => `${line} warning section-unchanged`),
  ];
}

async function assertUntouched(root: string, before: Map<string, Buffer | null>): Promise<void> {
  assert.deepEqual(await readTree(root), before);
  assert.equal(gitIn(root, ["status", "--porcelain"]), "");
}

describe("rfc new", () => {
  test("creates text/0000-<slug>.md from the template: feature, dates filled, everything else the template's bytes", async () => {
    const root = await initRepo();
    const result = await runRfc(["new", "Remote Build Cache!"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(
      result.stdout,
      "Created text/0000-remote-build-cache.md\n" +
        "  filled in: Feature Name, Start Date, Last Updated; the rest of the template is yours to replace.\n" +
        "Next: write its Summary, then run rfc check text/0000-remote-build-cache.md\n",
    );
    const template = await readFile(path.join(root, "0000-template.md"), "utf8");
    assert.equal(await readFile(path.join(root, "text/0000-remote-build-cache.md"), "utf8"), filledList(template, "remote_build_cache"));
    assert.equal(gitIn(root, ["status", "--porcelain"]), "?? text/0000-remote-build-cache.md\n");
  });

  test("a 300-character title makes a file name of whole words that any system can write", async () => {
    const root = await initRepo();
    const title = `${"Remote build cache ".repeat(15)}forever`.trim();
    const result = await runRfc(["new", title], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    const created = /^Created (text\/0000-[a-z0-9-]+\.md)$/m.exec(result.stdout)?.[1];
    assert.ok(created, result.stdout);
    assert.ok(path.basename(created).length <= 90, created);
    assert.ok((await readFile(path.join(root, created), "utf8")).includes("remote_build_cache_remote_build_cache"));
  });

  test("a fresh draft gets exactly the placeholders left for the author, none about what rfc new filled in", async () => {
    const root = await initRepo();
    await runRfc(["new", "Remote build cache"], { cwd: root });
    const diagnostics = await diagnosticsOf(root, "text/0000-remote-build-cache.md");
    assert.deepEqual(diagnostics.map(summary), freshDraftDiagnostics([9, 14, 23, 33, 45, 51, 58, 64, 71]));
    assert.ok(diagnostics.every((d) => d.line > 4), "nothing on the lines rfc new filled (1-3) or the PR link a draft may keep (4)");
    const check = await runRfc(["check"], { cwd: root });
    assert.equal(check.exitCode, 1);
    assert.match(check.stdout, /✖ 3 errors and 8 warnings in 1 of 1 file\./);
  });

  test("the Rust form: the RFC PR and Rust Issue placeholders may stay in a draft, so only the sections are reported", async () => {
    const root = await initRepo("rust");
    const result = await runRfc(["new", "Async closures"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /filled in: Feature Name, Start Date;/);
    const template = await readFile(path.join(root, "0000-template.md"), "utf8");
    assert.equal(await readFile(path.join(root, "text/0000-async-closures.md"), "utf8"), filledList(template, "async_closures", ["Start Date"]));
    const diagnostics = await diagnosticsOf(root, "text/0000-async-closures.md");
    assert.deepEqual(diagnostics.map(summary), freshDraftDiagnostics([6, 11, 20, 30, 42, 48, 55, 61, 68]).slice(2));
  });

  test("--assets also creates the empty folder text/0000-<slug>/, which belongs to the draft", async () => {
    const root = await initRepo();
    const result = await runRfc(["new", "Remote build cache", "--assets", "--feature", "rbc"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Created text\/0000-remote-build-cache\.md\nCreated text\/0000-remote-build-cache\/ for its images and other files\n/);
    assert.deepEqual(await readdir(path.join(root, "text/0000-remote-build-cache")), []);
    assert.match(await readFile(path.join(root, "text/0000-remote-build-cache.md"), "utf8"), /^- Feature Name: `rbc`\n/);
    const diagnostics = await diagnosticsOf(root, "text/0000-remote-build-cache.md");
    assert.ok(!diagnostics.some((d) => d.rule === "file-name" || d.rule === "feature-name"), diagnostics.map(summary).join("\n"));
  });

  test("on a terminal without a title, asks for the title and the feature name; Enter takes the suggestion", async () => {
    const root = await initRepo();
    const result = await runRfc(["new"], { cwd: root, tty: true, stdin: "My title\n\n" });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Title: Feature name \(my_title\): Created text\/0000-my-title\.md\n/);
    const template = await readFile(path.join(root, "0000-template.md"), "utf8");
    assert.equal(await readFile(path.join(root, "text/0000-my-title.md"), "utf8"), filledList(template, "my_title"));

    const typed = await runRfc(["new"], { cwd: root, tty: true, stdin: "Second idea\nsecond_thing\n" });
    assert.equal(typed.exitCode, 0, typed.stderr);
    assert.match(await readFile(path.join(root, "text/0000-second-idea.md"), "utf8"), /^- Feature Name: `second_thing`\n/);

    const featureGiven = await runRfc(["new", "--feature", "third_thing"], { cwd: root, tty: true, stdin: "Third idea\n" });
    assert.equal(featureGiven.exitCode, 0, featureGiven.stderr);
    assert.match(featureGiven.stdout, /^Title: Created text\/0000-third-idea\.md\n/);
  });

  test("on a terminal, a feature name that is no identifier is said and asked for again", async () => {
    const root = await initRepo();
    const result = await runRfc(["new"], { cwd: root, tty: true, stdin: "Jet pack\njet-pack\n2fast\njet_pack\n" });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Title: Feature name \(jet_pack\): "jet-pack" is not an identifier: letters, digits and "_" only, not starting with a digit \(e\.g\. jet_pack\)\.\nFeature name \(jet_pack\): "2fast" is not an identifier/);
    assert.match(await readFile(path.join(root, "text/0000-jet-pack.md"), "utf8"), /^- Feature Name: `jet_pack`\n/);
    // Three wrong answers give up with the library's refusal, and nothing is created.
    const before = await readTree(root);
    const refused = await runRfc(["new"], { cwd: root, tty: true, stdin: "Other\na-b\nc-d\ne-f\n" });
    assert.equal(refused.exitCode, 2);
    assert.match(refused.stderr, /^The feature name "e-f" is not an identifier/);
    assert.deepEqual(await readTree(root), before);
  });

  test("a title in another script gets a transliterated slug, or the one --slug gives; a bad --slug is refused", async () => {
    const root = await initRepo();
    const russian = await runRfc(["new", "Кэш сборки"], { cwd: root });
    assert.equal(russian.exitCode, 0, russian.stderr);
    assert.match(russian.stdout, /^Created text\/0000-kesh-sborki\.md\n/);
    assert.match(await readFile(path.join(root, "text/0000-kesh-sborki.md"), "utf8"), /^- Feature Name: `kesh_sborki`\n/);
    const slugged = await runRfc(["new", "ビルドキャッシュ", "--slug", "build-cache"], { cwd: root });
    assert.equal(slugged.exitCode, 0, slugged.stderr);
    assert.match(slugged.stdout, /^Created text\/0000-build-cache\.md\n/);
    assert.match(await readFile(path.join(root, "text/0000-build-cache.md"), "utf8"), /^- Feature Name: `build_cache`\n/);
    const before = await readTree(root);
    const bad = await runRfc(["new", "Cache", "--slug", "Build Cache"], { cwd: root });
    assert.equal(bad.exitCode, 2);
    assert.match(bad.stderr, /^The slug "Build Cache" is not one a file name takes: .*\n {2}hint: pass --slug build-cache, /);
    assert.deepEqual(await readTree(root), before);
  });

  test("on a terminal, an empty answer or closed input creates nothing (exit 2)", async () => {
    const root = await initRepo();
    const before = await readTree(root);
    for (const stdin of ["\n", ""]) {
      const result = await runRfc(["new"], { cwd: root, tty: true, stdin });
      assert.equal(result.exitCode, 2);
      assert.match(result.stderr, /^No title given; nothing was created\.\n {2}hint: /);
    }
    await assertUntouched(root, before);
  });

  test("without a terminal and without a title: a usage error, exit 2, nothing created", async () => {
    const root = await initRepo();
    const before = await readTree(root);
    const result = await runRfc(["new"], { cwd: root, stdin: "Piped title\n" });
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, "");
    assert.equal(result.stderr, `rfc new needs the RFC's title.\n  hint: run rfc new "Remote build cache" (it is asked for only on a terminal).\n`);
    await assertUntouched(root, before);
  });

  test("a title with no letters or digits, or a --feature that is not an identifier: exit 2, nothing created", async () => {
    const root = await initRepo();
    const before = await readTree(root);
    const noSlug = await runRfc(["new", "!!! ???"], { cwd: root });
    assert.equal(noSlug.exitCode, 2);
    assert.match(noSlug.stderr, /^The title "!!! \?\?\?" has no letters or digits to name the RFC's file with\./);
    const badFeature = await runRfc(["new", "Build cache", "--feature", "build-cache"], { cwd: root });
    assert.equal(badFeature.exitCode, 2);
    assert.match(badFeature.stderr, /^The feature name "build-cache" is not an identifier .*\n {2}hint: pass --feature build_cache,/);
    await assertUntouched(root, before);
  });

  test("refuses a slug or feature name another RFC has, numbered or draft, naming it; the tree stays as it was", async () => {
    const root = await gitCopy(examplesDir);
    const before = await readTree(root);
    const cases: [string[], string][] = [
      [["new", "Pipe Queries"], 'An RFC with the slug "pipe-queries" already exists: text/0001-pipe-queries.md.'],
      [["new", "Retention tiers", "--feature", "other_name"], 'An RFC with the slug "retention-tiers" already exists: text/0000-retention-tiers.md.'],
      [["new", "Storage classes", "--feature", "retention_tiers"], 'The feature name "retention_tiers" is already used by text/0000-retention-tiers.md.'],
      [["new", "Saved Search Alerts", "--assets"], 'An RFC with the slug "saved-search-alerts" already exists: text/0003-saved-search-alerts.md.'],
    ];
    for (const [args, message] of cases) {
      const result = await runRfc(args, { cwd: root });
      assert.equal(result.exitCode, 2, args.join(" "));
      assert.equal(result.stderr.split("\n")[0], message);
      await assertUntouched(root, before);
    }
    const numbered = readFileSync(path.join(root, "text/0002-ingest-pipelines.md"), "utf8");
    const feature = /^- Feature Name: `(\w+)`/m.exec(numbered)![1]!;
    const clash = await runRfc(["new", "Something else", "--feature", feature], { cwd: root });
    assert.equal(clash.stderr.split("\n")[0], `The feature name "${feature}" is already used by text/0002-ingest-pipelines.md.`);
    await assertUntouched(root, before);
  });

  test("in a copy of the example repository: the example's own template, filled, and only placeholders reported", async () => {
    const root = await gitCopy(examplesDir);
    const result = await runRfc(["new", "Log sampling"], { cwd: path.join(root, "text") });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Created \.\.\/text\/0000-log-sampling\.md\n/);
    const template = readFileSync(path.join(examplesDir, "0000-template.md"), "utf8");
    assert.equal(await readFile(path.join(root, "text/0000-log-sampling.md"), "utf8"), filledList(template, "log_sampling"));
    const diagnostics = await diagnosticsOf(root, "text/0000-log-sampling.md");
    assert.deepEqual(diagnostics.map(summary), freshDraftDiagnostics([9, 14, 23, 34, 45, 51, 58, 64, 71]));
    assert.equal(gitIn(root, ["status", "--porcelain"]), "?? text/0000-log-sampling.md\n");
  });

  test("in a copy of MetalBear's repository: its template, filled, and only placeholders reported", { skip: corpus("metalbear-rfcs").skip }, async () => {
    const root = await gitCopy(corpus("metalbear-rfcs").dir);
    const result = await runRfc(["new", "Log sampling"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    const template = await readFile(path.join(root, "0000-template.md"), "utf8");
    assert.equal(await readFile(path.join(root, "text/0000-log-sampling.md"), "utf8"), filledList(template, "log_sampling"));
    const diagnostics = await diagnosticsOf(root, "text/0000-log-sampling.md");
    assert.deepEqual(diagnostics.map(summary), freshDraftDiagnostics([9, 14, 26, 39, 50, 64, 71, 80, 88]));
    const refused = await runRfc(["new", "Multi cluster"], { cwd: root });
    assert.equal(refused.stderr.split("\n")[0], 'An RFC with the slug "multi-cluster" already exists: text/0001-multi-cluster.md.');
  });

  test("keeps the template's byte-order mark and CRLF line endings", async () => {
    const template = `\uFEFF${smallTemplate.replace(/\n/g, "\r\n")}`;
    const root = await writeTempRepo({ "0000-template.md": template });
    const result = await runRfc(["new", "Rocket boots"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    const expected = `\uFEFF${filledList(smallTemplate, "rocket_boots").replace(/\n/g, "\r\n")}`;
    assert.deepEqual(await readFile(path.join(root, "text/0000-rocket-boots.md")), Buffer.from(expected));
  });

  test("writes the title where the template has one: a # heading and a front matter title, in the template's quoting", async () => {
    const template = [
      "---",
      'title: "(fill me in with the title)"',
      "feature: (fill me in)",
      "start-date: YYYY-MM-DD",
      "status: draft",
      "---",
      "",
      "# (fill me in with the title)",
      "",
      "## Summary",
      "",
      "What it is.",
      "",
    ].join("\n");
    const root = await writeTempRepo({ "0000-template.md": template });
    const result = await runRfc(["new", 'Say "hello": a greeting'], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /filled in: title, feature, start-date, title heading;/);
    const expected = template
      .replace('title: "(fill me in with the title)"', 'title: "Say \\"hello\\": a greeting"')
      .replace("feature: (fill me in)", "feature: say_hello_a_greeting")
      .replace("start-date: YYYY-MM-DD", `start-date: ${today()}`)
      .replace("# (fill me in with the title)", '# Say "hello": a greeting');
    assert.equal(await readFile(path.join(root, "text/0000-say-hello-a-greeting.md"), "utf8"), expected);
  });
});

describe("rfc new keeps the title given", () => {
  const template = "- Start Date: (YYYY-MM-DD)\n\n## Summary\n\nOne paragraph.\n";
  const titled = (title: string) => `- Start Date: 2026-01-02\n\n# ${title}\n\n## Summary\n\nText.\n`;

  test("where the repository's RFCs write a title the template has no place for: an H1 above the first section", async () => {
    const root = await writeTempRepo({ "0000-template.md": template, "text/0001-crc.md": titled("CRC generator"), "text/0002-enums.md": titled("Enumeration shapes") });
    const result = await runRfc(["new", "Remote Build Cache!"], { cwd: root });
    assert.match(result.stdout, /filled in: Start Date, title heading;/);
    assert.equal(await readFile(path.join(root, "text/0000-remote-build-cache.md"), "utf8"), `- Start Date: ${today()}\n\n# Remote Build Cache!\n\n## Summary\n\nOne paragraph.\n`);
    const rows = JSON.parse((await runRfc(["list", "--format", "json"], { cwd: root })).stdout) as { path: string; title: string }[];
    assert.equal(rows.find((r) => r.path === "text/0000-remote-build-cache.md")?.title, "Remote Build Cache!");
  });

  test("where they do not, the file is the template's: the title is in the file name", async () => {
    const root = await writeTempRepo({ "0000-template.md": template, "text/0001-crc.md": "- Start Date: 2026-01-02\n\n## Summary\n\nText.\n" });
    const result = await runRfc(["new", "Remote Build Cache!"], { cwd: root });
    assert.match(result.stdout, /filled in: Start Date;/);
    assert.doesNotMatch(await readFile(path.join(root, "text/0000-remote-build-cache.md"), "utf8"), /^# /m);
  });

  test("a template's plain title line gets the title", async () => {
    const root = await writeTempRepo({ "0000-template.md": `RFC title\n\n${template}` });
    const result = await runRfc(["new", "Remote Build Cache!"], { cwd: root });
    assert.match(result.stdout, /filled in: title line, Start Date;/);
    assert.match(await readFile(path.join(root, "text/0000-remote-build-cache.md"), "utf8"), /^Remote Build Cache!\n\n- Start Date: /);
  });
});
