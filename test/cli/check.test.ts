import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { commitAll, gitIn, gitInit, mergeBranch } from "../support/git.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { copyToTemp, makeTempDir, writeTempRepo } from "../support/temp-repo.ts";
import { examplesDir } from "../support/paths.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";


const withoutLastUpdated = goodRfc.replace("- Last Updated: 2026-02-01\n", "");
const draftWithout = withoutLastUpdated.replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n", "- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n");

async function check(args: string[], cwd: string) {
  const result = await runRfc(["check", "--format", "json", ...args], { cwd });
  return { ...result, diagnostics: result.stdout ? (JSON.parse(result.stdout) as JsonDiagnostic[]) : [] };
}

// The template before it gained "RFC reference" (committed on 2025-01-01 in the history tests), and an RFC written from it.
const templateWithoutReference = smallTemplate.replace("- RFC reference:\n  - [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n", "");
const rfcWithoutReference = goodRfc.replace("- RFC reference:\n  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)\n", "");

/** Adds text/0001-old.md, started on `startDate`, and checks it is held to the template of 2025-01-01. */
async function assertHeldToFirstTemplate(root: string, startDate: string): Promise<void> {
  await mkdir(path.join(root, "text"));
  await writeFile(path.join(root, "text/0001-old.md"), rfcWithoutReference.replace("2026-01-10", startDate));
  const json = await check([], root);
  assert.deepEqual(json.diagnostics.filter((d) => d.rule === "metadata-missing"), []);
  const pretty = await runRfc(["check"], { cwd: root });
  assert.match(pretty.stdout, /text\/0001-old.md: checked against 0000-template.md as of 2025-01-01/);
}

