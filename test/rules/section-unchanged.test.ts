import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/section-unchanged.ts";
import { sectionRfc, sectionTemplate, sectionTitles } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const full = sectionRfc(sectionTitles);
/** The full RFC with one section's line of text replaced. */
const writing = (title: string, text: string) => full.replace(`Text of ${title.toLowerCase()}.`, text);
const motivationGuidance = "Why are we doing this? What problem does it solve, and for whom?";

testRule(rule, {
  template: sectionTemplate,
  valid: [
    { name: "every section in the RFC's own words", rfc: full },
    { name: "a section whose guidance is only a comment", rfc: writing("Future possibilities", "<!-- What could come next? -->") },
    { name: "guidance kept as a lead-in to real text", rfc: writing("Motivation", `${motivationGuidance}\n\nBuilds take an hour, and engineers who wait lose the thread of their work.`) },
    { name: "an empty section is section-empty's to report", rfc: writing("Motivation", "") },
    { name: "a few words in common", rfc: writing("Drawbacks", "Why should we not buy boots? They cost money.") },
  ],
  invalid: [
    {
      name: "the guidance left in place, at a stage that needs the section",
      path: "text/0000-test.md",
      stage: "merge",
      rfc: writing("Motivation", motivationGuidance),
      diagnostics: [{ line: 5, column: 1, severity: "error", message: `Section "Motivation" is still the template's guidance text.` }],
    },
    {
      name: "the same, at a stage that does not need the section: a warning",
      path: "text/0000-test.md",
      rfc: writing("Motivation", motivationGuidance),
      diagnostics: [{ line: 5, severity: "warning", message: `Section "Motivation" is still the template's guidance text.` }],
    },
    {
      name: "rewrapped, with the anchor line and without the emphasis",
      rfc: writing("Reference-level explanation", "[reference-level-explanation]: #reference-level-explanation\n\nThe technical part: how it works,\nin enough detail to build it."),
      diagnostics: [{ line: 9, message: `Section "Reference-level explanation" is still the template's guidance text.` }],
    },
    {
      name: "one word changed",
      rfc: writing("Motivation", motivationGuidance.replace("solve", "fix")),
      diagnostics: [{ line: 5, message: `Section "Motivation" is nearly the template's guidance text (92% the same).` }],
    },
    {
      name: "an H1 section where the template has H2",
      rfc: sectionRfc(sectionTitles.map((t) => `# ${t}`)).replace("Text of drawbacks.", "Why should we *not* do this?"),
      diagnostics: [{ line: 13, message: `Section "Drawbacks" is still the template's guidance text.` }],
    },
    {
      name: "a section under its old title",
      rfc: writing("Rationale and alternatives", "Why this design and not another one?").replace("## Rationale and alternatives", "## Alternatives"),
      diagnostics: [{ line: 17, message: `Section "Alternatives" is still the template's guidance text.` }],
    },
  ],
});

test("section-unchanged's hint asks for the RFC's own text", async () => {
  const diagnostics = await runRule(rule, sectionTemplate, { name: "", rfc: writing("Summary", "One paragraph explanation of the feature.") });
  assert.deepEqual(
    diagnostics.map((d) => d.hint),
    ["replace the template's guidance with this RFC's own text."],
  );
});
