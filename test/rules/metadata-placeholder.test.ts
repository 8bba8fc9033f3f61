import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/metadata-placeholder.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const prPlaceholder = "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)";
const withPrPlaceholder = goodRfc.replace("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", prPlaceholder);
const withDatePlaceholder = goodRfc.replace("- Start Date: 2026-01-10", "- Start Date: (fill me in with today's date, YYYY-MM-DD)");

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "every value filled in", rfc: goodRfc },
    { name: "a draft may keep the RFC PR placeholder before its pull request exists", path: "text/0000-test.md", rfc: withPrPlaceholder },
    { name: "a value that only mentions zeros", rfc: goodRfc.replace("`rocket_boots`", "`boots_0000`") },
    { name: "an empty value is not a placeholder", rfc: goodRfc.replace("- Last Updated: 2026-02-01", "- Last Updated:") },
  ],
  invalid: [
    {
      name: "Start Date left as the template has it, in a draft",
      path: "text/0000-test.md",
      rfc: withDatePlaceholder,
      diagnostics: [{ line: 2, column: 15, severity: "error", message: `"Start Date" is still the template's placeholder.` }],
    },
    {
      name: "placeholder text kept after the value",
      path: "text/0000-test.md",
      rfc: goodRfc.replace("- Start Date: 2026-01-10", "- Start Date: 2026-01-10 (fill me in with today's date, YYYY-MM-DD)"),
      diagnostics: [{ line: 2, column: 26, message: `"Start Date" still contains the template's placeholder "(fill me in with today's date, YYYY-MM-DD)".` }],
    },
    {
      name: "a numbered RFC without its pull request link (a warning without git history)",
      rfc: withPrPlaceholder,
      diagnostics: [{ line: 4, column: 11, severity: "warning", message: `"RFC PR" is still the template's placeholder.` }],
    },
    {
      name: "a draft checked at the merge stage must have its pull request link",
      path: "text/0000-test.md",
      stage: "merge",
      rfc: withPrPlaceholder,
      diagnostics: [{ line: 4, column: 11, severity: "error", message: `"RFC PR" is still the template's placeholder.` }],
    },
    {
      name: "a reference item left as the template's",
      path: "text/0000-test.md",
      rfc: goodRfc.replace("  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)", `  - ${prPlaceholder}`),
      diagnostics: [{ line: 6, column: 5, message: `An item of "RFC reference" is still the template's placeholder.` }],
    },
    {
      name: "a key the template lacks, still pointing at #0000",
      path: "text/0000-test.md",
      rfc: goodRfc.replace("- RFC reference:", "- Tracking Issue: [acme/tool#0000](https://github.com/acme/tool/issues/0000)\n- RFC reference:"),
      diagnostics: [{ line: 5, column: 20, message: `"Tracking Issue" still contains the template's placeholder "acme/tool#0000".` }],
    },
  ],
});

const issueLine = "- Tracking Issue: [acme/tool#0000](https://github.com/acme/tool/issues/0000)\n";
testRule(rule, {
  template: smallTemplate.replace("- RFC reference:", `${issueLine}- RFC reference:`),
  valid: [
    {
      name: "a draft may keep a link to an issue opened once it is accepted",
      path: "text/0000-test.md",
      rfc: goodRfc.replace("- RFC reference:", `${issueLine}- RFC reference:`),
    },
  ],
  invalid: [
    {
      name: "a numbered RFC must link the issue",
      rfc: goodRfc.replace("- RFC reference:", `${issueLine}- RFC reference:`),
      diagnostics: [{ line: 5, column: 19, message: `"Tracking Issue" is still the template's placeholder.` }],
    },
  ],
});

