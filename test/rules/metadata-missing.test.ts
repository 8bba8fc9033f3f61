import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import rule from "../../src/rules/metadata-missing.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { commitAll, gitInit, mergeBranch } from "../support/git.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const withoutUpdated = goodRfc.replace("- Last Updated: 2026-02-01\n", "");
/** Accepted RFCs 0002…: the first `omitting` of them without "Last Updated". */
const acceptedRfcs = (count: number, omitting: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`text/000${i + 2}-other-${i}.md`, i < omitting ? withoutUpdated : goodRfc]));

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "every key present", rfc: goodRfc },
    { name: "keys in another case", rfc: goodRfc.replace("- Start Date:", "- start date:") },
    { name: "keys with hyphens or underscores", rfc: goodRfc.replace("- Start Date:", "- start-date:").replace("- Last Updated:", "- last_updated:") },
    { name: "a key with a trailing #, as older templates wrote it", rfc: goodRfc.replace("- RFC PR:", "- RFC PR #:") },
    { name: "bold keys, the colon inside or outside the bold, or both", rfc: goodRfc.replace("- Start Date:", "* **Start Date:**").replace("- Last Updated:", "* **Last Updated**:").replace("- Feature Name:", "* **Feature Name:**:") },
    { name: "an accepted RFC without a key most accepted RFCs leave out (3 of 4)", rfc: withoutUpdated, files: acceptedRfcs(4, 3) },
  ],
  invalid: [
    {
      name: "a draft without a key most accepted RFCs leave out: a warning that says so",
      path: "text/0000-test.md",
      rfc: withoutUpdated,
      files: acceptedRfcs(4, 3),
      diagnostics: [{ line: 5, severity: "warning", message: 'Metadata "Last Updated" from the template is missing (3 of the 4 accepted RFCs leave it out).' }],
    },
    {
      name: "two accepted RFCs leaving a key out are not yet the repository's way: an error on a draft",
      path: "text/0000-test.md",
      rfc: withoutUpdated,
      files: acceptedRfcs(3, 2),
      diagnostics: [
        { line: 5, severity: "error", message: 'Metadata "Last Updated" from the template is missing.' },
        ...[0, 1].map((i) => ({ file: `text/000${i + 2}-other-${i}.md`, line: 5, severity: "warning" as const, message: 'Metadata "Last Updated" from the template is missing.' })),
      ],
    },
    {
      name: "one key missing",
      rfc: goodRfc.replace("- Last Updated: 2026-02-01\n", ""),
      diagnostics: [{ line: 5, message: 'Metadata "Last Updated" from the template is missing.' }],
    },
    {
      name: "no header at all, in a draft",
      path: "text/0000-test.md",
      rfc: "## Summary\n\nText.\n",
      diagnostics: [{ line: 1, severity: "error", message: /has no metadata header/ }],
    },
    {
      name: "a missing Feature Name: the file's name as the template writes names",
      path: "text/0000-rocket-boots.md",
      rfc: goodRfc.replace("- Feature Name: `rocket_boots`\n", ""),
      diagnostics: [{ line: 5, message: 'Metadata "Feature Name" from the template is missing.', hint: 'add "- Feature Name: rocket_boots" to the header (the file\'s name, as the template writes names), or "N/A" as its value where the RFC adds no feature.' }],
    },
    {
      name: "numbered RFC without git history gets a warning",
      rfc: goodRfc.replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n", ""),
      diagnostics: [{ line: 5, severity: "warning", message: 'Metadata "RFC PR" from the template is missing.' }],
    },
  ],
});

test("a missing Feature Name, where the template writes names in kebab-case, is asked for in kebab-case", async () => {
  const kebabTemplate = smallTemplate.replace("`my_awesome_feature`", "`my-awesome-feature`");
  const found = await runRule(rule, kebabTemplate, { name: "", path: "text/0000-rocket-boots.md", rfc: goodRfc.replace("- Feature Name: `rocket_boots`\n", "") });
  assert.deepEqual(found.map((d) => d.hint), ['add "- Feature Name: rocket-boots" to the header (the file\'s name, as the template writes names), or "N/A" as its value where the RFC adds no feature.']);
});

test("metadata-missing quotes a list key's first template item in its hint", async () => {
  const [missing] = await runRule(rule, smallTemplate, {
    name: "no references",
    rfc: goodRfc.replace("- RFC reference:\n  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)\n", ""),
  });
  assert.equal(missing?.hint, 'add "- RFC reference: …" to the header (the template has a list of items such as "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)").');
});

