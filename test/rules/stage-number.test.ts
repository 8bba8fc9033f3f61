import rule from "../../src/rules/stage-number.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const draft = "text/0000-test.md";
const other = { "text/0001-other.md": goodRfc.replace("rocket_boots", "other"), "text/0002-more.md": goodRfc.replace("rocket_boots", "more") };

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "a numbered RFC, at merge", rfc: goodRfc },
    { name: "a draft at implement: numbers come last", path: draft, stage: "implement", rfc: goodRfc },
    { name: "a merge stage configured without it", path: draft, stage: "merge", rfc: goodRfc, files: { "book.toml": '[rfckit.stages.merge]\nrequires = ["pr-link"]\n' } },
    // Two RFCs with one number are file-name's to report, at every stage.
    { name: "a shared number is left to file-name", stage: "merge", rfc: goodRfc, files: { "text/0001-twin.md": goodRfc } },
  ],
  invalid: [
    {
      name: "a draft at merge, numbered in sequence",
      path: draft,
      stage: "merge",
      rfc: goodRfc,
      files: other,
      diagnostics: [{
        line: 1,
        column: 1,
        severity: "error",
        message: "The file is not numbered yet (0000); the merge stage needs a number of its own.",
        hint: "run `rfc number text/0000-test.md` to rename it to the next free number, 0003.",
      }],
    },
    {
      name: "a draft at merge, numbered by pull request",
      path: draft,
      stage: "merge",
      rfc: goodRfc,
      files: { "book.toml": '[rfckit]\nnumbering = "pr"\n' },
      diagnostics: [{ line: 1, hint: "rename it to text/NNNN-test.md, NNNN being its pull request's number." }],
    },
    {
      name: "a stage configured to require it earlier",
      path: draft,
      stage: "implement",
      rfc: goodRfc,
      files: { "book.toml": '[rfckit.stages.implement]\nrequires = ["number"]\n' },
      diagnostics: [{ line: 1, message: "The file is not numbered yet (0000); the implement stage needs a number of its own." }],
    },
  ],
});