describe("rfc check", () => {
  test("a clean repository exits 0 with an empty JSON array", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-good.md": goodRfc });
    const result = await check([], root);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.exitCode, 0);
  });

  test("JSON diagnostics have the documented fields, paths relative to the root with /", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0000-draft.md": draftWithout });
    const result = await check([], path.join(root, "text"));
    const missing = result.diagnostics.find((d) => d.rule === "metadata-missing")!;
    assert.deepEqual(Object.keys(missing), ["file", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "hint", "fix", "docs"]);
    assert.equal(missing.file, "text/0000-draft.md");
    assert.equal(missing.severity, "error");
    assert.equal(result.exitCode, 1);
  });

  test("warnings alone exit 0", async () => {
    // A numbered RFC without git history gets warnings from template rules.
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-old.md": withoutLastUpdated });
    const result = await check([], root);
    assert.ok(result.diagnostics.some((d) => d.rule === "metadata-missing" && d.severity === "warning"));
    assert.ok(result.diagnostics.every((d) => d.severity === "warning"));
    assert.equal(result.exitCode, 0);
  });

  test("paths limit the check to those RFCs", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0000-a.md": draftWithout, "text/0000-b.md": draftWithout.replace("rocket_boots", "other_boots") });
    const one = await check(["text/0000-b.md"], root);
    assert.deepEqual([...new Set(one.diagnostics.map((d) => d.file))], ["text/0000-b.md"]);
  });

  test("rule severities can be changed or turned off in book.toml", async () => {
    const files = { "0000-template.md": smallTemplate, "text/0000-a.md": draftWithout };
    const off = await writeTempRepo({ ...files, "book.toml": '[rfckit.rules]\nmetadata-missing = "off"\n' });
    assert.equal((await check([], off)).diagnostics.filter((d) => d.rule === "metadata-missing").length, 0);
    const warning = await writeTempRepo({ ...files, "book.toml": '[rfckit.rules]\nmetadata-missing = "warning"\n' });
    const result = await check([], warning);
    assert.deepEqual(result.diagnostics.filter((d) => d.rule === "metadata-missing").map((d) => d.severity), ["warning"]);
  });

  test("--changed checks only the RFCs changed since the base branch", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-old.md": goodRfc, "text/0002-untouched.md": goodRfc.replace("rocket_boots", "b") });
    gitInit(root);
    commitAll(root, "base", "2026-01-01");
    gitIn(root, ["checkout", "-q", "-b", "feature"]);
    await writeFile(path.join(root, "text/0001-old.md"), withoutLastUpdated);
    commitAll(root, "change one RFC", "2026-02-02");
    await writeFile(path.join(root, "text/0000-new.md"), draftWithout.replace("rocket_boots", "c"));
    const result = await check(["--changed", "--base", "main"], root);
    assert.deepEqual([...new Set(result.diagnostics.map((d) => d.file))].sort(), ["text/0000-new.md", "text/0001-old.md"]);
    const badBase = await check(["--changed", "--base", "no-such-branch"], root);
    assert.equal(badBase.exitCode, 2);
    assert.match(badBase.stderr, /could not compare with "no-such-branch"/);
  });

  test("--changed still sees across RFCs: a feature name taken by an unchanged RFC, a link to another RFC's missing section", async () => {
    const linking = goodRfc
      .replace("Boots that let engineers jump over slow builds.", "Boots, as in [the other RFC](0002-other.md#no-such-section) and [its summary](0002-other.md#summary).")
      .replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", "- RFC PR: [acme/rfcs#13](https://github.com/acme/rfcs/pull/13)")
      .replace("- Last Updated: 2026-02-01", "- Last Updated: 2026-02-02");
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-old.md": goodRfc, "text/0002-other.md": goodRfc.replace("rocket_boots", "b").replace("2026-01-10", "bad date") });
    gitInit(root);
    commitAll(root, "base", "2026-01-01");
    gitIn(root, ["checkout", "-q", "-b", "feature"]);
    await writeFile(path.join(root, "text/0003-new.md"), linking);
    commitAll(root, "a new RFC", "2026-02-02");
    const changed = await check(["--changed", "--base", "main"], root);
    const full = await check([], root);
    assert.deepEqual(changed.diagnostics, full.diagnostics.filter((d) => d.file === "text/0003-new.md"));
    assert.deepEqual(changed.diagnostics.map((d) => d.rule).sort(), ["feature-name", "link"]);
    assert.match(changed.diagnostics.find((d) => d.rule === "link")!.message, /no-such-section/);
    // The unchanged RFC's own problem is reported by the full check only.
    assert.ok(full.diagnostics.some((d) => d.file === "text/0002-other.md"));
  });

  test("an accepted RFC as committed is history: the template's rules warn; named or changed on the branch, they are errors", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-old.md": withoutLastUpdated });
    gitInit(root);
    commitAll(root, "accept", "2026-01-01");
    const severities = async (args: string[]) => (await check(args, root)).diagnostics.filter((d) => d.rule === "metadata-missing").map((d) => d.severity);
    assert.deepEqual(await severities([]), ["warning"]);
    assert.deepEqual(await severities(["text/0001-old.md"]), ["error"]);
    const history = /^Accepted RFCs, as committed, are history: template rules give them warnings/m;
    assert.match((await runRfc(["check"], { cwd: root })).stdout, history);
    assert.doesNotMatch((await runRfc(["check", "text/0001-old.md"], { cwd: root })).stdout, history);
    gitIn(root, ["checkout", "-q", "-b", "feature"]);
    await writeFile(path.join(root, "text/0001-old.md"), `${withoutLastUpdated}\nOne more line.\n`);
    commitAll(root, "amend the RFC", "2026-02-02");
    assert.deepEqual(await severities(["--changed", "--base", "main"]), ["error"]);
    assert.deepEqual(await severities([]), ["warning"]);
  });

  test("an RFC older than the template's last change is held to the old template, and the output says so", async () => {
    const root = await writeTempRepo({ "0000-template.md": templateWithoutReference });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    const oldRfc = rfcWithoutReference.replace("2026-01-10", "2025-03-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains RFC reference", "2025-06-01");
    await mkdir(path.join(root, "text"));
    await writeFile(path.join(root, "text/0001-old.md"), oldRfc);
    const json = await check([], root);
    assert.deepEqual(json.diagnostics.filter((d) => d.rule === "metadata-missing"), []);
    const pretty = await runRfc(["check"], { cwd: root });
    assert.match(pretty.stdout, /text\/0001-old.md: checked against 0000-template.md as of 2025-01-01 \([0-9a-f]{7}\)/);
    // The same RFC started after the change is held to the new template.
    await writeFile(path.join(root, "text/0001-old.md"), oldRfc.replace("2025-03-01", "2025-07-01"));
    const newer = await check([], root);
    assert.deepEqual(newer.diagnostics.filter((d) => d.rule === "metadata-missing").map((d) => [d.severity, d.message]), [["error", 'Metadata "RFC reference" from the template is missing.']]);
  });

  test("dates as real histories hold them: an ISO timestamp Start Date, and the author date of a rebased commit", async () => {
    const root = await writeTempRepo({ "0000-template.md": templateWithoutReference });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains RFC reference", "2025-06-01");
    const oldRfc = rfcWithoutReference;
    await mkdir(path.join(root, "text"));
    await writeFile(path.join(root, "text/0001-stamped.md"), oldRfc.replace("2026-01-10", "2025-03-01T00:00:00.000Z"));
    // Written in February, rebased onto the new template in July: the author date says when it started.
    await writeFile(path.join(root, "text/0002-rebased.md"), oldRfc.replace(/- Start Date: .*\n/, "").replace("rocket_boots", "jet_pack").replace("acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", "acme/rfcs#2](https://github.com/acme/rfcs/pull/2)"));
    gitIn(root, ["add", "text/0002-rebased.md"]);
    execFileSync("git", ["commit", "-q", "-m", "rebased"], { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.com", GIT_AUTHOR_DATE: "2025-02-01T12:00:00Z", GIT_COMMITTER_DATE: "2025-07-01T12:00:00Z" } });
    const json = await check(["text/0001-stamped.md", "text/0002-rebased.md"], root);
    // Held to the template of 2025-01-01, which had no RFC reference; the timestamp is a date.
    assert.deepEqual(json.diagnostics.filter((d) => d.message.includes("RFC reference") || d.rule === "date"), []);
    const pretty = await runRfc(["check"], { cwd: root });
    assert.match(pretty.stdout, /text\/0001-stamped.md, text\/0002-rebased.md: checked against 0000-template.md as of 2025-01-01/);
  });

  test("an RFC started while the template was deleted is held to the template as it stood before", async () => {
    const root = await writeTempRepo({ "0000-template.md": templateWithoutReference });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    gitIn(root, ["rm", "-q", "0000-template.md"]);
    commitAll(root, "template deleted by mistake", "2025-02-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template back, with RFC reference", "2025-06-01");
    await assertHeldToFirstTemplate(root, "2025-03-01");
  });

  test("a template renamed since is read under its old name for the RFCs that predate it", async () => {
    const root = await writeTempRepo({ "rfc-template.md": templateWithoutReference });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    gitIn(root, ["mv", "rfc-template.md", "0000-template.md"]);
    commitAll(root, "template renamed", "2025-02-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains RFC reference", "2025-06-01");
    await assertHeldToFirstTemplate(root, "2025-01-15");
  });

  test("an RFC without a Start Date is held to the template of its first commit, renames followed", async () => {
    const undated = rfcWithoutReference.replace(/- Start Date: .*\n/, "");
    const root = await writeTempRepo({ "0000-template.md": templateWithoutReference, "text/0000-undated.md": undated });
    gitInit(root);
    commitAll(root, "template and a draft", "2025-01-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template gains RFC reference", "2025-06-01");
    gitIn(root, ["mv", "text/0000-undated.md", "text/0001-undated.md"]);
    commitAll(root, "number the draft", "2025-07-01");
    const json = await check([], root);
    assert.deepEqual(json.diagnostics.filter((d) => d.rule === "metadata-missing" && d.message.includes("RFC reference")), []);
    const pretty = await runRfc(["check"], { cwd: root });
    assert.match(pretty.stdout, /text\/0001-undated.md: checked against 0000-template.md as of 2025-01-01/);
  });

  test("an old RFC whose header was rewritten into today's form: today's metadata, its own day's sections", async () => {
    // The old template had no "RFC reference" key and a section the new one renamed.
    const oldTemplate = templateWithoutReference.replace("## Motivation", "## Why");
    const root = await writeTempRepo({ "0000-template.md": oldTemplate });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    await writeFile(path.join(root, "0000-template.md"), smallTemplate);
    commitAll(root, "template: RFC reference, Motivation", "2025-06-01");
    await mkdir(path.join(root, "text"));
    // Started in March 2025, its header now has every key of today's template.
    await writeFile(path.join(root, "text/0001-old.md"), goodRfc.replace("2026-01-10", "2025-03-01").replace("## Motivation", "## Why"));
    commitAll(root, "an RFC, its header rewritten since", "2025-07-01");
    const named = await check(["text/0001-old.md"], root);
    assert.deepEqual(named.diagnostics.filter((d) => d.rule.startsWith("metadata") || d.rule.startsWith("section")).map((d) => d.message), []);
    // A header of the old form is still held to the old keys.
    await writeFile(path.join(root, "text/0001-old.md"), rfcWithoutReference.replace("2026-01-10", "2025-03-01").replace("## Motivation", "## Why"));
    const old = await check(["text/0001-old.md"], root);
    assert.deepEqual(old.diagnostics.filter((d) => d.rule.startsWith("metadata") || d.rule.startsWith("section")).map((d) => d.message), []);
  });

  test("a template change made on a branch counts from the day its merge landed on the main line", async () => {
    const root = await writeTempRepo({ "0000-template.md": templateWithoutReference });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    await mergeBranch(root, {
      branch: "template-change",
      write: () => writeFile(path.join(root, "0000-template.md"), smallTemplate),
      commit: { message: "template gains RFC reference", date: "2025-02-01" },
      merge: { message: "merge the template change", date: "2025-05-01" },
    });
    await mkdir(path.join(root, "text"));
    // Started in March: the change was still on its branch.
    await writeFile(path.join(root, "text/0001-march.md"), rfcWithoutReference.replace("2026-01-10", "2025-03-01"));
    commitAll(root, "an RFC", "2025-06-01");
    const named = await check(["text/0001-march.md"], root);
    assert.deepEqual(named.diagnostics.filter((d) => d.rule === "metadata-missing"), []);
    await writeFile(path.join(root, "text/0001-march.md"), rfcWithoutReference.replace("2026-01-10", "2025-05-02"));
    const after = await check(["text/0001-march.md"], root);
    assert.deepEqual(after.diagnostics.filter((d) => d.rule === "metadata-missing").map((d) => d.message), ['Metadata "RFC reference" from the template is missing.']);
  });

  test("an RFC whose pull request was opened before the one that changed the template is held to the template before that change, whatever its Start Date", async () => {
    const root = await writeTempRepo({ "0000-template.md": templateWithoutReference });
    gitInit(root);
    commitAll(root, "template", "2025-01-01");
    await mergeBranch(root, {
      branch: "reference",
      write: () => writeFile(path.join(root, "0000-template.md"), smallTemplate),
      commit: { message: "template gains RFC reference", date: "2025-02-01" },
      merge: { message: "Merge pull request #20 from ann/reference", date: "2025-02-02" },
    });
    await mkdir(path.join(root, "text"));
    // Both dated the day they were accepted, after the change; #12 was opened before #20 was, #25 after.
    const dated = (pr: number) => rfcWithoutReference.replace("2026-01-10", "2025-03-01").replaceAll("acme/rfcs#12", `acme/rfcs#${pr}`).replace("/pull/12", `/pull/${pr}`);
    await writeFile(path.join(root, "text/0012-before.md"), dated(12));
    await writeFile(path.join(root, "text/0025-after.md"), dated(25));
    commitAll(root, "accept two RFCs", "2025-03-01");
    const result = await check(["text/0012-before.md", "text/0025-after.md"], root);
    assert.deepEqual(
      result.diagnostics.filter((d) => d.rule === "metadata-missing").map((d) => `${d.file}: ${d.message}`),
      ['text/0025-after.md: Metadata "RFC reference" from the template is missing.'],
    );
  });

  test("a shallow clone's history is not read, and the output says so: its oldest commit seems to add every file", async () => {
    const withoutPr = goodRfc.replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n", "");
    const origin = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-test.md": withoutPr });
    gitInit(origin);
    commitAll(origin, "Add the RFC (#19)", "2026-01-20");
    await writeFile(path.join(origin, "README.md"), "# RFCs\n");
    commitAll(origin, "Add a README (#50)", "2026-02-01");
    const clone = path.join(await makeTempDir(), "clone");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${origin}`, clone]);
    const shallow = await runRfc(["check"], { cwd: clone });
    assert.match(shallow.stdout, /A shallow clone: its history is not read \(git fetch --unshallow fetches it\)/);
    // Not "#50 brought the file in": the commit that only seems to add it.
    assert.match(shallow.stdout, /hint: add "- RFC PR: …" to the header \(the template has/);
    const doctor = await runRfc(["doctor"], { cwd: clone });
    assert.match(doctor.stdout, /Git history: not read, the clone is shallow/);
    const full = await runRfc(["check"], { cwd: origin });
    assert.match(full.stdout, /pull request #19 brought the file in/);
  });

  for (const others of [0, 201]) {
    // Past 200 files asked about, the dates come from one walk of the history instead of by name.
    test(`an RFC that came in by a merge (renamed there) is held to the template of that merge${others > 0 ? `, with ${others} other undated RFCs` : ""}`, async () => {
      const undated = rfcWithoutReference.replace(/- Start Date: .*\n/, "");
      const files: Record<string, string> = { "0000-template.md": templateWithoutReference };
      for (let n = 2; n < others + 2; n++) files[`text/${String(n).padStart(4, "0")}-other.md`] = undated;
      const root = await writeTempRepo(files);
      gitInit(root);
      commitAll(root, "template", "2025-01-01");
      gitIn(root, ["checkout", "-q", "-b", "proposal"]);
      await mkdir(path.join(root, "text"), { recursive: true });
      await writeFile(path.join(root, "text/0000-undated.md"), undated);
      commitAll(root, "a draft", "2025-02-01");
      gitIn(root, ["checkout", "-q", "main"]);
      gitIn(root, ["merge", "-q", "--no-ff", "--no-commit", "proposal"], "2025-03-01");
      gitIn(root, ["mv", "text/0000-undated.md", "text/0001-undated.md"]);
      commitAll(root, "merge the proposal as RFC 1", "2025-03-01");
      await writeFile(path.join(root, "0000-template.md"), smallTemplate);
      commitAll(root, "template gains RFC reference", "2025-06-01");
      await writeFile(path.join(root, "text/0001-undated.md"), `${undated}\nA later edit.\n`);
      commitAll(root, "edit the RFC", "2025-07-01");
      const json = JSON.parse((await runRfc(["check", "--format", "json"], { cwd: root })).stdout) as { file: string; message: string }[];
      assert.deepEqual(json.filter((d) => d.file === "text/0001-undated.md" && /RFC reference/.test(d.message)), []);
      if (others === 0) assert.match((await runRfc(["check"], { cwd: root })).stdout, /text\/0001-undated.md: checked against 0000-template.md as of 2025-01-01/);
    });
  }
});

test("--format github names files from the git top-level when the RFCs live in a subfolder", async () => {
  const top = await writeTempRepo({ "rfcs/0000-template.md": smallTemplate, "rfcs/text/0000-a.md": draftWithout });
  gitInit(top);
  commitAll(top, "rfcs in a subfolder", "2026-01-01");
  const result = await runRfc(["check", "--format", "github"], { cwd: path.join(top, "rfcs") });
  assert.match(result.stdout, /^::error file=rfcs\/text\/0000-a\.md,line=\d+/m);
});

describe("options and configuration that would do nothing are refused", () => {
  test("a rule id book.toml's [rfckit.rules] does not know, with the nearest one", async () => {
    const root = await copyToTemp(examplesDir);
    const toml = await readFile(path.join(root, "book.toml"), "utf8");
    await writeFile(path.join(root, "book.toml"), toml.replace('last-updated = "off"', 'last-update = "off"'));
    const result = await runRfc(["check"], { cwd: root });
    assert.equal(result.exitCode, 2);
    const line = toml.split("\n").findIndex((l) => l.startsWith("last-updated")) + 1;
    assert.equal(result.stderr, `book.toml:${line}: [rfckit.rules] last-update is not a rule rfckit knows.\n  hint: did you mean "last-updated"? The rules are listed in rfckit's README, each with its page under docs/rules/.\n`);
    assert.equal((await runRfc(["list"], { cwd: root })).exitCode, 2);
  });

  test("a section title book.toml names (a stage's filled sections, optional-sections) that the template does not have", async () => {
    const root = await copyToTemp(examplesDir);
    const toml = await readFile(path.join(root, "book.toml"), "utf8");
    await writeFile(path.join(root, "book.toml"), `${toml}\n[rfckit.stages.draft]\nfilled = ["Summary", "Motivaton"]\n`);
    const result = await runRfc(["check"], { cwd: root });
    assert.equal(result.exitCode, 2, result.stderr);
    const line = (await readFile(path.join(root, "book.toml"), "utf8")).split("\n").findIndex((l) => l.includes("Motivaton")) + 1;
    assert.match(result.stderr, new RegExp(`^book\\.toml:${line}: \\[rfckit\\] stages\\.draft\\.filled names "Motivaton", which is not a section of the template\\.\n {2}hint: write a title the template has \\("Summary", "Motivation", `));
    await writeFile(path.join(root, "book.toml"), toml.replace("[rfckit.rules]", '[rfckit]\noptional-sections = ["Prior art", "Appendices"]\n\n[rfckit.rules]'));
    const optional = await runRfc(["check"], { cwd: root });
    assert.match(optional.stderr, /optional-sections names "Appendices", which is not a section of the template/);
    await writeFile(path.join(root, "book.toml"), toml.replace("[rfckit.rules]", '[rfckit]\noptional-sections = ["Prior art"]\n\n[rfckit.rules]'));
    assert.notEqual((await runRfc(["check"], { cwd: root })).exitCode, 2);
  });

  test("a template that is a folder is named as one, found or configured; a configured one that is absent, as absent", async () => {
    const root = await copyToTemp(examplesDir);
    await rm(path.join(root, "0000-template.md"));
    await mkdir(path.join(root, "0000-template.md"));
    const found = await runRfc(["check"], { cwd: root });
    assert.deepEqual([found.exitCode, found.stderr.split("\n")[0]], [2, "The template 0000-template.md is a folder, not a file."]);
    await writeFile(path.join(root, "book.toml"), '[rfckit]\ntemplate = "0000-template.md"\n');
    const configured = await runRfc(["check"], { cwd: root });
    assert.deepEqual([configured.exitCode, configured.stderr.split("\n")[0]], [2, "0000-template.md: The template 0000-template.md cannot be read: it is a folder."]);
    await writeFile(path.join(root, "book.toml"), '[rfckit]\ntemplate = "nope.md"\n');
    const absent = await runRfc(["check"], { cwd: root });
    assert.deepEqual([absent.exitCode, absent.stderr.split("\n")[0]], [2, `nope.md: The template nope.md does not exist in ${root}.`]);
  });

  test("--base without --changed", async () => {
    const result = await runRfc(["check", "--base", "main"], { cwd: examplesDir });
    assert.deepEqual([result.exitCode, result.stderr], [2, "--base only makes sense with --changed.\n  hint: run `rfc check --changed --base <git-ref>`.\n"]);
  });

  test("--root at a path that does not exist, or at a file", async () => {
    const missing = await runRfc(["check", "--root", "no-such-folder"], { cwd: examplesDir });
    assert.deepEqual([missing.exitCode, missing.stderr.split("\n")[0]], [2, `The repository root ${path.join(examplesDir, "no-such-folder")} does not exist.`]);
    const file = await runRfc(["check", "--root", "book.toml"], { cwd: examplesDir });
    assert.deepEqual([file.exitCode, file.stderr.split("\n")[0]], [2, `The repository root ${path.join(examplesDir, "book.toml")} is a file, not a folder.`]);
  });

  test("a book.toml that is there but cannot be read is not taken for none", async () => {
    const root = await copyToTemp(examplesDir);
    await rm(path.join(root, "book.toml"));
    await mkdir(path.join(root, "book.toml"));
    const result = await runRfc(["check"], { cwd: root });
    assert.deepEqual([result.exitCode, result.stderr], [2, "book.toml could not be read: it is a folder.\n  hint: make book.toml a readable file, or remove it to use no configuration.\n"]);
  });
});
