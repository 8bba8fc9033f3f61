import { lineCount } from "../model/document.ts";
import { defineRule } from "./define-rule.ts";
import { findCommentedOutHeading } from "./commented-out-section.ts";
import { matchSections } from "./match-sections.ts";
import { isOptionalSection } from "../model/optional-section.ts";
import { conventionalOmission, describeOmission, readOmittedByConvention } from "./section-convention.ts";

export default defineRule({
  id: "section-missing",
  description: "Every section of the template appears in the RFC",
  severity: "error",
  tags: ["template", "structure"],
  fixable: false,
  templateBound: true,
  check({ repo, rfc, doc, schema, editing, report, memo }) {
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
    const missing: { index: number; wanted: (typeof matches)[number]["wanted"] }[] = [];
    // Read only when a section is missing: it looks at every accepted RFC's headings.
    const conventional = () => memo(readOmittedByConvention, repo, rfc.template);
    // Sections the accepted RFCs leave out as a rule: said (as a warning) to an RFC being written, and not to the others.
    const leftOutAsTheOthers: { index: number; wanted: (typeof matches)[number]["wanted"]; why: string }[] = [];
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
      const omission = conventionalOmission(conventional(), match.wanted);
      if (omission) leftOutAsTheOthers.push({ index: i, wanted: match.wanted, why: describeOmission(omission) });
      else missing.push({ index: i, wanted: match.wanted });
    }
    if (missing.length >= 4) {
      // Most of the template is not there: the RFC follows a shape of its own (a charter, a
      // policy), and that is one finding, not one per section. Sections the accepted RFCs leave
      // out do not count as the template's here.
      const required = schema.sections.filter((s) => !isOptionalSection(s, repo.config) && !conventionalOmission(conventional(), s)).length;
      if (missing.length * 2 > required) {
        report({
          line: 1,
          message: `The RFC has ${required - missing.length} of the template's ${required} sections; missing: ${missing.map((m) => `"${m.wanted.title}"`).join(", ")}.`,
          hint: `add the missing sections, as the template has them (${heading(missing[0]!.wanted)} first).`,
        });
        return;
      }
    }
    // A section written inside another is no place to put one beside.
    const ownSection = (m: (typeof matches)[number]) => (m.via === "nested" ? null : m.section);
    let addedAtEnd: string | null = null;
    const place = (index: number) => {
      // Where the section belongs: at the next template section the RFC has, else the end.
      const next = matches.slice(index + 1).map(ownSection).find((s) => s) ?? null;
      const before = addedAtEnd;
      const where = next ? `above line ${next.line}` : before ? `at the end of the file, below the "${before}" you add` : "at the end of the file";
      return { line: next ? next.line : last, column: next ? next.column : 1, where, atEnd: next === null };
    };
    // At the level of the RFC's own sections beside it (Rust's RFCs moved from `#` to `##` in 2025), else the template's.
    const written = (index: number, wanted: (typeof matches)[number]["wanted"]) => {
      const beside = matches.slice(index + 1).map(ownSection).find((s) => s) ?? matches.slice(0, index).map(ownSection).reverse().find((s) => s) ?? null;
      return heading({ level: beside?.level ?? wanted.level, title: wanted.title });
    };
    for (const { index, wanted } of missing) {
      const commented = findCommentedOutHeading(doc, wanted.title);
      if (commented) {
        report({
          line: commented.line,
          message: `Section "${wanted.title}" from the template is inside an HTML comment, so readers do not see it.`,
          hint: `take "${commented.heading}" and its text out of the comment.`,
        });
        continue;
      }
      const { line, column, where, atEnd } = place(index);
      const added = written(index, wanted);
      report({ line, column, message: `Section "${wanted.title}" from the template is missing.`, hint: `add "${added}" ${where}.` });
      if (atEnd) addedAtEnd = added;
    }
    if (!editing) return;
    for (const { index, wanted, why } of leftOutAsTheOthers) {
      const { line, column, where } = place(index);
      report({
        line,
        column,
        severity: "warning",
        message: `Section "${wanted.title}" from the template is missing (${why}).`,
        hint: `add "${written(index, wanted)}" ${where} if it has something to say here; to require it, list it in required-sections in book.toml.`,
      });
    }
  },
});
