import rule from "../../src/rules/stage-linked-issue.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const prLine = "- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n";
const referenceLines = "- RFC reference:\n  - [acme/rfcs#3](https://github.com/acme/rfcs/issues/3)\n";
const placeholderPr = "- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n";
const placeholderReferences = "- RFC reference:\n  - [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n";
/** A draft that links nothing yet: the template's placeholders in both places. */
const unlinked = goodRfc.replace(prLine, placeholderPr).replace(referenceLines, placeholderReferences);
const draft = "text/0000-test.md";

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "the RFC PR link is filled in", rfc: goodRfc, stage: "implement" },
    { name: "a draft whose only link is an issue under RFC reference", path: draft, stage: "implement", rfc: goodRfc.replace(prLine, placeholderPr) },
    { name: "an issue of another repository, under another key", path: draft, stage: "implement", rfc: unlinked.replace(placeholderReferences, `${placeholderReferences}- Tracking Issue: [acme/app#5](https://github.com/acme/app/issues/5)\n`) },
    { name: "an org/repo#N reference written without a URL", path: draft, stage: "implement", rfc: unlinked.replace(placeholderReferences, "- RFC reference:\n  - acme/app#7\n") },
    { name: "the draft stage does not require a link", path: draft, rfc: unlinked },
    { name: "where the stage also requires pr-link, stage-pr-link reports instead", path: draft, stage: "merge", rfc: unlinked },
    { name: "a stage whose requires leaves it out", path: draft, stage: "implement", rfc: unlinked, files: { "book.toml": "[rfckit.stages.implement]\nrequires = []\n" } },
  ],
  invalid: [
    {
      name: "a draft that links nothing, at the implement stage",
      path: draft,
      stage: "implement",
      rfc: unlinked,
      diagnostics: [{
        line: 4,
        column: 3,
        severity: "error",
        message: "The RFC links no GitHub issue or pull request; the implement stage needs one.",
        hint: 'link the pull request in "RFC PR", or the issue under "RFC reference", e.g. [acme/rfcs#42](https://github.com/acme/rfcs/issues/42).',
      }],
    },
    {
      name: "a header without the RFC PR key: reported on the header's first line",
      path: draft,
      stage: "implement",
      rfc: unlinked.replace(placeholderPr, ""),
      diagnostics: [{ line: 1, column: 1, message: "The RFC links no GitHub issue or pull request; the implement stage needs one." }],
    },
    {
      name: "links to pull request 0000 name nothing, even written without the placeholder's text",
      path: draft,
      stage: "implement",
      rfc: unlinked.replace(placeholderPr, "- RFC PR:\n").replace(placeholderReferences, "- RFC reference:\n  - https://github.com/acme/app/issues/0\n"),
      diagnostics: [{ line: 4, message: /links no GitHub issue/ }],
    },
    {
      name: "at merge, when stage-pr-link is turned off, this rule reports",
      path: draft,
      stage: "merge",
      rfc: unlinked,
      files: { "book.toml": '[rfckit.rules]\nstage-pr-link = "off"\n' },
      diagnostics: [{ line: 4, message: "The RFC links no GitHub issue or pull request; the merge stage needs one." }],
    },
    {
      name: "a stage configured to require it",
      path: draft,
      rfc: unlinked,
      files: { "book.toml": '[rfckit.stages.draft]\nrequires = ["linked-issue"]\n' },
      diagnostics: [{ line: 4, message: "The RFC links no GitHub issue or pull request; the draft stage needs one." }],
    },
    {
      name: "a numbered RFC without git history gets a warning: it may predate the process",
      stage: "implement",
      rfc: unlinked,
      diagnostics: [{ line: 4, severity: "warning" }],
    },
  ],
});