test("metadata-placeholder hints say what to write", async () => {
  const date = await runRule(rule, smallTemplate, { name: "date", path: "text/0000-test.md", rfc: withDatePlaceholder });
  // A new draft is started today.
  assert.equal(date[0]?.hint, "write the date as YYYY-MM-DD: 2026-06-15, today, the day it is started.");
  const pr = await runRule(rule, smallTemplate, { name: "pr", path: "text/0000-test.md", rfc: withPrPlaceholder, stage: "merge" });
  assert.match(pr[0]?.hint ?? "", /pull request's link once it is open: \[acme\/rfcs#N\]\(https:\/\/github\.com\/acme\/rfcs\/pull\/N\)/);
  const name = await runRule(rule, smallTemplate, {
    name: "feature",
    path: "text/0000-rocket-boots.md",
    rfc: goodRfc.replace("`rocket_boots`", "(fill me in with a unique ident, `my_awesome_feature`)"),
  });
  assert.equal(name[0]?.hint, "write a unique identifier for the feature, e.g. `rocket_boots`.");
  const dated = await runRule(rule, smallTemplate, {
    name: "a date written into the placeholder",
    path: "text/0000-test.md",
    rfc: goodRfc.replace("- Start Date: 2026-01-10", "- Start Date: (fill me in with today's date, 2026-01-10)"),
  });
  assert.equal(dated[0]?.hint, "write it as 2026-01-10, without the words around it.");
  const linked = await runRule(rule, smallTemplate, { name: "the link's address updated, not its text", rfc: goodRfc.replace("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", "[acme/rfcs#0000](https://github.com/acme/rfcs/pull/12)"), stage: "merge" });
  assert.equal(linked[0]?.hint, "the link already goes to acme/rfcs#12: write that as its text.");
});

// A template in front matter with values meant to be kept, and others to replace.
const keptTemplate = `---
title: <the RFC's title>
stage: accepted # Leave as is
teams:
  - compiler
  - language
  - tooling
reviewer: (leave this empty)
start-date: {YYYY-MM-DD}
author: <!-- your name -->
prs: {accepted: none}
---

## Summary

One paragraph.
`;

const keptRfc = (changes: Record<string, string> = {}) => {
  const lines: Record<string, string> = {
    title: "title: Harbour radio",
    stage: "stage: accepted",
    teams: "teams:\n  - compiler\n  - language",
    reviewer: "reviewer: (leave this empty)",
    date: "start-date: 2026-01-05",
    author: "author: Ada",
    prs: "prs: {accepted: none}",
    ...changes,
  };
  return `---\n${Object.values(lines).join("\n")}\n---\n\n## Summary\n\nText.\n`;
};

testRule(rule, {
  template: keptTemplate,
  valid: [{ name: "values the template means to be kept: a stage left as is, teams pruned from its list, an instruction to leave empty, a YAML map", path: "text/0000-test.md", rfc: keptRfc() }],
  invalid: [
    {
      name: "a value in braces, an HTML comment and an angle-bracket placeholder, left in",
      path: "text/0000-test.md",
      rfc: keptRfc({ title: "title: <the RFC's title>", date: "start-date: \"{YYYY-MM-DD}\"", author: "author: <!-- your name -->" }),
      diagnostics: [
        { line: 2, message: '"title" is still the template\'s placeholder.' },
        { line: 8, message: /"start-date" (?:is still the template's placeholder|still contains the template's placeholder)/ },
        { line: 9, message: /"author" (?:is still the template's placeholder|still contains the template's placeholder)/ },
      ],
    },
  ],
});

test("an accepted RFC that kept the Start Date placeholder is told the day its file was first committed, not today", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-test.md": withDatePlaceholder });
  gitInit(root);
  commitAll(root, "Write the RFC", "2025-08-15");
  const result = await runRfc(["check", "--format", "json"], { cwd: root });
  const hints = (JSON.parse(result.stdout) as { rule: string; hint: string }[]).filter((d) => d.rule === "metadata-placeholder").map((d) => d.hint);
  assert.deepEqual(hints, ["write the date as YYYY-MM-DD: 2025-08-15, the file was first committed that day."]);
});
