import assert from "node:assert/strict";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import rule from "../../src/rules/section-missing.ts";
import { sectionRfc, sectionTemplate, sectionTitles } from "../support/templates.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const committed = async (root: string) => {
  gitInit(root);
  commitAll(root, "accept the RFC", "2026-03-01");
};
const without = (...drop: string[]) => sectionTitles.filter((t) => !drop.includes(t));
const replacing = (from: string, ...to: string[]) => sectionTitles.flatMap((t) => (t === from ? to : [t]));
/** Accepted RFCs 0002…: the first `omitting` of them without "Drawbacks", the rest with every section. */
const acceptedRfcs = (count: number, omitting: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`text/000${i + 2}-other-${i}.md`, sectionRfc(i < omitting ? without("Drawbacks") : sectionTitles)]));

testRule(rule, {
  template: sectionTemplate,
  valid: [
    { name: "every section, in order", rfc: sectionRfc(sectionTitles) },
    { name: "sections as H1 where the template has H2", rfc: sectionRfc(sectionTitles.map((t) => `# ${t}`)) },
    { name: "a document title above H2 sections", rfc: `# Rocket boots\n\n${sectionRfc(sectionTitles)}` },
    { name: "a stray H1 among H2 sections nests the rest under it", rfc: sectionRfc(replacing("Drawbacks", "# Drawbacks")) },
    { name: "titles in another case and spacing", rfc: sectionRfc(replacing("Reference-level explanation", "reference level   EXPLANATION")) },
    { name: "old titles from the alias list", rfc: sectionRfc(replacing("Rationale and alternatives", "Alternatives").map((t) => t.replace("Reference-level explanation", "Detailed design"))) },
    { name: "one heading for two sections", rfc: sectionRfc(without("Rationale and alternatives").map((t) => t.replace("Drawbacks", "Drawbacks and alternatives"))) },
    { name: "the design under the RFC's own headings, in its place", rfc: sectionRfc(replacing("Reference-level explanation", "New syntax", "Semantic changes")) },
    { name: "a section written as a subsection of another, under its title or an alias", rfc: sectionRfc(replacing("Drawbacks", "### Risks")) },
    { name: "extra sections of the RFC's own", rfc: sectionRfc(["Summary", "Background", ...without("Summary"), "Appendix"]) },
    { name: "an accepted RFC without a section most accepted RFCs leave out (3 of 4)", rfc: sectionRfc(without("Drawbacks")), files: acceptedRfcs(4, 3) },
  ],
  invalid: [
    {
      name: "a middle section missing: reported at the next one",
      rfc: sectionRfc(without("Motivation")),
      diagnostics: [{ line: 5, column: 1, severity: "warning", message: 'Section "Motivation" from the template is missing.' }],
    },
    {
      name: "in a draft it is an error (numbered RFCs without git history get warnings)",
      path: "text/0000-test.md",
      rfc: sectionRfc(without("Motivation")),
      diagnostics: [{ line: 5, severity: "error", message: 'Section "Motivation" from the template is missing.' }],
    },
    {
      name: "accepted and committed so: history, a warning",
      rfc: sectionRfc(without("Motivation")),
      history: true,
      setup: committed,
      diagnostics: [{ line: 5, severity: "warning", message: 'Section "Motivation" from the template is missing.' }],
    },
    {
      name: "accepted, and being changed (not committed yet): an error",
      rfc: sectionRfc(without("Motivation")),
      history: true,
      setup: async (root) => {
        await committed(root);
        await appendFile(path.join(root, "text/0001-test.md"), "More words.\n");
      },
      diagnostics: [{ line: 5, severity: "error", message: 'Section "Motivation" from the template is missing.' }],
    },
    {
      name: "the last section missing: reported at the last line",
      rfc: sectionRfc(without("Future possibilities")),
      diagnostics: [{ line: 20, message: 'Section "Future possibilities" from the template is missing.' }],
    },
    {
      name: "a heading of its own where Drawbacks would be is not the drawbacks",
      rfc: sectionRfc(replacing("Drawbacks", "Staging")),
      diagnostics: [{ line: 17, message: 'Section "Drawbacks" from the template is missing.' }],
    },
    {
      name: "two sections missing",
      rfc: sectionRfc(without("Motivation", "Reference-level explanation")),
      diagnostics: [
        { line: 5, message: 'Section "Motivation" from the template is missing.' },
        { line: 5, message: 'Section "Reference-level explanation" from the template is missing.' },
      ],
    },
    {
      name: "a subsection counts by its title or an alias only",
      rfc: sectionRfc(replacing("Drawbacks", "### Costs")),
      diagnostics: [{ line: 17, message: 'Section "Drawbacks" from the template is missing.' }],
    },
    {
      name: "H1 sections, one missing",
      rfc: sectionRfc(without("Drawbacks").map((t) => `# ${t}`)),
      diagnostics: [{ line: 13, message: 'Section "Drawbacks" from the template is missing.' }],
    },
    {
      name: "a near-miss title stands for the section: a warning to correct the spelling, at the heading",
      rfc: sectionRfc(replacing("Reference-level explanation", "Reference-level explanations")),
      diagnostics: [{ line: 9, severity: "warning", message: 'Heading "Reference-level explanations" reads as the template\'s "Reference-level explanation", spelt differently.' }],
    },
    {
      name: "most of the template missing (a charter of its own shape): one diagnostic listing them",
      rfc: sectionRfc(["Summary", "Motivation", "Charter", "Membership"]),
      diagnostics: [{ line: 1, message: /^The RFC has 2 of the template's \d+ sections; missing: "Reference-level explanation", "Drawbacks", "Rationale and alternatives", "Future possibilities".$/ }],
    },
    {
      name: "a draft without a section most accepted RFCs leave out: a warning that says so",
      path: "text/0000-test.md",
      rfc: sectionRfc(without("Drawbacks")),
      files: acceptedRfcs(4, 3),
      diagnostics: [{ line: 13, severity: "warning", message: 'Section "Drawbacks" from the template is missing (3 of the 4 accepted RFCs leave it out).', hint: /^add "## Drawbacks" above line 13 if it has something to say here; to require it, list it in required-sections in book\.toml\.$/ }],
    },
    {
      name: "two accepted RFCs leaving a section out are not yet the repository's way: an error on a draft",
      path: "text/0000-test.md",
      rfc: sectionRfc(without("Drawbacks")),
      files: acceptedRfcs(3, 2),
      diagnostics: [
        { line: 13, severity: "error", message: 'Section "Drawbacks" from the template is missing.' },
        ...[0, 1].map((i) => ({ file: `text/000${i + 2}-other-${i}.md`, line: 13, severity: "warning" as const, message: 'Section "Drawbacks" from the template is missing.' })),
      ],
    },
    {
      name: "required-sections in book.toml keeps a section required whatever the accepted RFCs do",
      path: "text/0000-test.md",
      rfc: sectionRfc(without("Drawbacks")),
      files: { ...acceptedRfcs(4, 3), "book.toml": '[rfckit]\nrequired-sections = ["Drawbacks"]\n' },
      diagnostics: [
        { line: 13, severity: "error", message: 'Section "Drawbacks" from the template is missing.' },
        ...[0, 1, 2].map((i) => ({ file: `text/000${i + 2}-other-${i}.md`, line: 13, severity: "warning" as const, message: 'Section "Drawbacks" from the template is missing.' })),
      ],
    },
    {
      name: "a section kept inside an HTML comment: said at the comment's heading, to take out of it",
      path: "text/0000-test.md",
      rfc: sectionRfc(without("Drawbacks")).replace("## Rationale and alternatives", "<!--\n## Drawbacks\n\nNone known.\n-->\n\n## Rationale and alternatives"),
      diagnostics: [{ line: 14, severity: "error", message: 'Section "Drawbacks" from the template is inside an HTML comment, so readers do not see it.', hint: 'take "## Drawbacks" and its text out of the comment.' }],
    },
    {
      name: "no sections at all: one diagnostic",
      rfc: "Moved to [0002-other.md](0002-other.md).\n",
      diagnostics: [{ line: 1, message: /^The RFC has no sections; the template has "Summary", "Motivation", / }],
    },
  ],
});

test("section-missing hints name the template's title at the level of the RFC's own sections, and where it goes", async () => {
  const hints = async (titles: string[]) => (await runRule(rule, sectionTemplate, { name: "", rfc: sectionRfc(titles) })).map((d) => d.hint);
  // The RFC writes its sections as `#`: so is the one to add, whatever level the template has.
  assert.deepEqual(await hints(without("Motivation").map((t) => `# ${t}`)), ['add "# Motivation" above line 5.']);
  assert.deepEqual(await hints(without("Future possibilities")), ['add "## Future possibilities" at the end of the file.']);
  assert.deepEqual(await hints(without("Rationale and alternatives", "Future possibilities")), [
    'add "## Rationale and alternatives" at the end of the file.',
    'add "## Future possibilities" at the end of the file, below the "## Rationale and alternatives" you add.',
  ]);
  assert.deepEqual(await hints(replacing("Motivation", "Motivations")), ['rename it to "Motivation".']);
});

test("rfc doctor lists a section most accepted RFCs leave out, with how many do", async () => {
  const root = await writeTempRepo({ "0000-template.md": sectionTemplate, "text/0000-draft.md": sectionRfc(sectionTitles), ...acceptedRfcs(4, 3) });
  const text = (await runRfc(["doctor"], { cwd: root })).stdout;
  assert.match(text, /^ {2}Drawbacks: 3 of the 4 accepted RFCs leave it out \(a warning, not an error, on an RFC being written\)$/m);
  assert.doesNotMatch(text, /^ {2}Motivation:/m);
  const json = JSON.parse((await runRfc(["doctor", "--format", "json"], { cwd: root })).stdout) as { templates: { optionalSections: { title: string; source: string }[] }[] };
  assert.deepEqual(json.templates[0]!.optionalSections.map((s) => [s.title, s.source]), [["Drawbacks", "convention"]]);
});
