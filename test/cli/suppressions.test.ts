import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";

// Two drafts written long ago in a looser form: each misses sections; the first also a key.
const withoutDrawbacks = (rfc: string) => rfc.replace("## Drawbacks\n[drawbacks]: #drawbacks\n\nBoots cost money.\n\n", "");
const withoutMotivation = (rfc: string) => rfc.replace("## Motivation\n[motivation]: #motivation\n\nBuilds are slow and people are bored.\n\n", "");
const first = withoutMotivation(withoutDrawbacks(goodRfc.replace("- Last Updated: 2026-02-01\n", "")));
const second = withoutDrawbacks(goodRfc.replace("rocket_boots", "jet_pack"));

async function repo(files: Record<string, string> = {}) {
  return writeTempRepo({ "0000-template.md": smallTemplate, "text/0000-first.md": first, "text/0000-second.md": second, ...files });
}

async function check(root: string, args: string[] = []) {
  const result = await runRfc(["check", "--format", "json", ...args], { cwd: root });
  return { ...result, diagnostics: JSON.parse(result.stdout) as JsonDiagnostic[] };
}

const readSuppressions = async (root: string) => JSON.parse(await readFile(path.join(root, "rfckit-suppressions.json"), "utf8")) as unknown;

describe("bulk suppressions (rfckit-suppressions.json)", () => {
  test("--suppress-all records counts per file and rule, sorted; the check then passes and says how many it suppressed", async () => {
    const root = await repo();
    assert.equal((await check(root)).exitCode, 1);
    const record = await runRfc(["check", "--suppress-all"], { cwd: root });
    assert.equal(record.exitCode, 0);
    assert.match(record.stdout, /^Wrote rfckit-suppressions\.json: 4 findings in 2 files suppressed\.$/m);
    const text = await readFile(path.join(root, "rfckit-suppressions.json"), "utf8");
    assert.equal(
      text,
      `${JSON.stringify({ "text/0000-first.md": { "metadata-missing": { count: 1 }, "section-missing": { count: 2 } }, "text/0000-second.md": { "section-missing": { count: 1 } } }, null, 2)}\n`,
    );
    const after = await runRfc(["check"], { cwd: root });
    assert.equal(after.exitCode, 0);
    assert.match(after.stdout, /^4 findings suppressed by rfckit-suppressions\.json\.$/m);
    const again = await runRfc(["check", "--suppress-all"], { cwd: root });
    assert.match(again.stdout, /rfckit-suppressions\.json is up to date: nothing to change\./);
    assert.equal(await readFile(path.join(root, "rfckit-suppressions.json"), "utf8"), text);
  });

  test("a new finding fails alone; one more of a suppressed rule in a file reports all of that file's", async () => {
    const root = await repo();
    await runRfc(["check", "--suppress-all"], { cwd: root });
    await writeFile(path.join(root, "text/0000-second.md"), second.replace("`jet_pack`", "Jet Pack"));
    const newRule = await check(root);
    assert.equal(newRule.exitCode, 1);
    assert.deepEqual(newRule.diagnostics.map((d) => `${d.file} ${d.rule}`), ["text/0000-second.md feature-name"]);
    await writeFile(path.join(root, "text/0000-second.md"), withoutMotivation(second));
    const moreOfOne = await check(root);
    assert.deepEqual(moreOfOne.diagnostics.map((d) => `${d.file} ${d.rule}`), ["text/0000-second.md section-missing", "text/0000-second.md section-missing"]);
  });

  test("moving lines does not matter: counts, not places", async () => {
    const root = await repo();
    await runRfc(["check", "--suppress-all"], { cwd: root });
    await writeFile(path.join(root, "text/0000-first.md"), first.replace("## Summary\n", "## Summary\n\nA new first paragraph.\n\nAnd another.\n").replace("Put the boots on and jump.", "Put the boots on.\n\nThen jump."));
    const moved = await check(root);
    assert.deepEqual(moved.diagnostics, []);
    assert.equal(moved.exitCode, 0);
  });

  test("fixed findings leave suppressions over, which the check names; --prune-suppressions lowers the counts", async () => {
    const root = await repo();
    await runRfc(["check", "--suppress-all"], { cwd: root });
    await writeFile(path.join(root, "text/0000-second.md"), goodRfc.replace("rocket_boots", "jet_pack"));
    const left = await runRfc(["check"], { cwd: root });
    assert.match(left.stdout, /^1 suppressed finding no longer occurs: run `rfc check --prune-suppressions` to drop it from rfckit-suppressions\.json\.$/m);
    const prune = await runRfc(["check", "--prune-suppressions"], { cwd: root });
    assert.equal(prune.exitCode, 0);
    assert.deepEqual(await readSuppressions(root), { "text/0000-first.md": { "metadata-missing": { count: 1 }, "section-missing": { count: 2 } } });
    assert.doesNotMatch((await runRfc(["check"], { cwd: root })).stdout, /no longer occur/);
  });

  test("--suppress-rule records one rule and keeps the others' counts; paths record only the files checked", async () => {
    const root = await repo();
    const one = await runRfc(["check", "--suppress-rule", "metadata-missing"], { cwd: root });
    assert.equal(one.exitCode, 1);
    assert.deepEqual(await readSuppressions(root), { "text/0000-first.md": { "metadata-missing": { count: 1 } } });
    await runRfc(["check", "--suppress-all", "text/0000-second.md"], { cwd: root });
    assert.deepEqual(await readSuppressions(root), { "text/0000-first.md": { "metadata-missing": { count: 1 } }, "text/0000-second.md": { "section-missing": { count: 1 } } });
    const typo = await runRfc(["check", "--suppress-rule", "section-misssing"], { cwd: root });
    assert.equal(typo.exitCode, 2);
    assert.match(typo.stderr, /--suppress-rule: "section-misssing" is no rule of rfckit\./);
  });

  test("nothing to suppress writes no file; rfc fix takes no suppression options", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-good.md": goodRfc });
    const none = await runRfc(["check", "--suppress-all"], { cwd: root });
    assert.match(none.stdout, /Nothing to suppress: no findings, so rfckit-suppressions\.json was not written\./);
    await assert.rejects(readFile(path.join(root, "rfckit-suppressions.json")));
    const fix = await runRfc(["fix", "--suppress-all"], { cwd: root });
    assert.equal(fix.exitCode, 2);
  });

  test("a broken suppressions file is an error naming the file and the line", async () => {
    const root = await repo({ "rfckit-suppressions.json": '{\n  "text/0000-first.md": {\n<<<<<<< HEAD\n' });
    const broken = await runRfc(["check"], { cwd: root });
    assert.equal(broken.exitCode, 2);
    assert.match(broken.stderr, /^rfckit-suppressions\.json:3: rfckit-suppressions\.json is not valid JSON/);
    await writeFile(path.join(root, "rfckit-suppressions.json"), '{\n  "text/0000-first.md": {\n    "section-missing": 2\n  }\n}\n');
    const shape = await runRfc(["check"], { cwd: root });
    assert.match(shape.stderr, /^rfckit-suppressions\.json:3: .*"section-missing" must be \{ "count": N \}/);
  });
});

