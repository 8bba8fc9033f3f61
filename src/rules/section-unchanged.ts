import { distance } from "fastest-levenshtein";
import { linesText } from "../model/document.ts";
import { defineRule } from "./define-rule.ts";
import { isRequired, matchSections } from "./match-sections.ts";
import { comparableText } from "./section-text.ts";

/** How alike a section and the guidance must be (1 = identical) to count as unchanged. */
const threshold = 0.9;

export default defineRule({
  id: "section-unchanged",
  description: "A section's text is not still the template's guidance",
  severity: "error",
  tags: ["template", "stage"],
  fixable: false,
  templateBound: true,
  check({ repo, doc, schema, stage, report }) {
    for (const { wanted, section } of matchSections(schema, doc)) {
      if (!section) continue;
      const guidance = comparableText(wanted.guidance);
      if (guidance === "") continue;
      const text = comparableText(linesText(doc, section.bodyStart, section.endLine));
      const similarity = similarityOf(text, guidance);
      if (similarity < threshold) continue;
      const how = similarity === 1 ? "is still the template's guidance text" : `is nearly the template's guidance text (${Math.floor(similarity * 100)}% the same)`;
      report({
        line: section.line,
        column: section.column,
        message: `Section "${section.title}" ${how}.`,
        hint: "replace the template's guidance with this RFC's own text.",
        // Guidance is never content, but it only fails the check where the stage needs the section.
        ...(isRequired(repo.config, stage, wanted) ? {} : { severity: "warning" as const }),
      });
    }
  },
});

/** 1 - edit distance / longer length; 0 without computing when the lengths alone rule out the threshold. */
function similarityOf(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < longer * threshold) return 0;
  return 1 - distance(a, b) / longer;
}
