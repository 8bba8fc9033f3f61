import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/pr-link.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const pr = (value: string) => goodRfc.replace("- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", `- RFC PR: ${value}`);
const byPullRequest = { "book.toml": '[rfckit]\nnumbering = "pr"\n' };

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "text and URL name the same pull request", rfc: goodRfc },
    { name: "a number-only text", rfc: pr("[#12](https://github.com/acme/rfcs/pull/12)") },
    { name: "a bare URL", rfc: pr("https://github.com/acme/rfcs/pull/12") },
    { name: "the repository in another case", rfc: pr("[Acme/RFCs#12](https://github.com/Acme/RFCs/pull/12)") },
    { name: "two pull requests", rfc: pr("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12), [acme/rfcs#15](https://github.com/acme/rfcs/pull/15)") },
    { name: "a draft before its pull request exists", path: "text/0000-test.md", rfc: pr("[acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)") },
    { name: "a draft with no link yet", path: "text/0000-test.md", rfc: pr("") },
    { name: "numbered by pull request, and the numbers agree", path: "text/0012-test.md", rfc: goodRfc, files: byPullRequest },
  ],
  invalid: [
    {
      name: "text and URL name different pull requests",
      rfc: pr("[acme/rfcs#0001](https://github.com/acme/rfcs/pull/4)"),
      diagnostics: [{ line: 4, column: 11, message: '"RFC PR" says acme/rfcs#0001 in its text but links to acme/rfcs#4.' }],
      output: pr("[acme/rfcs#4](https://github.com/acme/rfcs/pull/4)"),
    },
    {
      name: "a number-only text that disagrees: the fix writes the URL's org/repo#N",
      rfc: pr("[#7](https://github.com/acme/rfcs/pull/12)"),
      diagnostics: [{ line: 4, column: 11, message: '"RFC PR" says #7 in its text but links to acme/rfcs#12.' }],
      output: goodRfc,
    },
    {
      name: "the second of two links disagrees: only its text changes",
      rfc: pr("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12), [acme/rfcs#51](https://github.com/acme/rfcs/pull/15)"),
      diagnostics: [{ line: 4, column: 65, message: '"RFC PR" says acme/rfcs#51 in its text but links to acme/rfcs#15.' }],
      output: pr("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12), [acme/rfcs#15](https://github.com/acme/rfcs/pull/15)"),
    },
    {
      name: "front matter is left alone: the quoted value is not where the model points",
      rfc: `---\nRFC PR: "[acme/rfcs#1](https://github.com/acme/rfcs/pull/12)"\n---\n${goodRfc.replace(/^- RFC PR:.*\n/m, "")}`,
      diagnostics: [{ line: 2, message: '"RFC PR" says acme/rfcs#1 in its text but links to acme/rfcs#12.' }],
    },
    {
      name: "a pull request in another repository",
      rfc: pr("[other/rfcs#12](https://github.com/other/rfcs/pull/12)"),
      diagnostics: [{ line: 4, column: 11, message: '"RFC PR" links to other/rfcs#12, not to this repository (acme/rfcs).' }],
    },
    {
      name: "an issue URL is a warning: GitHub redirects it to the pull request",
      rfc: pr("[acme/rfcs#12](https://github.com/acme/rfcs/issues/12)"),
      diagnostics: [{ line: 4, severity: "warning", message: '"RFC PR" links to an issue URL (…/issues/12), not a pull request URL.' }],
    },
    {
      name: "plain text",
      rfc: pr("PR 12"),
      diagnostics: [{ line: 4, column: 11, message: '"RFC PR" is not a link to the RFC\'s pull request.' }],
    },
    {
      name: "a link to somewhere else",
      rfc: pr("[the PR](https://example.com/12)"),
      diagnostics: [{ line: 4, message: '"RFC PR" links to https://example.com/12, which is not a pull request on GitHub.' }],
    },
    {
      name: "numbered by pull request, and the numbers differ",
      path: "text/0042-test.md",
      rfc: goodRfc,
      files: byPullRequest,
      diagnostics: [{ line: 4, column: 11, message: '"RFC PR" names pull request #12, but the file is numbered 0042.' }],
    },
    {
      name: "a numbered RFC with an empty link",
      rfc: pr(""),
      diagnostics: [{ line: 4, message: '"RFC PR" is not a link to the RFC\'s pull request.' }],
    },
  ],
});

test("pr-link shows the link to write", async () => {
  const [broken] = await runRule(rule, smallTemplate, { name: "broken", rfc: pr("(https://github.com/acme/rfcs/pull/12)") });
  assert.equal(broken?.hint, "write it as [acme/rfcs#12](https://github.com/acme/rfcs/pull/12).");
  const [numbered] = await runRule(rule, smallTemplate, { name: "numbered", path: "text/0042-test.md", rfc: pr("see the PR"), files: byPullRequest });
  assert.equal(numbered?.hint, "write it as [acme/rfcs#42](https://github.com/acme/rfcs/pull/42).");
});