describe("suppression comments in an RFC", () => {
  test("rfc-disable-next-line turns a rule off for the next line only; rfc-disable for the whole file", async () => {
    const nextLine = first.replace("## Guide-level explanation", "<!-- rfc-disable-next-line section-missing -- accepted as it is -->\n## Guide-level explanation");
    const root = await repo({ "text/0000-first.md": nextLine });
    const before = await check(root, ["text/0000-first.md"]);
    // Motivation was missing above Guide-level explanation; Drawbacks, above Rationale, is still reported.
    assert.deepEqual(before.diagnostics.map((d) => d.rule).sort(), ["metadata-missing", "section-missing"]);
    assert.match(before.diagnostics.find((d) => d.rule === "section-missing")!.message, /Drawbacks/);
    const wholeFile = first.replace("## Summary", "<!-- rfc-disable section-missing, metadata-missing -->\n\n## Summary");
    await writeFile(path.join(root, "text/0000-first.md"), wholeFile);
    assert.deepEqual((await check(root, ["text/0000-first.md"])).diagnostics, []);
    const all = first.replace("## Summary", "<!-- rfc-disable -->\n\n## Summary");
    await writeFile(path.join(root, "text/0000-first.md"), all);
    assert.deepEqual((await check(root, ["text/0000-first.md"])).diagnostics, []);
  });

  test("inside the metadata list, a comment indented like the items' text turns off the next item's finding and keeps the list whole", async () => {
    const withKey = goodRfc.replace("- Start Date:", "- Target release: 2.0\n- Start Date:");
    const root = await repo({ "text/0000-first.md": withKey });
    assert.deepEqual((await check(root, ["text/0000-first.md"])).diagnostics.map((d) => d.rule), ["metadata-unknown"]);
    await writeFile(path.join(root, "text/0000-first.md"), withKey.replace("- Target release", "  <!-- rfc-disable-next-line metadata-unknown -- the release team asked -->\n- Target release"));
    assert.deepEqual((await check(root, ["text/0000-first.md"])).diagnostics, []);
  });

  test("a comment that turns nothing off, or names no rule, is a suppression-unused warning that rfc fix removes", async () => {
    const unused = goodRfc.replace("## Drawbacks", "<!-- rfc-disable-next-line section-missing -->\n## Drawbacks").replace("## Summary", "<!-- rfc-disable metadata-missing, sektion-order -->\n\n## Summary");
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0000-x.md": unused });
    const result = await check(root);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.rule, d.severity, d.message]),
      [
        ["suppression-unused", "warning", "This rfc-disable comment turns off metadata-missing, which reports nothing on this file."],
        ["suppression-unused", "warning", 'This rfc-disable comment names "sektion-order", which is no rule of rfckit.'],
        ["suppression-unused", "warning", "This rfc-disable comment turns off section-missing, which reports nothing on line 31."],
      ],
    );
    assert.equal(result.exitCode, 0);
    await runRfc(["fix"], { cwd: root });
    const fixed = await readFile(path.join(root, "text/0000-x.md"), "utf8");
    // The comment for one rule is gone; the one naming two is the author's to trim.
    assert.doesNotMatch(fixed, /rfc-disable-next-line/);
    assert.match(fixed, /<!-- rfc-disable metadata-missing, sektion-order -->/);
  });

  test("a comment inside a code block is text, not a suppression; a rule turned off in book.toml leaves its comments alone", async () => {
    const inCode = first.replace("## Summary", "```markdown\n<!-- rfc-disable -->\n```\n\n## Summary");
    const root = await repo({ "text/0000-first.md": inCode });
    assert.ok((await check(root, ["text/0000-first.md"])).diagnostics.some((d) => d.rule === "section-missing"));
    const off = await repo({ "book.toml": '[rfckit.rules]\nmetadata-missing = "off"\n', "text/0000-first.md": goodRfc.replace("## Summary", "<!-- rfc-disable metadata-missing -->\n\n## Summary") });
    assert.deepEqual((await check(off, ["text/0000-first.md"])).diagnostics, []);
  });

  test("the comment is invisible in the book", async () => {
    const root = await repo({ "text/0000-first.md": first.replace("## Summary", "<!-- rfc-disable section-missing -- kept -->\n\n## Summary") });
    const out = path.join(root, "site");
    assert.equal((await runRfc(["build", "--out", out], { cwd: root })).exitCode, 0);
    const page = await readFile(path.join(out, "text/0000-first.html"), "utf8");
    assert.doesNotMatch(page, /rfc-disable/);
    assert.match(page, /Boots that let engineers jump/);
  });
});
