import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/section-order.ts";
import { sectionRfc, sectionTemplate, sectionTitles } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

// Order is said while an RFC is written: the cases are drafts.
const draft = "text/0000-test.md";
const [summary, motivation, reference, drawbacks, rationale, future] = sectionTitles as [string, string, string, string, string, string];

testRule(rule, {
  template: sectionTemplate,
  valid: [
    { name: "template order", rfc: sectionRfc(sectionTitles) },
    { name: "template order with sections missing", rfc: sectionRfc([summary, drawbacks, future]) },
    { name: "the RFC's own sections in between", rfc: sectionRfc([summary, "Background", motivation, reference, "Examples", drawbacks, rationale, future]) },
    { name: "H1 sections in template order", rfc: sectionRfc(sectionTitles.map((t) => `# ${t}`)) },
    { name: "one heading standing for two adjacent sections", rfc: sectionRfc([summary, motivation, reference, "Drawbacks and alternatives", future]) },
    { name: "a section written as a subsection of a later one, where its author put it", rfc: sectionRfc([summary, motivation, reference, rationale, `### ${drawbacks}`, future]) },
    { name: "an accepted RFC in another order: history, in the order it passed review", rfc: sectionRfc([summary, drawbacks, motivation, reference, rationale, future]) },
  ],
  invalid: [
    {
      name: "a section moved up: only it is reported",
      path: draft,
      rfc: sectionRfc([summary, drawbacks, motivation, reference, rationale, future]),
      diagnostics: [{ line: 5, column: 1, severity: "error", message: 'Section "Drawbacks" should come after "Reference-level explanation", as in the template.' }],
    },
    {
      name: "the first section moved to the end",
      path: draft,
      rfc: sectionRfc([motivation, reference, drawbacks, rationale, future, summary]),
      diagnostics: [{ line: 21, message: 'Section "Summary" should come before "Motivation", as in the template.' }],
    },
    {
      name: "two sections swapped: one is reported",
      path: draft,
      rfc: sectionRfc([summary, motivation, reference, rationale, drawbacks, future]),
      diagnostics: [{ line: 13, message: 'Section "Rationale and alternatives" should come after "Drawbacks", as in the template.' }],
    },
    {
      name: "two sections out of place",
      path: draft,
      rfc: sectionRfc([future, summary, motivation, drawbacks, reference, rationale]),
      diagnostics: [
        { line: 1, message: 'Section "Future possibilities" should come after "Rationale and alternatives", as in the template.' },
        { line: 13, message: 'Section "Drawbacks" should come after "Reference-level explanation", as in the template.' },
      ],
    },
    {
      name: "old titles are named as the RFC writes them",
      path: draft,
      rfc: sectionRfc([summary, motivation, "Detailed design", "Alternatives", drawbacks]),
      diagnostics: [{ line: 13, severity: "error", message: 'Section "Alternatives" should come after "Drawbacks", as in the template.' }],
    },
    {
      name: "H1 sections out of order",
      path: draft,
      rfc: sectionRfc([summary, reference, motivation].map((t) => `# ${t}`)),
      diagnostics: [{ line: 5, message: 'Section "Reference-level explanation" should come after "Motivation", as in the template.' }],
    },
  ],
});

test("section-order's hint says where to move the section", async () => {
  const diagnostics = await runRule(rule, sectionTemplate, { name: "", path: draft, rfc: sectionRfc([motivation, summary]) });
  assert.deepEqual(
    diagnostics.map((d) => d.hint),
    ['move this section, with its subsections, to just below the "Summary" section.'],
  );
});
