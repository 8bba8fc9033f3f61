import type { PullRequestFacts } from "../../src/model/pull-request.ts";
import type { Rule } from "../../src/rules/define-rule.ts";
import rule from "../../src/rules/stage-approvals.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

/**
 * The rule as `rfc check --pr 12` runs it: the command reads the reviews from GitHub and hands
 * them to the check as `pullRequest`; here the facts are given directly.
 */
function given(approvers: string[], files = ["text/0001-test.md"]): Rule {
  const pullRequest: PullRequestFacts = { number: 12, approvers, files: new Set(files) };
  return { ...rule, check: (ctx) => rule.check!({ ...ctx, pullRequest }) };
}

testRule(rule, {
  template: smallTemplate,
  valid: [{ name: "without --pr there is nothing to check", rfc: goodRfc, stage: "implement" }],
  invalid: [],
});

testRule(given(["alice", "bob"]), {
  template: smallTemplate,
  valid: [
    { name: "two approvals at implement", rfc: goodRfc, stage: "implement" },
    { name: "two approvals at merge", rfc: goodRfc },
  ],
  invalid: [{
    name: "a stage configured to need three",
    rfc: goodRfc,
    files: { "book.toml": "[rfckit.stages.merge]\napprovals = 3\n" },
    diagnostics: [{ line: 1, message: "Pull request #12 has 2 approvals (from alice, bob); the merge stage needs 3.", hint: /ask 1 more reviewer to approve/ }],
  }],
});

testRule(given(["alice"]), {
  template: smallTemplate,
  valid: [
    { name: "the draft stage needs no approval", path: "text/0000-test.md", rfc: goodRfc },
    { name: "an RFC the pull request does not propose", path: "text/0002-test.md", rfc: goodRfc, stage: "implement" },
    { name: "a stage configured to need one", rfc: goodRfc, stage: "implement", files: { "book.toml": "[rfckit.stages.implement]\napprovals = 1\n" } },
  ],
  invalid: [{
    name: "one approval at implement",
    rfc: goodRfc,
    stage: "implement",
    diagnostics: [{ line: 1, column: 1, severity: "error", message: "Pull request #12 has 1 approval (from alice); the implement stage needs 2." }],
  }],
});

testRule(given([]), {
  template: smallTemplate,
  valid: [],
  invalid: [{
    name: "no approval at merge; not softened without history, since reviews are not template-bound",
    rfc: goodRfc,
    diagnostics: [{ line: 1, severity: "error", message: "Pull request #12 has 0 approvals; the merge stage needs 2.", hint: /ask 2 more reviewers/ }],
  }],
});
