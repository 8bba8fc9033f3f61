import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/feature-name.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const named = (value: string) => goodRfc.replace("- Feature Name: `rocket_boots`", `- Feature Name: ${value}`);

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "an identifier in backticks", rfc: goodRfc },
    { name: "a bare identifier", rfc: named("rocket_boots2") },
    { name: "several feature gates", rfc: named("`rocket_boots`, `jet_pack` and `parachute`") },
    { name: "escaped underscores", rfc: named("rocket\\_boots") },
    { name: "N/A: the RFC adds no feature", rfc: named("N/A") },
    { name: "none, in parentheses", rfc: named("(none)") },
    { name: "the placeholder is metadata-placeholder's to report", rfc: named("(fill me in with a unique ident, `my_awesome_feature`)") },
    { name: "no Feature Name is metadata-missing's to report", rfc: goodRfc.replace("- Feature Name: `rocket_boots`\n", "") },
    {
      name: "an amendment may keep the feature's name when it says which RFC it amends",
      path: "text/0002-boots-v2.md",
      rfc: goodRfc.replace("## Motivation", "This amends [RFC 1](0001-rocket-boots.md).\n\n## Motivation"),
      files: { "text/0001-rocket-boots.md": goodRfc },
    },
    { name: "names differing only in case are different", path: "text/0002-b.md", rfc: named("Rocket_boots"), files: { "text/0001-a.md": goodRfc } },
  ],
  invalid: [
    {
      name: "words with a space, in a draft: an error",
      path: "text/0000-test.md",
      rfc: named("mirrord Magic"),
      diagnostics: [{ line: 1, column: 17, severity: "error", message: 'Feature Name "mirrord Magic" is not an identifier (letters, digits and "_" only).' }],
      output: named("mirrord_magic"),
    },
    {
      name: "words with a space in an accepted RFC: the name is history, a warning",
      rfc: named("mirrord Magic"),
      diagnostics: [{ line: 1, column: 17, severity: "warning", message: 'Feature Name "mirrord Magic" is not an identifier (letters, digits and "_" only).' }],
      output: named("mirrord_magic"),
    },
    {
      name: "words in backticks: the fix keeps the backticks",
      rfc: named("`Rocket Boots`"),
      diagnostics: [{ line: 1, column: 17, message: /"Rocket Boots" is not an identifier/ }],
      output: named("`rocket_boots`"),
    },
    {
      name: "words joined by a hyphen and a capital are not kebab-case: an error, fixed",
      path: "text/0000-test.md",
      rfc: named("Rocket-Boots"),
      diagnostics: [{ line: 1, column: 17, severity: "error" }],
      output: named("rocket_boots"),
    },
    {
      name: "no fix when the identifier would drop what was written",
      rfc: named("C++ interop"),
      diagnostics: [{ line: 1, column: 17, message: /"C\+\+ interop" is not an identifier/, hint: "write it as `c_interop`." }],
    },
    {
      name: "a title with the identifier in code: that identifier is the hint, and nothing is rewritten",
      rfc: named("Rocket Boots Macro (`rocket_boots`)"),
      diagnostics: [{ line: 1, column: 17, hint: "write it as `rocket_boots`." }],
    },
    {
      name: "code inside a sentence is not the name",
      rfc: named("Allow `lifetime` specifiers to be passed to macros"),
      diagnostics: [{ line: 1, column: 17, hint: /N\/A when the RFC adds none/ }],
    },
    {
      name: "no fix for a sentence",
      rfc: named("direct to stable, because it changes a stable macro"),
      diagnostics: [{ line: 1, column: 17, hint: /N\/A when the RFC adds none/ }],
    },
    {
      name: "kebab-case is a warning: a recognisable name, written the Cargo way",
      rfc: named("`charts-operator-unification`"),
      diagnostics: [{ line: 1, column: 17, severity: "warning", message: /"charts-operator-unification" is not an identifier/ }],
    },
    {
      name: "the bad one of several names",
      rfc: named("`rocket_boots`, `jet pack`"),
      diagnostics: [{ line: 1, column: 33, message: /"jet pack" is not an identifier/ }],
      output: named("`rocket_boots`, `jet_pack`"),
    },
    {
      name: "a CRLF file keeps its line endings when fixed",
      rfc: named("mirrord Magic").replace(/\n/g, "\r\n"),
      diagnostics: [{ line: 1, column: 17 }],
      output: named("mirrord_magic").replace(/\n/g, "\r\n"),
    },
    {
      name: "a file with a byte-order mark keeps it when fixed",
      rfc: `\uFEFF${named("mirrord Magic")}`,
      diagnostics: [{ line: 1, column: 17 }],
      output: `\uFEFF${named("mirrord_magic")}`,
    },
    {
      name: "a name another RFC already uses",
      path: "text/0002-test.md",
      rfc: goodRfc,
      files: { "text/0001-other.md": goodRfc.replace("[acme/rfcs#12]", "[acme/rfcs#7]").replace("/pull/12", "/pull/7") },
      diagnostics: [{ line: 1, column: 17, file: "text/0002-test.md", message: 'Feature Name "rocket_boots" is already used by text/0001-other.md.' }],
    },
    {
      name: "a draft reusing a numbered RFC's name",
      path: "text/0000-test.md",
      rfc: named("rocket_boots").replace("[acme/rfcs#12](https://github.com/acme/rfcs/pull/12)", "").replace("issues/3)", "issues/5)").replace("#3]", "#5]"),
      files: { "text/0003-other.md": goodRfc },
      diagnostics: [{ line: 1, file: "text/0000-test.md", message: /already used by text\/0003-other\.md/ }],
    },
  ],
});