test("metadata-missing, for an RFC with front matter, asks for a front-matter key spelt as the RFC's other keys", async () => {
  const template = "---\nfeature: (name)\nstart-date: (YYYY-MM-DD)\nauthor: (you)\n---\n\n## Summary\n\nOne paragraph.\n";
  const [missing] = await runRule(rule, template, { name: "no author", rfc: "---\nfeature: boats\nstart-date: 2026-01-01\n---\n\n## Summary\n\nText.\n" });
  assert.equal(missing?.hint, 'add "author: …" to the front matter (the template has "(you)").');
  const [twoWords] = await runRule(rule, template.replace("author:", "shepherd team:"), { name: "no team", rfc: "---\nfeature: boats\nstart-date: 2026-01-01\n---\n\n## Summary\n\nText.\n" });
  assert.equal(twoWords?.hint, 'add "shepherd-team: …" to the front matter (the template has "(you)").');
});

test("metadata-missing asks for a key in the list form the RFC's header writes (marker, bold, colon)", async () => {
  const bold = goodRfc.replace(/^- ([^:\n]+):/gm, "* **$1**:");
  const [missing] = await runRule(rule, smallTemplate, { name: "bold keys", rfc: bold.replace("* **Last Updated**: 2026-02-01\n", "") });
  assert.equal(missing?.hint, 'add "* **Last Updated**: …" to the header (the template has "(fill me in with today\'s date if you are updating me, YYYY-MM-DD)").');
});

test("a key the template says may be left out (if applicable, optional) is not missing; rfc doctor says why", async () => {
  const template = smallTemplate.replace("- RFC reference:", "* Vision: *if applicable* [Vision Name](https://example.com/visions/NNNN.md)\n* Previous Proposal (optional): [RFC-XXXX](XXXX-filename.md)\n- RFC reference:");
  assert.deepEqual(await runRule(rule, template, { name: "", rfc: goodRfc }), []);
  // The same key without those words is required.
  const required = await runRule(rule, template.replace("*if applicable* ", ""), { name: "", rfc: goodRfc });
  assert.deepEqual(required.map((d) => d.message), ['Metadata "Vision" from the template is missing.']);
  const root = await writeTempRepo({ "0000-template.md": template, "text/0001-boots.md": goodRfc });
  assert.match((await runRfc(["doctor"], { cwd: root })).stdout, /^ {2}Vision: the template says "if applicable"$/m);
});

test("metadata-missing takes the template's key under another spelling of the same fact", async () => {
  const template = smallTemplate.replace("- RFC reference:", "- Author(s): (your name)\n- Code Issue: [acme/code#0000](https://github.com/acme/code/issues/0000)\n- RFC reference:");
  const rfc = goodRfc.replace("- RFC reference:", "- Author(s): @ada\n- Code Issue: [acme/code#7](https://github.com/acme/code/issues/7)\n- RFC reference:");
  const missing = async (text: string) => (await runRule(rule, template, { name: "", rfc: text })).map((d) => d.message);
  assert.deepEqual(await missing(rfc), []);
  // Plurals and "(s)": one key.
  assert.deepEqual(await missing(rfc.replace("- Author(s):", "- Authors:").replace("- Code Issue:", "- Code Issues:")), []);
  // Another key naming an issue holds the issue link (Rust RFCs write `Tracking Issue` for `Rust Issue`).
  assert.deepEqual(await missing(rfc.replace("- Code Issue:", "- Tracking Issue:")), []);
  assert.deepEqual(await missing(rfc.replace("- RFC PR:", "- eRFC PR:")), []);
  // A synonym of the usual names: `Created` for `Start Date`.
  assert.deepEqual(await missing(rfc.replace("- Start Date:", "- Created:")), []);
  // What is not the same fact is still missing: an author is not an issue, nor a shepherd an author.
  assert.deepEqual(await missing(rfc.replace("- Code Issue:", "- Shepherd:")), ['Metadata "Code Issue" from the template is missing.']);
  assert.deepEqual(await missing(rfc.replace("- Author(s):", "- Shepherd:")), ['Metadata "Author(s)" from the template is missing.']);
});

test("metadata-missing reads a header kept in a code block, and asks for the key in that form", async () => {
  const rfc = "```\nFeature Name: rocket_boots\nStart Date: 2026-01-10\nRFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\nRFC reference: [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)\n```\n\n## Summary\n";
  const found = await runRule(rule, smallTemplate, { name: "", rfc });
  assert.deepEqual(found.map((d) => [d.line, d.message, d.hint]), [[6, 'Metadata "Last Updated" from the template is missing.', 'add a line "Last Updated: …" to the code block at the top (the template has "(fill me in with today\'s date if you are updating me, YYYY-MM-DD)").']]);
});

test("rfc doctor lists a metadata key most accepted RFCs leave out, with how many do", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0000-draft.md": goodRfc, ...acceptedRfcs(4, 3) });
  const text = (await runRfc(["doctor"], { cwd: root })).stdout;
  assert.match(text, /^Metadata an RFC may leave out of 0000-template\.md:\n {2}Last Updated: 3 of the 4 accepted RFCs leave it out \(a warning, not an error, on an RFC being written\)$/m);
  const json = JSON.parse((await runRfc(["doctor", "--format", "json"], { cwd: root })).stdout) as { templates: { optionalKeys: { key: string }[] }[] };
  assert.deepEqual(json.templates[0]!.optionalKeys.map((k) => k.key), ["Last Updated"]);
});

