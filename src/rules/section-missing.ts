import { lineCount } from "../model/document.ts";
import { defineRule } from "./define-rule.ts";
import { matchSections } from "./match-sections.ts";
import { isOptionalSection } from "../model/optional-section.ts";

export default defineRule({
  id: "section-missing",
  description: "Every section of the template appears in the RFC",
  severity: "error",
  tags: ["template", "structure"],
  fixable: false,
  templateBound: true,
  check({ repo, doc, schema, report, memo }) {
    if (schema.sections.every((s) => isOptionalSection(s, repo.config))) return;
    const heading = (s: { level: number; title: string }) => `${"#".repeat(s.level)} ${s.title}`;
    if (doc.sections.length === 0) {
      // One finding, not one per section: a file without headings (a stub, a redirect) is one problem.
      report({
        line: 1,
        message: `The RFC has no sections; the template has ${schema.sections.map((s) => `"${s.title}"`).join(", ")}.`,
        hint: `copy the headings from the template, starting with "${heading(schema.sections[0]!)}", and write each section.`,
      });
      return;
    }
    const matches = memo(matchSections, schema, doc);
    const last = Math.max(1, lineCount(doc));
    for (const [i, match] of matches.entries()) {
      const near = match.via === "near" ? match.section : null;
      if (near) {
        // Read as the section, so other rules see it; the spelling is still worth correcting.
        report({
          line: near.line,
          column: near.column,
          severity: "warning",
          message: `Heading "${near.title}" reads as the template's "${match.wanted.title}", spelt differently.`,
          hint: `rename it to "${match.wanted.title}".`,
        });
        continue;
      }
      // The template lets an RFC leave it out ("Omit this section if …"), or book.toml does.
      if (match.section || isOptionalSection(match.wanted, repo.config)) continue;
      const message = `Section "${match.wanted.title}" from the template is missing.`;
      // Point where the section belongs: at the next template section the RFC has, else the end.
      const next = matches.slice(i + 1).find((m) => m.section)?.section ?? null;
      report({
        line: next ? next.line : last,
        column: next ? next.column : 1,
        message,
        hint: next ? `add "${heading(match.wanted)}" above line ${next.line}.` : `add "${heading(match.wanted)}" at the end of the file.`,
      });
    }
  },
});
