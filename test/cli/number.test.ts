import assert from "node:assert/strict";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { corpus } from "../support/paths.ts";
import { runRfc } from "../support/run-cli.ts";
import { copyToTemp, writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { draft, numbered, writeNumberingFixture } from "../authoring/numbering-fixture.ts";
import { readTree } from "../support/read-tree.ts";

const placeholderPr = "[lantern-dev/rfcs#0000](https://github.com/lantern-dev/rfcs/pull/0000)";
const pr21 = "[lantern-dev/rfcs#21](https://github.com/lantern-dev/rfcs/pull/21)";

/** The tree expected after numbering the fixture's draft 0004: paths and links renamed, the PR line filled. */
function expectNumbered(before: Map<string, Buffer | null>, options: { pr: boolean }): Map<string, Buffer | null> {
  const expected = new Map<string, Buffer | null>();
  for (const [file, bytes] of before) {
    if (bytes === null || !file.endsWith(".md")) {
      expected.set(file.replace("0000-retention-tiers", "0004-retention-tiers"), bytes);
      continue;
    }
    let text = bytes.toString("utf8").replaceAll("0000-retention-tiers", "0004-retention-tiers");
    if (file === draft && options.pr) text = text.replace(`- RFC PR: ${placeholderPr}`, `- RFC PR: ${pr21}`);
    expected.set(file.replace("0000-retention-tiers", "0004-retention-tiers"), Buffer.from(text));
  }
  return sorted(expected);
}

function sorted<T>(snapshot: Map<string, T>): Map<string, T> {
  return new Map([...snapshot].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Runs `rfc number` expecting a refusal: exit 2, the message, and not a byte changed. */
async function assertRefused(root: string, args: string[], message: RegExp): Promise<void> {
  const before = await readTree(root);
  const status = gitIn(root, ["status", "--porcelain"]);
  const result = await runRfc(["number", ...args], { cwd: root });
  assert.equal(result.exitCode, 2, result.stderr);
  assert.match(result.stderr, message);
  assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace for a user error");
  assert.equal(result.stdout, "");
  assert.deepEqual(await readTree(root), before);
  assert.equal(gitIn(root, ["status", "--porcelain"]), status);
}

describe("rfc number", () => {
  test("renames the draft and its folder with git mv, rewrites every link to them, fills the PR link", async () => {
    const root = await writeNumberingFixture({ git: true });
    const before = await readTree(root);
    const result = await runRfc(["number", "0000-retention-tiers.md", "--pr", "21"], { cwd: path.join(root, "text") });
    assert.equal(result.stderr, "");
    assert.equal(
      result.stdout,
      [
        "Numbered text/0000-retention-tiers.md as 0004, the next free number (highest on main: 0003).",
        "  renamed  text/0000-retention-tiers.md → text/0004-retention-tiers.md",
        "  renamed  text/0000-retention-tiers/ → text/0004-retention-tiers/",
        "  rewrote  2 links in README.md",
        "  rewrote  1 link in text/0002-ingest-pipelines.md",
        "  rewrote  1 link in text/0003-saved-search-alerts.md",
        "  rewrote  2 links in text/0004-retention-tiers.md",
        "  rewrote  1 link in text/0004-retention-tiers/migration.md",
        `  filled   RFC PR: ${pr21}`,
        "",
      ].join("\n"),
    );
    assert.equal(result.exitCode, 0);
    assert.deepEqual(sorted(await readTree(root)), expectNumbered(before, { pr: true }));
    // git recorded the renames, so history follows the file.
    assert.deepEqual(gitIn(root, ["diff", "--cached", "--name-status", "-M"]).trim().split("\n").sort(), [
      "R100\ttext/0000-retention-tiers.md\ttext/0004-retention-tiers.md",
      "R100\ttext/0000-retention-tiers/migration.md\ttext/0004-retention-tiers/migration.md",
      "R100\ttext/0000-retention-tiers/tiers.svg\ttext/0004-retention-tiers/tiers.svg",
    ]);
    commitAll(root, "Number retention tiers", "2026-10-20");
    assert.deepEqual(gitIn(root, ["log", "--follow", "--format=%s", "--", numbered]).trim().split("\n"), ["Number retention tiers", "Lantern RFCs with a draft"]);
    // Every link still resolves.
    const check = await runRfc(["check", "--format", "json"], { cwd: root });
    assert.deepEqual((JSON.parse(check.stdout) as { rule: string }[]).filter((d) => d.rule === "link"), []);
  });

  test("outside git the renames are plain renames, with the same result", async () => {
    const root = await writeNumberingFixture({ git: false });
    const before = await readTree(root);
    const result = await runRfc(["number", "text/0000-retention-tiers.md"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Numbered text\/0000-retention-tiers.md as 0004, the next free number\.\n/);
    assert.deepEqual(sorted(await readTree(root)), expectNumbered(before, { pr: false }));
  });

  test("takes the next number after the base branch, where another RFC may have been merged", async () => {
    const root = await writeNumberingFixture({ git: true });
    gitIn(root, ["checkout", "-q", "-b", "retention-tiers"]);
    gitIn(root, ["checkout", "-q", "-b", "other", "main"]);
    await writeFile(path.join(root, "text/0004-query-history.md"), (await readFile(path.join(root, "text/0001-pipe-queries.md"), "utf8")).replace("pipe_queries", "query_history"));
    commitAll(root, "RFC 0004 merged", "2026-10-16");
    gitIn(root, ["checkout", "-q", "main"]);
    gitIn(root, ["merge", "-q", "--ff-only", "other"]);
    gitIn(root, ["checkout", "-q", "retention-tiers"]);
    await assertRefused(root, [draft, "--number", "4"], /^Number 0004 is taken by text\/0004-query-history\.md on main\.\n {2}hint: leave --number out to take the next free number \(0005\)\.\n$/);
    const result = await runRfc(["number", draft, "--dry-run"], { cwd: root });
    assert.equal(result.stdout.split("\n")[0], "Would number text/0000-retention-tiers.md as 0005, the next free number (highest on main: 0004).");
    const other = await runRfc(["number", draft, "--base", "HEAD", "--dry-run"], { cwd: root });
    assert.match(other.stdout, /as 0004, the next free number \(highest on HEAD: 0003\)/);
  });

  test("--dry-run prints the plan and changes nothing", async () => {
    const root = await writeNumberingFixture({ git: true });
    const before = await readTree(root);
    const result = await runRfc(["number", draft, "--dry-run", "--pr", "21"], { cwd: root });
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^Would number .*\n {2}would rename {3}text\/0000-retention-tiers\.md → text\/0004-retention-tiers\.md\n/);
    assert.match(result.stdout, /would fill {5}RFC PR: \[lantern-dev\/rfcs#21\]/);
    assert.deepEqual(await readTree(root), before);
    assert.equal(gitIn(root, ["status", "--porcelain"]), "");
  });

  test("refuses, leaving the tree untouched: not a draft, a number taken, a target that exists, a PR that disagrees", async () => {
    const root = await writeNumberingFixture({ git: true });
    await assertRefused(root, ["text/0001-pipe-queries.md"], /^text\/0001-pipe-queries\.md: This RFC already has number 0001: only drafts \(0000-….md\) are numbered\.\n/);
    await assertRefused(root, [draft, "--number", "2"], /^Number 0002 is taken by text\/0002-ingest-pipelines\.md\.\n {2}hint: leave --number out to take the next free number \(0004\)\.\n$/);
    await assertRefused(root, ["README.md"], /^README\.md is not an RFC of this repository .*\n {2}hint: drafts here: text\/0000-retention-tiers\.md\.\n$/);
    await assertRefused(root, [draft, "--number", "12345"], /^12345 does not fit the file names of this repository/);
    await assertRefused(root, [draft, "--pr", "abc"], /^--pr must be a positive whole number, not "abc"\./);
    await assertRefused(root, [], /^rfc number needs the draft to number\./);

    await mkdir(path.join(root, "text/0004-retention-tiers"));
    await assertRefused(root, [draft], /^text\/0004-retention-tiers already exists, so text\/0000-retention-tiers\.md cannot be renamed to it\./);
  });

  test("refuses a --pr that disagrees with the PR link already written", async () => {
    const root = await writeNumberingFixture({ git: true });
    const file = path.join(root, draft);
    await writeFile(file, (await readFile(file, "utf8")).replace(placeholderPr, "[lantern-dev/rfcs#30](https://github.com/lantern-dev/rfcs/pull/30)"));
    commitAll(root, "PR opened", "2026-10-15");
    await assertRefused(root, [draft, "--pr", "31"], /^text\/0000-retention-tiers\.md:4: "RFC PR" already links to pull request #30, not #31\.\n {2}hint: pass --pr 30/);
  });

  test("where RFCs are numbered by pull request, the file takes the PR's number", async () => {
    const draftText = goodRfc.replace("rocket_boots", "jet_pack").replace("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)");
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0012-rocket-boots.md": goodRfc, "text/0000-jet-pack.md": draftText });
    gitInit(root);
    commitAll(root, "RFCs", "2026-02-01");
    await assertRefused(root, ["text/0000-jet-pack.md"], /^text\/0000-jet-pack\.md: The RFC links no pull request yet, and this repository numbers RFCs by pull request\.\n {2}hint: pass the pull request's number: rfc number --pr N/);
    await assertRefused(root, ["text/0000-jet-pack.md", "--pr", "12"], /^Number 0012 is taken by text\/0012-rocket-boots\.md\./);
    await assertRefused(root, ["text/0000-jet-pack.md", "--pr", "15", "--number", "16"], /^--number 16 is not the pull request's number \(15\)/);
    const result = await runRfc(["number", "text/0000-jet-pack.md", "--pr", "15"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, /^Numbered text\/0000-jet-pack\.md as 0015, the number of its pull request\.\n/);
    assert.equal(await readFile(path.join(root, "text/0015-jet-pack.md"), "utf8"), draftText.replace("acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)", "acme/rfcs#15](https://github.com/acme/rfcs/pull/15)"));
    assert.equal(gitIn(root, ["status", "--porcelain"]), "RM text/0000-jet-pack.md -> text/0015-jet-pack.md\n");
  });

  const metalbear = corpus("metalbear-rfcs");
  test("on MetalBear's repository: a draft with an image folder becomes 0007", { skip: metalbear.skip }, async () => {
    const root = await copyToTemp(metalbear.dir);
    await makeWritable(root);
    gitInit(root);
    commitAll(root, "MetalBear RFCs", "2026-04-01");
    // Turn RFC 0002 back into a draft, as it was before it was merged.
    const original = await readFile(path.join(root, "text/0002-dashboard-backend.md"), "utf8");
    const image = await readFile(path.join(root, "text/0002-dashboard-backend/0002-dashboard-backend-architecture.png"));
    gitIn(root, ["mv", "text/0002-dashboard-backend.md", "text/0000-dashboard-backend.md"]);
    gitIn(root, ["mv", "text/0002-dashboard-backend", "text/0000-dashboard-backend"]);
    assert.ok(original.includes("](0002-dashboard-backend/"));
    await writeFile(path.join(root, "text/0000-dashboard-backend.md"), original.replaceAll("](0002-dashboard-backend/", "](0000-dashboard-backend/"));
    commitAll(root, "Dashboard backend draft", "2026-04-02");

    const result = await runRfc(["number", "text/0000-dashboard-backend.md"], { cwd: root });
    assert.equal(result.exitCode, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        "Numbered text/0000-dashboard-backend.md as 0007, the next free number (highest on main: 0006).",
        "  renamed  text/0000-dashboard-backend.md → text/0007-dashboard-backend.md",
        "  renamed  text/0000-dashboard-backend/ → text/0007-dashboard-backend/",
        "  rewrote  1 link in text/0007-dashboard-backend.md",
        "",
      ].join("\n"),
    );
    assert.equal(await readFile(path.join(root, "text/0007-dashboard-backend.md"), "utf8"), original.replaceAll("](0002-dashboard-backend/", "](0007-dashboard-backend/"));
    assert.deepEqual(await readFile(path.join(root, "text/0007-dashboard-backend/0002-dashboard-backend-architecture.png")), image);
    commitAll(root, "Number the dashboard backend RFC", "2026-04-03");
    assert.deepEqual(gitIn(root, ["log", "--follow", "--format=%s", "--", "text/0007-dashboard-backend.md"]).trim().split("\n"), [
      "Number the dashboard backend RFC",
      "Dashboard backend draft",
      "MetalBear RFCs",
    ]);
  });
});

/** The corpus is read-only; its copy must not be, for the command to write. */
async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(child);
    else await chmod(child, 0o644);
  }
}
