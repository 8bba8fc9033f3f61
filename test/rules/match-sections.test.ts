import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDocument } from "../../src/markdown/parse-document.ts";
import { defaultConfig } from "../../src/model/config.ts";
import { toSchema } from "../../src/repository/to-schema.ts";
import { isRequired, matchSections, sectionAliases, titleKey } from "../../src/rules/match-sections.ts";
import { sectionRfc, sectionTemplate, sectionTitles } from "../support/templates.ts";

const schema = toSchema(parseDocument(sectionTemplate), { path: "0000-template.md", revision: null });
/** Each template title with the RFC title it was matched to (and how), or null. */
const matched = (rfc: string, aliases = sectionAliases) =>
  matchSections(schema, parseDocument(rfc), aliases).map((m): [string, string | null] => [m.wanted.title, m.section ? `${m.section.title} (${m.via})` : null]);

describe("matchSections", () => {
  test("titles match regardless of case, spacing, punctuation and heading level", () => {
    const rfc = sectionRfc(["# SUMMARY", "#   motivation", "# Reference level explanation", "# Drawbacks:", "# Rationale and  alternatives", "# Future possibilities"]);
    assert.ok(matched(rfc).every(([, m]) => m !== null && m.endsWith("(title)")), JSON.stringify(matched(rfc)));
  });

  test("the template's title wins over an alias, and each RFC section is used once", () => {
    const rfc = sectionRfc(["Summary", "Alternatives", "Rationale and alternatives"]);
    assert.deepEqual(matched(rfc).slice(0, 5), [
      ["Summary", "Summary (title)"],
      ["Motivation", null],
      ["Reference-level explanation", null],
      ["Drawbacks", null],
      ["Rationale and alternatives", "Rationale and alternatives (title)"],
    ]);
  });

  test("the explanations combined, or under their shared word; the names other repositories give sections", () => {
    const explained = toSchema(parseDocument(sectionRfc(["Summary", "Motivation", "Guide-level explanation", "Reference-level explanation", "Future possibilities"])), { path: "0000-template.md", revision: null });
    const pairs = (rfc: string) => matchSections(explained, parseDocument(rfc)).map((m) => `${m.wanted.title} = ${m.section?.title ?? "-"} (${m.via})`);
    assert.deepEqual(pairs(sectionRfc(["Summary", "Problem statement", "Guide-level and reference-level explanation", "Future work"])), [
      "Summary = Summary (title)",
      "Motivation = Problem statement (alias)",
      "Guide-level explanation = Guide-level and reference-level explanation (combined)",
      "Reference-level explanation = Guide-level and reference-level explanation (combined)",
      "Future possibilities = Future work (alias)",
    ]);
    assert.deepEqual(pairs(sectionRfc(["Summary", "Motivation", "Guide and reference-level explanation"])).slice(2, 4), [
      "Guide-level explanation = Guide and reference-level explanation (combined)",
      "Reference-level explanation = Guide and reference-level explanation (combined)",
    ]);
    assert.deepEqual(pairs(sectionRfc(["Summary", "Motivation", "Explanation"])).slice(2, 4), [
      "Guide-level explanation = Explanation (combined)",
      "Reference-level explanation = Explanation (combined)",
    ]);
    // One section of a word is no shared word: `Alternatives` alone is no `Rationale and alternatives` by this rule.
    assert.deepEqual(pairs(sectionRfc(["Summary", "Possibilities"])).at(-1), "Future possibilities = - (null)");
  });

  test("a title, or one of its aliases, followed by a colon or a dash and the author's words", () => {
    const found = matched(sectionRfc(["Summary: boots that jump", "Motivation — slow builds", "Detailed design: springs", "Drawbacks - none known", "Alternatives: ladders", "Future possibilities"]));
    assert.deepEqual(found.map(([, m]) => m), ["Summary: boots that jump (title)", "Motivation — slow builds (title)", "Detailed design: springs (alias)", "Drawbacks - none known (title)", "Alternatives: ladders (alias)", "Future possibilities (title)"]);
    // Words before a colon that name no section are the author's title: `Example: jumping` is nothing here.
    assert.equal(matched(sectionRfc(["Summary", "Example: jumping", "Future possibilities"]))[1]![1], null);
  });

  test("a combined heading stands for each of its parts", () => {
    const rfc = sectionRfc(["Motivation and summary", "Detailed design", "Drawbacks / alternatives", "Future possibilities { #future }"]);
    assert.deepEqual(matched(rfc), [
      ["Summary", "Motivation and summary (combined)"],
      ["Motivation", "Motivation and summary (combined)"],
      ["Reference-level explanation", "Detailed design (alias)"],
      ["Drawbacks", "Drawbacks / alternatives (combined)"],
      ["Rationale and alternatives", "Drawbacks / alternatives (combined)"],
      ["Future possibilities", "Future possibilities (title)"],
    ]);
  });

  test("the design under the names RFCs give it, where two sections are missing and place cannot tell", () => {
    const designSchema = toSchema(parseDocument(sectionRfc(["Summary", "Motivation", "Detailed design", "Examples and Interactions", "Drawbacks"])), { path: "0000-template.md", revision: null });
    for (const title of ["Implementation", "Proposed solution", "Specification", "Proposed changes"]) {
      const matches = matchSections(designSchema, parseDocument(sectionRfc(["Summary", "Motivation", title, "Drawbacks"])));
      assert.deepEqual(matches.slice(2, 4).map((m) => [m.wanted.title, m.section?.title ?? null, m.via]), [["Detailed design", title, "alias"], ["Examples and Interactions", null, null]]);
    }
  });

  test("the design written as the changes it makes, inside the motivation, stands for it there", () => {
    const designSchema = toSchema(parseDocument(sectionRfc(["Summary", "Motivation", "Detailed design", "Drawbacks"])), { path: "0000-template.md", revision: null });
    const matches = matchSections(designSchema, parseDocument(sectionRfc(["Summary", "Motivation", "### Core changes", "Drawbacks"])));
    assert.deepEqual([matches[2]!.section?.title, matches[2]!.via], ["Core changes", "nested"]);
    // Changes named as someone else's are not the design.
    const other = matchSections(designSchema, parseDocument(sectionRfc(["Summary", "Motivation", "### Recent changes", "Drawbacks"])));
    assert.equal(other[2]!.section, null);
  });

  test("the alias list can be replaced", () => {
    const rfc = sectionRfc(["Summary", "Why", "Detailed design"]);
    const mine = { Motivation: ["Why"] };
    assert.deepEqual(matched(rfc, mine).slice(0, 3), [
      ["Summary", "Summary (title)"],
      ["Motivation", "Why (alias)"],
      ["Reference-level explanation", null],
    ]);
  });

  test("a section written as a subsection stands for it only by its title or an alias; a stray shallower heading's children are top-level", () => {
    const nested = matched(sectionRfc(["Summary", "Proposed solution", "### Risks", "### Alternatives considered", "### Staging", "Future possibilities"]));
    assert.deepEqual(nested.slice(1, 5), [
      ["Motivation", null],
      ["Reference-level explanation", null],
      ["Drawbacks", "Risks (nested)"],
      ["Rationale and alternatives", null],
    ]);
    assert.deepEqual(matched(sectionRfc(["Summary", "### Motivation"]))[1], ["Motivation", "Motivation (nested)"]);
    const stray = sectionRfc(["Summary", "# Drawbacks", "Future possibilities", "### Motivation"]);
    assert.deepEqual(matched(stray).filter(([, m]) => m?.endsWith("(title)")).map(([t]) => t), ["Summary", "Drawbacks", "Future possibilities"]);
  });

  test("a near-miss title stands for the section, a far one does not", () => {
    const matches = matchSections(schema, parseDocument(sectionRfc(["Summary", "Motivations", "Reference-level discussion", "Future possiblities"])));
    const byTitle = new Map(matches.map((m) => [m.wanted.title, [m.section?.title ?? null, m.via]]));
    assert.deepEqual(byTitle.get("Motivation"), ["Motivations", "near"]);
    assert.deepEqual(byTitle.get("Future possibilities"), ["Future possiblities", "near"]);
    assert.deepEqual(byTitle.get("Reference-level explanation"), [null, null]);
  });

  test("a numbered heading is its title; a bare year is not a number", () => {
    const matches = matchSections(schema, parseDocument(sectionRfc(["1. Summary", "2) Motivation", "3.1 Drawbacks", "IV. Future possibilities"])));
    const found = matches.filter((m) => m.section).map((m) => [m.wanted.title, m.via]);
    assert.deepEqual(found, [["Summary", "title"], ["Motivation", "title"], ["Drawbacks", "title"], ["Future possibilities", "title"]]);
    assert.equal(titleKey("2024 roadmap"), "2024 roadmap");
    assert.equal(titleKey("10. Drawbacks"), "drawbacks");
  });

  test("a heading in the place of one missing section stands for it, unless that section is one an RFC names as such", () => {
    const own = matched(sectionRfc(["Summary", "Motivation", "Semantic changes", "New syntax", "Drawbacks", "Rationale and alternatives", "Future possibilities"]));
    assert.deepEqual(own[2], ["Reference-level explanation", "Semantic changes (place)"]);
    // `Staging` where Drawbacks would be is not the drawbacks.
    const named = matched(sectionRfc(["Summary", "Motivation", "Detailed design", "Staging", "Rationale and alternatives", "Future possibilities"]));
    assert.deepEqual(named[3], ["Drawbacks", null]);
    // A heading that names another section is that one, not the one missing here.
    const other = matched(sectionRfc(["Summary", "Motivation", "Future work", "Drawbacks", "Rationale and alternatives", "Future possibilities"]));
    assert.deepEqual(other[2], ["Reference-level explanation", null]);
  });

  test("a heading after the last matched section, or one of fewer headings than missing sections, is not taken by place", () => {
    const appendix = matched(sectionRfc(["Summary", "Motivation", "Detailed design", "Drawbacks", "Rationale and alternatives", "Acknowledgements"]));
    assert.deepEqual(appendix[5], ["Future possibilities", null]);
    const two = matched(sectionRfc(["Summary", "Implementation", "Drawbacks", "Rationale and alternatives", "Future possibilities"]));
    assert.deepEqual(two.slice(1, 3), [["Motivation", null], ["Reference-level explanation", null]]);
  });

  test("as many headings as sections missing between two matched ones stand for them in order, unless one is a section RFCs name", () => {
    const explained = toSchema(parseDocument(sectionRfc(["Summary", "Motivation", "Guide-level explanation", "Reference-level explanation", "Drawbacks", "Prior art", "Unresolved questions"])), { path: "0000-template.md", revision: null });
    const found = (titles: string[]) => matchSections(explained, parseDocument(sectionRfc(titles))).map((m) => [m.wanted.title, m.section ? `${m.section.title} (${m.via})` : null]);
    assert.deepEqual(found(["Summary", "Motivation", "Proposed additions", "Full reference", "Drawbacks", "Prior art", "Unresolved questions"]).slice(2, 4), [
      ["Guide-level explanation", "Proposed additions (place)"],
      ["Reference-level explanation", "Full reference (place)"],
    ]);
    assert.deepEqual(found(["Summary", "Motivation", "Proposed additions", "Examples", "Full reference", "Drawbacks", "Prior art", "Unresolved questions"]).slice(2, 4), [
      ["Guide-level explanation", null],
      ["Reference-level explanation", null],
    ]);
    // `Prior art` and `Unresolved questions` are named as such when an RFC has them.
    assert.deepEqual(found(["Summary", "Motivation", "Explanation", "Drawbacks", "Staging", "History"]).slice(5, 7), [
      ["Prior art", null],
      ["Unresolved questions", null],
    ]);
    // The naming questions an RFC leaves open, under the name RFCs give them, are its unresolved ones.
    assert.deepEqual(found(["Summary", "Motivation", "Explanation", "Drawbacks", "Prior art", "Bikeshedding"])[6], ["Unresolved questions", "Bikeshedding (alias)"]);
  });

  test("in its place, a heading rewording a title or sharing its last word stands for it, even among several missing", () => {
    const teachSchema = toSchema(parseDocument(sectionRfc(["Summary", "Detailed design", "How we teach this", "Drawbacks", "Alternatives", "Unresolved questions", "Future work"])), { path: "0000-template.md", revision: null });
    const found = (titles: string[]) => matchSections(teachSchema, parseDocument(sectionRfc(titles))).map((m) => [m.wanted.title, m.section ? `${m.section.title} (${m.via})` : null]);
    assert.deepEqual(found(["Summary", "Detailed design", "Evaluation", "How do we teach this?", "Drawbacks", "Alternatives", "Unresolved questions", "Future work"])[2], ["How we teach this", "How do we teach this? (place)"]);
    const naming = found(["Summary", "Detailed design", "How we teach this", "Drawbacks", "Naming questions", "Future work"]);
    assert.deepEqual(naming.slice(4, 6), [["Alternatives", null], ["Unresolved questions", "Naming questions (place)"]]);
    const faq = found(["Summary", "Detailed design", "How we teach this", "Drawbacks", "Frequently asked questions", "Future work"]);
    assert.deepEqual(faq[5], ["Unresolved questions", null]);
  });

  test("a combined heading with its own id stands for both its parts", () => {
    const matches = matched(sectionRfc(["Summary", "Motivation", "Detailed design", "Alternatives and downsides { #rationale-and-alternatives }", "Future possibilities"]));
    assert.deepEqual(matches.slice(3, 5), [["Drawbacks", "Alternatives and downsides (combined)"], ["Rationale and alternatives", "Alternatives and downsides (title)"]]);
  });

  test("a suspended hyphen joins a combined heading: Guide- and reference-level explanation is both", () => {
    const guideSchema = toSchema(parseDocument("## Summary\n\nx\n\n## Motivation\n\nx\n\n## Guide-level explanation\n\nx\n\n## Reference-level explanation\n\nx\n"), { path: "0000-template.md", revision: null });
    const matches = matchSections(guideSchema, parseDocument(sectionRfc(["Summary", "Motivation", "Guide- and reference-level explanation"])));
    const found = matches.filter((m) => m.section).map((m) => [m.wanted.title, m.via]);
    assert.deepEqual(found, [["Summary", "title"], ["Motivation", "title"], ["Guide-level explanation", "combined"], ["Reference-level explanation", "combined"]]);
  });
});

describe("titleKey and isRequired", () => {
  test("titleKey keeps only words", () => {
    assert.equal(titleKey("  Guide-level   Explanation?  "), "guide level explanation");
  });

  test("a stage's titles are compared by key and alias", () => {
    const wanted = (title: string) => ({ title, slug: "", level: 2, hasAnchor: false, anchorLabel: null, guidance: "", optionalBecause: null });
    assert.equal(isRequired(defaultConfig, "merge", wanted("reference-level EXPLANATION")), true);
    assert.equal(isRequired(defaultConfig, "merge", wanted("Detailed design")), true);
    assert.equal(isRequired(defaultConfig, "draft", wanted("Motivation")), false);
    assert.equal(isRequired(defaultConfig, "merge", wanted(sectionTitles[5]!)), false);
  });
});