testRule(rule, {
  template: smallTemplate.replace(/^- Feature Name:.*\n/, ""),
  valid: [{ name: "a template without Feature Name asks nothing of it", rfc: named("mirrord Magic") }],
  invalid: [],
});

test("feature-name suggests the identifier to write", async () => {
  const [space] = await runRule(rule, smallTemplate, { name: "space", rfc: named("mirrord Magic") });
  assert.equal(space?.hint, "write it as `mirrord_magic`.");
  const [kebab] = await runRule(rule, smallTemplate, { name: "kebab", rfc: named("`charts-operator-unification`") });
  assert.equal(kebab?.hint, "write it as `charts_operator_unification`.");
  const [prose] = await runRule(rule, smallTemplate, { name: "prose", rfc: named("direct to stable, because it changes a stable macro") });
  assert.match(prose?.hint ?? "", /N\/A when the RFC adds none/);
});

const kebabTemplate = smallTemplate.replace("(fill me in with a unique ident, `my_awesome_feature`)", "(fill me in with a unique name, `my-awesome-feature`)");

testRule(rule, {
  template: kebabTemplate,
  valid: [
    { name: "a kebab-case name where the template writes names so", rfc: named("`rocket-boots`") },
    { name: "a snake_case name is still an identifier", rfc: named("rocket_boots") },
  ],
  invalid: [
    {
      name: "words with a space: the fix joins them as the template does",
      path: "text/0000-test.md",
      rfc: named("Rocket Boots"),
      diagnostics: [{ line: 1, column: 17, severity: "error", message: 'Feature Name "Rocket Boots" is not a name as the template writes one (lower-case words joined by "-").' }],
      output: named("rocket-boots"),
    },
  ],
});

testRule(rule, {
  template: smallTemplate,
  valid: [
    {
      name: "kebab-case where three RFCs of the repository name features so: the repository's convention",
      path: "text/0004-d.md",
      rfc: named("`rocket-boots-4`"),
      files: { "text/0001-a.md": named("`jet-pack`"), "text/0002-b.md": named("`para-chute`"), "text/0003-c.md": named("`hang-glider`") },
    },
  ],
  invalid: [
    {
      name: "kebab-case in a repository where one other RFC does it: a warning",
      path: "text/0004-d.md",
      rfc: named("`rocket-boots-4`"),
      files: { "text/0001-a.md": named("`jet-pack`") },
      diagnostics: [
        { file: "text/0001-a.md", line: 1, column: 17, severity: "warning", message: /"jet-pack" is not an identifier/ },
        { file: "text/0004-d.md", line: 1, column: 17, severity: "warning", message: /"rocket-boots-4" is not an identifier/ },
      ],
    },
  ],
});
