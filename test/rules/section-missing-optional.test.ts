import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/section-missing.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { testRule } from "../support/test-rule.ts";

// A template in the shapes real repositories mark optional sections with.
const optionalTemplate = `- Feature Name: (a name)
- Start Date: (YYYY-MM-DD)

## Summary

One paragraph explanation of the feature.

## Motivation

Why are we doing this?

## Guide-level explanation

Explain the proposal as if it shipped.

- If applicable, provide sample error messages.

## Prior art

Optional, but suggested for first drafts. What do others do?

## Security considerations

Omit this section if it's not applicable.

## Migration

Leave this section out if nothing changes for existing users.

## Unresolved questions

Some of this may not be relevant to all RFCs, and that's fine.

## Appendices

Feel free to add any number of appendices.

## Future work (optional)

Where could this go next?

## Open issues (if applicable)

What is not known yet.
`;

const header = "- Feature Name: boats\n- Start Date: 2026-01-01\n\n";
const body = (titles: readonly string[]) => header + titles.map((t) => `## ${t}\n\nText.\n`).join("\n");
const required = ["Summary", "Motivation", "Guide-level explanation"];

testRule(rule, {
  template: optionalTemplate,
  valid: [
    { name: "every section the template says may be left out, left out", path: "text/0000-test.md", rfc: body(required) },
    { name: "some optional sections written, others not", path: "text/0000-test.md", rfc: body([...required, "Prior art", "Appendices"]) },
    { name: "an optional section under its name without the heading's note", path: "text/0000-test.md", rfc: body([...required, "Future work", "Open issues"]) },
  ],
  invalid: [
    {
      name: "guidance about the content (If applicable, provide…) does not make a section optional",
      path: "text/0000-test.md",
      rfc: body(["Summary", "Motivation"]),
      diagnostics: [{ line: 10, severity: "error", message: 'Section "Guide-level explanation" from the template is missing.' }],
    },
    {
      name: "required-sections in book.toml overrides the template's words",
      path: "text/0000-test.md",
      rfc: body(required),
      files: { "book.toml": '[rfckit]\nrequired-sections = ["Security considerations"]\n' },
      diagnostics: [{ line: 14, severity: "error", message: 'Section "Security considerations" from the template is missing.' }],
    },
  ],
});

test("optional-sections in book.toml lets an RFC leave out a section the template requires", async () => {
  const root = await writeTempRepo({ "0000-template.md": optionalTemplate, "text/0000-boats.md": body(["Summary", "Guide-level explanation"]), "book.toml": '[rfckit]\noptional-sections = ["motivation"]\n' });
  const result = await runRfc(["check", "--format", "json"], { cwd: root });
  assert.deepEqual(JSON.parse(result.stdout), []);
  assert.equal(result.exitCode, 0);
});

test("rfc doctor lists each optional section with the template's words or the key that made it so", async () => {
  const root = await writeTempRepo({ "0000-template.md": optionalTemplate, "text/0000-boats.md": body(required), "book.toml": '[rfckit]\noptional-sections = ["Motivation"]\n' });
  const text = (await runRfc(["doctor"], { cwd: root })).stdout;
  assert.match(text, /^Optional sections of 0000-template\.md \(set optional-sections \/ required-sections = \["…"\]\):$/m);
  assert.match(text, /^ {2}Prior art: the template says "Optional, but suggested for first drafts"$/m);
  assert.match(text, /^ {2}Security considerations: the template says "Omit this section if it's not applicable"$/m);
  assert.match(text, /^ {2}Future work \(optional\): the template says "Future work \(optional\)"$/m);
  assert.match(text, /^ {2}Open issues \(if applicable\): the template says "Open issues \(if applicable\)"$/m);
  assert.match(text, /^ {2}Motivation: optional-sections in book\.toml$/m);
  assert.doesNotMatch(text, /^ {2}Guide-level explanation:/m);
  const json = JSON.parse((await runRfc(["doctor", "--format", "json"], { cwd: root })).stdout) as { templates: { optionalSections: { title: string; source: string }[] }[] };
  assert.deepEqual(
    json.templates[0]!.optionalSections.map((s) => [s.title, s.source]),
    [["Motivation", "config"], ["Prior art", "template"], ["Security considerations", "template"], ["Migration", "template"], ["Unresolved questions", "template"], ["Appendices", "template"], ["Future work (optional)", "template"], ["Open issues (if applicable)", "template"]],
  );
});

test("optional-sections must be a list of titles", async () => {
  const root = await writeTempRepo({ "0000-template.md": optionalTemplate, "text/0000-boats.md": body(required), "book.toml": '[rfckit]\noptional-sections = "Prior art"\n' });
  const result = await runRfc(["check"], { cwd: root });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /book\.toml.*optional-sections.*must be a list of template section titles/s);
});
