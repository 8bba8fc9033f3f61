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

  test("the alias list can be replaced", () => {
    const rfc = sectionRfc(["Summary", "Why", "Detailed design"]);
    const mine = { Motivation: ["Why"] };
    assert.deepEqual(matched(rfc, mine).slice(0, 3), [
      ["Summary", "Summary (title)"],
      ["Motivation", "Why (alias)"],
      ["Reference-level explanation", null],
    ]);
  });

  test("subsections are not top-level, except under a stray shallower heading", () => {
    const nested = sectionRfc(["Summary", "### Motivation"]);
    assert.equal(matched(nested)[1]![1], null);
    const stray = sectionRfc(["Summary", "# Drawbacks", "Future possibilities", "### Motivation"]);
    assert.deepEqual(matched(stray).filter(([, m]) => m !== null).map(([t]) => t), ["Summary", "Drawbacks", "Future possibilities"]);
  });

  test("a near-miss title is offered for a missing section, a far one is not", () => {
    const matches = matchSections(schema, parseDocument(sectionRfc(["Summary", "Motivations", "Reference-level discussion"])));
    assert.equal(matches[1]!.nearMiss?.title, "Motivations");
    assert.equal(matches[2]!.nearMiss, null);
  });
});

describe("titleKey and isRequired", () => {
  test("titleKey keeps only words", () => {
    assert.equal(titleKey("  Guide-level   Explanation?  "), "guide level explanation");
  });

  test("a stage's titles are compared by key and alias", () => {
    const wanted = (title: string) => ({ title, slug: "", level: 2, hasAnchor: false, guidance: "", optionalBecause: null });
    assert.equal(isRequired(defaultConfig, "merge", wanted("reference-level EXPLANATION")), true);
    assert.equal(isRequired(defaultConfig, "merge", wanted("Detailed design")), true);
    assert.equal(isRequired(defaultConfig, "draft", wanted("Motivation")), false);
    assert.equal(isRequired(defaultConfig, "merge", wanted(sectionTitles[5]!)), false);
  });
});
