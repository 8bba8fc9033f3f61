import { defineRule } from "./define-rule.ts";
import { longestIncreasing } from "./longest-increasing.ts";
import { matchSections, type SectionMatch } from "./match-sections.ts";

type Present = SectionMatch & { section: NonNullable<SectionMatch["section"]> };

export default defineRule({
  id: "section-order",
  description: "Sections appear in the template's order",
  severity: "error",
  tags: ["template", "structure"],
  fixable: false,
  templateBound: true,
  check({ doc, schema, report, memo, editing }) {
    // The order is how an RFC is written: an accepted one, in whatever order it passed review, is history.
    if (!editing) return;
    const present = memo(matchSections, schema, doc)
      // A section written as a subsection of another is where its author put it.
      .filter((m): m is Present => m.section !== null && m.via !== "nested")
      .sort((a, b) => a.section.line - b.section.line || a.index - b.index);
    // The largest set already in order stays put; only the rest is reported, once each.
    const keep = new Set(longestIncreasing(present.map((m) => m.index)).map((i) => present[i]!));
    const inOrder = present.filter((m) => keep.has(m)).sort((a, b) => a.index - b.index);
    for (const match of present) {
      if (keep.has(match)) continue;
      const before = inOrder.filter((m) => m.index < match.index).at(-1);
      const after = inOrder.find((m) => m.index > match.index);
      const goesAfter = before !== undefined && before.section.line > match.section.line;
      const anchor = goesAfter ? before : after;
      if (!anchor) continue; // cannot happen: a section with no misplaced neighbour would be in order
      const where = `${goesAfter ? "after" : "before"} "${anchor.section.title}"`;
      report({
        line: match.section.line,
        column: match.section.column,
        message: `Section "${match.section.title}" should come ${where}, as in the template.`,
        hint: `move this section, with its subsections, to just ${goesAfter ? "below" : "above"} the "${anchor.section.title}" section.`,
      });
    }
  },
});
