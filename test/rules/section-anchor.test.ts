import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import rule from "../../src/rules/section-anchor.ts";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { runRfc, type JsonDiagnostic } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, sectionRfc, sectionTemplate, sectionTitles, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

const withoutAnchor = (text: string, slug: string) => text.replace(`[${slug}]: #${slug}\n`, "");
const message = (title: string, slug: string) => `Section "${title}" has no \`[${slug}]: #${slug}\` line under its heading, as the template has.`;

/** Drafts: accepted RFCs, as committed or without history, are not checked (see the rule). */
const draft = "text/0000-test.md";

testRule(rule, {
  template: smallTemplate,
  valid: [
    { path: draft, name: "every section has its anchor line", rfc: goodRfc },
    { name: "an accepted RFC (numbered, nothing uncommitted) is not held to the anchor lines", rfc: withoutAnchor(goodRfc, "drawbacks") },
    {
      path: draft, name: "an anchor a blank line below the heading is there all the same",
      rfc: goodRfc.replace("## Motivation\n[motivation]: #motivation\n", "## Motivation\n\n[motivation]: #motivation\n"),
    },
    { path: draft, name: "a section under an older title is the author's own", rfc: withoutAnchor(goodRfc, "drawbacks").replace("## Drawbacks", "## Downsides") },
    { path: draft, name: "sections the template does not have need no anchor", rfc: goodRfc.replace("## Drawbacks", "## Appendix\n\nMore.\n\n## Drawbacks") },
    { path: draft, name: "a missing section is section-missing's to report", rfc: goodRfc.replace(/## Drawbacks\n[^#]*/, "") },
  ],
  invalid: [
    {
      path: draft, name: "one section without its anchor: the fix inserts it right under the heading",
      rfc: withoutAnchor(goodRfc, "motivation"),
      diagnostics: [{ line: 13, column: 1, severity: "warning", message: message("Motivation", "motivation"), hint: 'add "[motivation]: #motivation" on the line right under the heading.' }],
      output: goodRfc,
    },
    {
      path: draft, name: "several sections without anchors are fixed in one pass",
      rfc: withoutAnchor(withoutAnchor(goodRfc, "summary"), "rationale-and-alternatives"),
      diagnostics: [
        { line: 8, message: message("Summary", "summary") },
        { line: 32, message: message("Rationale and alternatives", "rationale-and-alternatives") },
      ],
      output: goodRfc,
    },
    {
      path: draft, name: "a CRLF file gets a CRLF line",
      rfc: withoutAnchor(goodRfc, "motivation").replace(/\n/g, "\r\n"),
      diagnostics: [{ line: 13 }],
      output: goodRfc.replace(/\n/g, "\r\n"),
    },
    {
      path: draft, name: "a byte-order mark stays",
      rfc: `\uFEFF${withoutAnchor(goodRfc, "motivation")}`,
      diagnostics: [{ line: 13 }],
      output: `\uFEFF${goodRfc}`,
    },
  ],
});

/** An RFC with every section of `sectionTemplate`, five lines each; `without` drops anchors by slug, `setext` writes Summary as a setext heading. */
function filled(options: { without?: string[]; setext?: boolean } = {}): string {
  return sectionTitles
    .map((title) => {
      const slug = title.toLowerCase().replace(/ /g, "-");
      const heading = title === "Summary" && options.setext ? "Summary\n-------" : `## ${title}`;
      const anchor = options.without?.includes(slug) ? "" : `[${slug}]: #${slug}\n`;
      return `${heading}\n${anchor}\nText of ${title.toLowerCase()}.\n\n`;
    })
    .join("");
}

const upToLast = filled().slice(0, filled().indexOf("## Future possibilities"));

testRule(rule, {
  template: sectionTemplate,
  valid: [{ path: draft, name: "every anchor in place", rfc: filled() }],
  invalid: [
    {
      path: draft, name: "a setext heading gets the anchor under its underline",
      rfc: filled({ setext: true, without: ["summary"] }),
      diagnostics: [{ line: 1, message: message("Summary", "summary") }],
      output: filled({ setext: true }),
    },
    {
      path: draft, name: "a heading that ends the file without a line ending gets one before the anchor",
      rfc: `${upToLast}## Future possibilities`,
      diagnostics: [{ line: 26, message: message("Future possibilities", "future-possibilities") }],
      output: `${upToLast}## Future possibilities\n[future-possibilities]: #future-possibilities`,
    },
    {
      path: draft, name: "no fix when the next line could be read as the anchor's title",
      rfc: filled({ without: ["summary"] }).replace("## Summary\n\nText of summary.", '## Summary\n"Quoted" text.'),
      diagnostics: [{ line: 1, message: message("Summary", "summary") }],
    },
  ],
});

// Rust's 2014 template wrote `[design]: #detailed-design`: a label other than the slug.
const labelledTemplate = smallTemplate.replace("[motivation]: #motivation", "[why]: #motivation");
testRule(rule, {
  template: labelledTemplate,
  valid: [{ path: draft, name: "the template's label, defined in the RFC", rfc: goodRfc.replace("[motivation]: #motivation", "[why]: #motivation") }],
  invalid: [
    {
      path: draft,
      name: "the line asked for and inserted is the template's, with its label",
      rfc: withoutAnchor(goodRfc, "motivation"),
      diagnostics: [{ line: 13, message: 'Section "Motivation" has no `[why]: #motivation` line under its heading, as the template has.' }],
      output: goodRfc.replace("[motivation]: #motivation", "[why]: #motivation"),
    },
  ],
});

testRule(rule, {
  template: sectionTemplate.replace(/^\[[^\]]+\]: #.*\n/gm, ""),
  valid: [{ path: draft, name: "a template without anchor lines asks for none", rfc: sectionRfc(sectionTitles) }],
  invalid: [],
});

test("anchor lines are asked of RFCs being written: drafts, uncommitted edits, --changed; never of accepted ones as committed", async () => {
  const missing = withoutAnchor(goodRfc, "motivation");
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-accepted.md": missing, "text/0002-in-pr.md": missing.replace("rocket_boots", "jet_pack") });
  gitInit(root);
  commitAll(root, "accepted RFCs", "2026-01-01");
  const anchors = async (args: string[]) =>
    (JSON.parse((await runRfc(["check", "--format", "json", ...args], { cwd: root })).stdout) as JsonDiagnostic[]).filter((d) => d.rule === "section-anchor").map((d) => d.file);
  assert.deepEqual(await anchors([]), []);
  gitIn(root, ["checkout", "-q", "-b", "proposal"]);
  await writeFile(path.join(root, "text/0002-in-pr.md"), `${missing.replace("rocket_boots", "jet_pack")}\nMore text.\n`);
  // Uncommitted: being written.
  assert.deepEqual(await anchors([]), ["text/0002-in-pr.md"]);
  commitAll(root, "revise the proposal", "2026-01-02");
  assert.deepEqual(await anchors([]), []);
  // Committed on the branch: --changed says it is being written.
  assert.deepEqual(await anchors(["--changed", "--base", "main"]), ["text/0002-in-pr.md"]);
});
