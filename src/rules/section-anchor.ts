import { lineText, type RfcDocument, type Section } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import { defineRule } from "./define-rule.ts";
import { matchSections } from "./match-sections.ts";

const atxHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const setextUnderline = /^ {0,3}(?:=+|-+)[ \t]*$/;

export default defineRule({
  id: "section-anchor",
  description: "Sections the template gives a `[slug]: #slug` anchor line have one under their heading",
  severity: "warning",
  tags: ["template", "structure"],
  fixable: true,
  templateBound: true,
  check({ doc, schema, report, memo, editing }) {
    if (!schema.sections.some((s) => s.hasAnchor) || doc.sections.length === 0) return;
    // An anchor line is invisible boilerplate, a drafting convention: asking an accepted RFC to gain
    // one is noise (179 warnings on Rust's RFCs with history, 1,039 without).
    if (!editing) return;
    const defined = new Set(doc.links.filter((l) => l.kind === "definition").map((l) => l.text.toLowerCase()));
    for (const match of memo(matchSections, schema, doc)) {
      const section = match.section;
      // A section found under another title (an alias, a combined heading) is the author's own: its anchor would be a guess.
      if (!section || match.via !== "title" || !match.wanted.hasAnchor || section.anchor) continue;
      // The template's own label (`[design]: #detailed-design`), pointing at this RFC's heading.
      const label = match.wanted.anchorLabel ?? section.slug;
      // Defined elsewhere (a blank line below the heading, or at the end): the anchor is there.
      if (defined.has(label.toLowerCase()) || defined.has(section.slug.toLowerCase())) continue;
      const anchor = `[${label}]: #${section.slug}`;
      const fix = toAnchorInsert(doc, section, anchor);
      report({
        line: section.line,
        column: section.column,
        message: `Section "${section.title}" has no \`${anchor}\` line under its heading, as the template has.`,
        hint: `add "${anchor}" on the line right under the heading.`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});

/**
 * Inserts the anchor as the line after the heading (after a setext heading's underline), ended
 * like the heading's own line so CRLF files stay CRLF. Undefined where the inserted line could be
 * read otherwise: a heading inside a list or quote, or a next line that would become the
 * definition's title.
 */
function toAnchorInsert(doc: RfcDocument, section: Section, anchor: string): Edit | undefined {
  const heading = lineText(doc, section.line);
  let last = section.line;
  if (!atxHeading.test(heading)) {
    if (!setextUnderline.test(lineText(doc, section.line + 1))) return undefined;
    last = section.line + 1;
  }
  if (/^\s*["'(]/.test(lineText(doc, last + 1))) return undefined;
  const next = doc.lineStarts[last];
  if (next === undefined) {
    // The heading ends the file without a line ending: the anchor goes after it.
    return { kind: "insert", at: { line: last, column: lineText(doc, last).length + 1 }, text: `${doc.lineEnding}${anchor}` };
  }
  const ending = doc.source[next - 2] === "\r" ? "\r\n" : "\n";
  return { kind: "insert", at: { line: last + 1, column: 1 }, text: `${anchor}${ending}` };
}