test("a missing RFC PR is asked for as the pull request that brought the file onto the main line, in the template's form; without one, as before", async () => {
  const withoutPr = goodRfc.replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n", "");
  // Five RFCs that have the key, so that three without it are not yet the repository's way.
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`text/000${n}-base.md`, goodRfc])) });
  gitInit(root);
  commitAll(root, "Start the repository", "2026-01-01");
  // A squash merge's subject ends with the pull request's number, a merge commit's starts with it.
  await writeFile(path.join(root, "text/0006-squashed.md"), withoutPr);
  // A draft is not asked about: it has not been merged under its name.
  await writeFile(path.join(root, "text/0000-draft.md"), withoutPr);
  commitAll(root, "rfc: rocket boots (#19)", "2026-01-10");
  await mergeBranch(root, {
    branch: "topic",
    write: () => writeFile(path.join(root, "text/0007-merged.md"), withoutPr),
    commit: { message: "Write the RFC", date: "2026-01-11" },
    merge: { message: "Merge pull request #23 from ann/topic", date: "2026-01-12" },
  });
  await writeFile(path.join(root, "text/0008-direct.md"), withoutPr);
  commitAll(root, "Add an RFC", "2026-01-13");
  const result = await runRfc(["check", "--format", "json"], { cwd: root });
  const hints = new Map((JSON.parse(result.stdout) as { file: string; rule: string; hint: string }[]).filter((d) => d.rule === "metadata-missing").map((d) => [d.file, d.hint]));
  assert.equal(hints.get("text/0006-squashed.md"), 'add "- RFC PR: [acme/rfcs#19](https://github.com/acme/rfcs/pull/19)" to the header: pull request #19 brought the file in.');
  assert.equal(hints.get("text/0007-merged.md"), 'add "- RFC PR: [acme/rfcs#23](https://github.com/acme/rfcs/pull/23)" to the header: pull request #23 brought the file in.');
  assert.equal(hints.get("text/0008-direct.md"), 'add "- RFC PR: …" to the header (the template has "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)").');
  assert.equal(hints.get("text/0000-draft.md"), hints.get("text/0008-direct.md"));
});

test("a key the maintainers fill in on acceptance, which an accepted RFC never got, is not missing there; a draft still gets it", async () => {
  const template = smallTemplate.replace("- RFC reference:", "- Tracking Issue: (leave this empty)\n- RFC reference:");
  const accepted = await runRule(rule, template, { name: "", rfc: goodRfc });
  assert.deepEqual(accepted.map((d) => d.message), []);
  const draft = await runRule(rule, template, { name: "", path: "text/0000-test.md", rfc: goodRfc });
  assert.deepEqual(draft.map((d) => `${d.severity} ${d.message}`), ['error Metadata "Tracking Issue" from the template is missing.']);
  // Its pull request, an accepted RFC is still asked for, though the template leaves it for the maintainers too.
  const rustLike = template.replace("- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)", "- RFC PR: (leave this empty)").replace("  - [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)", "  - [acme/rfcs#0000](https://github.com/acme/rfcs/issues/0000)");
  const withoutPr = await runRule(rule, rustLike, { name: "", rfc: goodRfc.replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n", "") });
  assert.deepEqual(withoutPr.map((d) => d.message), ['Metadata "RFC PR" from the template is missing.']);
});

test("a missing Start Date is asked for as the day the file was first committed, or today for a new draft", async () => {
  const withoutStart = goodRfc.replace("- Start Date: 2026-01-10\n", "");
  const draft = await runRule(rule, smallTemplate, { name: "", path: "text/0000-test.md", rfc: withoutStart, today: "2026-06-15" });
  assert.deepEqual(draft.map((d) => d.hint), ['add "- Start Date: 2026-06-15" to the header: today, the day it is started.']);
  // An accepted RFC with no history to tell: the template's value, as before.
  const accepted = await runRule(rule, smallTemplate, { name: "", rfc: withoutStart });
  assert.deepEqual(accepted.map((d) => d.hint), ['add "- Start Date: …" to the header (the template has "(fill me in with today\'s date, YYYY-MM-DD)").']);
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-test.md": withoutStart });
  gitInit(root);
  commitAll(root, "Write the RFC", "2025-11-03");
  await writeFile(path.join(root, "text/0001-test.md"), `${withoutStart}\nMore text.\n`);
  commitAll(root, "Revise the RFC", "2026-01-20");
  const result = await runRfc(["check", "--format", "json"], { cwd: root });
  const hints = (JSON.parse(result.stdout) as { rule: string; hint: string }[]).filter((d) => d.rule === "metadata-missing").map((d) => d.hint);
  assert.deepEqual(hints, ['add "- Start Date: 2025-11-03" to the header: the file was first committed that day.']);
});
