import type { Section } from "../model/document.ts";
import { defineRule } from "./define-rule.ts";
import { isRequired, matchSections } from "./match-sections.ts";
import { hasAuthoredText } from "./section-text.ts";

export default defineRule({
  id: "section-empty",
  description: "Sections the current stage needs have text",
  severity: "error",
  tags: ["template", "stage"],
  fixable: false,
  templateBound: true,
  check({ repo, doc, schema, stage, report, memo }) {
    const reported = new Set<Section>();
    for (const { wanted, section } of memo(matchSections, schema, doc)) {
      // A missing section is section-missing's to report; one the stage does not need may wait.
      if (!section || reported.has(section) || !memo(isRequired, repo.config, stage, wanted)) continue;
      reported.add(section);
      if (hasAuthoredText(doc, section)) continue;
      report({
        line: section.line,
        column: section.column,
        message: `Section "${section.title}" is empty; the ${stage} stage needs it written.`,
        hint: "write this section's text under its heading; the template's guidance says what belongs there.",
      });
    }
  },
});
