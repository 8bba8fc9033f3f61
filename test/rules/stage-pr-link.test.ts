import rule from "../../src/rules/stage-pr-link.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const prLine = "- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n";
const withPr = (line: string) => goodRfc.replace(prLine, line);
const placeholder = withPr("- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n");
const draft = "text/0000-test.md";
/** The small template without its RFC PR line: a template that names no pull request key. */
const templateWithoutPr = smallTemplate.replace("- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n", "");

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "no RFC PR key at all is metadata-missing's to report: one missing key, one diagnostic", path: draft, stage: "merge", rfc: withPr("") },
    { name: "a numbered RFC with its link, at merge (its default stage)", rfc: goodRfc },
    { name: "a draft with its link, at merge", path: draft, stage: "merge", rfc: goodRfc },
    { name: "an older key that begins like the template's (Rust's `RFC PR #`)", rfc: withPr("- RFC PR #: https://github.com/acme/rfcs/pull/12\n") },
    { name: "a key that contains the template's (Rust's `eRFC PR`)", rfc: withPr("- eRFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n") },
    { name: "the implement stage does not require it", path: draft, stage: "implement", rfc: placeholder },
    { name: "a merge stage configured without it", path: draft, stage: "merge", rfc: placeholder, files: { "book.toml": '[rfckit.stages.merge]\nrequires = ["number"]\n' } },
    { name: "a malformed but filled value is pr-link's to report", path: draft, stage: "merge", rfc: withPr("- RFC PR: PR 12\n") },
    // metadata-placeholder reports it at every stage but a draft's own: one diagnostic is enough.
    { name: "the placeholder is metadata-placeholder's to report", path: draft, stage: "merge", rfc: placeholder },
  ],
  invalid: [
    {
      name: "the placeholder, at merge, where metadata-placeholder is turned off",
      path: draft,
      stage: "merge",
      rfc: placeholder,
      files: { "book.toml": '[rfckit.rules]\nmetadata-placeholder = "off"\n' },
      diagnostics: [{
        line: 4,
        column: 11,
        severity: "error",
        message: '"RFC PR" is still the template\'s placeholder; the merge stage needs the link to the RFC\'s pull request.',
        hint: "write the pull request's link: [acme/rfcs#N](https://github.com/acme/rfcs/pull/N).",
      }],
    },
    {
      name: "an empty value",
      path: draft,
      stage: "merge",
      rfc: withPr("- RFC PR:\n"),
      diagnostics: [{ line: 4, column: 3, message: '"RFC PR" is empty; the merge stage needs the link to the RFC\'s pull request.' }],
    },
    {
      name: "no RFC PR key at all, with metadata-missing off (otherwise it is that rule's to report)",
      path: draft,
      stage: "merge",
      rfc: withPr(""),
      files: { "book.toml": '[rfckit.rules]\nmetadata-missing = "off"\n' },
      diagnostics: [{
        line: 1,
        message: 'The header has no "RFC PR"; the merge stage needs the link to the RFC\'s pull request.',
        hint: 'add "- RFC PR: [acme/rfcs#N](https://github.com/acme/rfcs/pull/N)" to the header.',
      }],
    },
    {
      name: "a pull request link under an unrelated key does not stand in for RFC PR",
      path: draft,
      stage: "merge",
      rfc: withPr("- Implementation: [acme/app#12](https://github.com/acme/app/pull/12)\n"),
      files: { "book.toml": '[rfckit.rules]\nmetadata-missing = "off"\n' },
      diagnostics: [{ line: 1, message: /has no "RFC PR"/ }],
    },
    {
      name: "a numbered RFC without git history gets a warning: it may predate the template",
      rfc: withPr(""),
      files: { "book.toml": '[rfckit.rules]\nmetadata-missing = "off"\n' },
      diagnostics: [{ line: 1, severity: "warning" }],
    },
    {
      name: "the draft stage configured to require it: metadata-placeholder lets the placeholder stay there, this rule does not",
      path: draft,
      rfc: placeholder,
      files: { "book.toml": '[rfckit.stages.draft]\nrequires = ["pr-link"]\n' },
      diagnostics: [{ line: 4, column: 11, message: /still the template's placeholder; the draft stage needs the link/ }],
    },
    {
      name: "an empty value at a stage configured to require it earlier",
      path: draft,
      stage: "implement",
      rfc: withPr("- RFC PR:\n"),
      files: { "book.toml": '[rfckit.stages.implement]\nrequires = ["linked-issue", "pr-link"]\n' },
      diagnostics: [{ line: 4, message: /"RFC PR" is empty; the implement stage needs the link/ }],
    },
  ],
});

testRule(rule, {
  template: templateWithoutPr,
  valid: [
    { name: "a template without RFC PR: a pull request linked elsewhere", path: draft, stage: "merge", rfc: withPr("- Discussion: https://github.com/acme/rfcs/pull/12\n") },
    { name: "a template without RFC PR asks for no link", path: draft, stage: "merge", rfc: withPr("") },
  ],
  invalid: [],
});
