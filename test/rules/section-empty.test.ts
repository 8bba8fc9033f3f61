import rule from "../../src/rules/section-empty.ts";
import { sectionRfc, sectionTemplate, sectionTitles } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const full = sectionRfc(sectionTitles);
/** The full RFC with one section's line of text replaced. */
const emptied = (title: string, by = "") => full.replace(`Text of ${title.toLowerCase()}.`, by);

testRule(rule, {
  template: sectionTemplate,
  valid: [
    { name: "every section written", rfc: full },
    { name: "a section the stage does not need may be empty", rfc: emptied("Future possibilities") },
    { name: "at the draft stage only the summary is needed", path: "text/0000-test.md", rfc: sectionRfc(["Summary"]) + "## Motivation\n\n## Drawbacks\n" },
    { name: "text in a subsection counts", rfc: emptied("Drawbacks", "### Cost\n\nBoots cost money.") },
    { name: "a missing section is not an empty one", rfc: sectionRfc(sectionTitles.filter((t) => t !== "Motivation")) },
  ],
  invalid: [
    {
      name: "only an anchor and a comment, at the implement stage",
      stage: "implement",
      rfc: emptied("Motivation", "[motivation]: #motivation\n\n<!-- Why are we doing this? -->"),
      diagnostics: [{ line: 5, column: 1, message: 'Section "Motivation" is empty; the implement stage needs it written.' }],
    },
    {
      name: "numbered RFCs are checked at the merge stage",
      rfc: emptied("Reference-level explanation"),
      diagnostics: [{ line: 9, severity: "warning", message: 'Section "Reference-level explanation" is empty; the merge stage needs it written.' }],
    },
    {
      name: "subsection headings alone are not text",
      path: "text/0000-test.md",
      stage: "merge",
      rfc: emptied("Drawbacks", "### Cost\n[cost]: #cost\n\n### Risk"),
      diagnostics: [{ line: 13, severity: "error", message: 'Section "Drawbacks" is empty; the merge stage needs it written.' }],
    },
    {
      name: "a comment over several lines",
      rfc: emptied("Rationale and alternatives", "<!--\nWhy this design?\n-->"),
      diagnostics: [{ line: 17, message: /^Section "Rationale and alternatives" is empty/ }],
    },
    {
      name: "the stages' sections come from book.toml",
      path: "text/0000-test.md",
      files: { "book.toml": '[rfckit.stages.draft]\nfilled = ["Summary", "Drawbacks"]\n' },
      rfc: emptied("Drawbacks"),
      diagnostics: [{ line: 13, severity: "error", message: 'Section "Drawbacks" is empty; the draft stage needs it written.' }],
    },
    {
      name: "an H1 section where the template has H2",
      path: "text/0000-test.md",
      rfc: "# Summary\n\n<!-- TODO -->\n\n# Motivation\n\nBoots.\n",
      diagnostics: [{ line: 1, message: 'Section "Summary" is empty; the draft stage needs it written.' }],
    },
    {
      name: "an underlined (setext) subsection heading is not text either",
      path: "text/0000-test.md",
      rfc: "# Summary\n\nRisk\n----\n\n# Motivation\n\nBoots.\n",
      diagnostics: [{ line: 1, message: 'Section "Summary" is empty; the draft stage needs it written.' }],
    },
    {
      name: "a section under its old title",
      rfc: emptied("Reference-level explanation").replace("## Reference-level explanation", "## Detailed design"),
      diagnostics: [{ line: 9, message: 'Section "Detailed design" is empty; the merge stage needs it written.' }],
    },
    {
      name: "a heading standing for two sections is reported once",
      rfc: sectionRfc(["Summary", "Motivation", "Reference-level explanation", "Drawbacks and alternatives", "Future possibilities"]).replace("Text of drawbacks and alternatives.", ""),
      diagnostics: [{ line: 13, message: 'Section "Drawbacks and alternatives" is empty; the merge stage needs it written.' }],
    },
  ],
});
