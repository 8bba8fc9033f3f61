import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/date.ts";
import { commitAll, gitInit } from "../support/git.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const started = (value: string) => goodRfc.replace("- Start Date: 2026-01-10", `- Start Date: ${value}`);
const updated = (value: string) => goodRfc.replace("- Last Updated: 2026-02-01", `- Last Updated: ${value}`);

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "real dates in order", rfc: goodRfc },
    { name: "updated the day it started", rfc: updated("2026-01-10") },
    { name: "started today", rfc: started("2026-06-15").replace("2026-02-01", "2026-06-15") },
    { name: "the placeholder is metadata-placeholder's to report", rfc: started("(fill me in with today's date, YYYY-MM-DD)") },
  ],
  invalid: [
    {
      name: "a day the month does not have",
      rfc: started("2026-02-30"),
      diagnostics: [{ line: 2, column: 15, message: '"Start Date" is 2026-02-30, which is not a real date.' }],
    },
    {
      name: "in a draft, an error; in an accepted RFC as committed, a warning",
      path: "text/0000-test.md",
      rfc: started("2026-02-30"),
      diagnostics: [{ line: 2, severity: "error", message: /not a real date/ }],
    },
    {
      name: "in an accepted RFC as committed, a warning: the form is the template's convention",
      rfc: started("2026-02-30"),
      diagnostics: [{ line: 2, severity: "warning", message: /not a real date/ }],
    },
    {
      name: "slashes instead of dashes",
      rfc: started("2026/01/10"),
      diagnostics: [{ line: 2, column: 15, message: '"Start Date" is "2026/01/10", not a date in the form YYYY-MM-DD.' }],
    },
    {
      name: "a month name",
      rfc: updated("Feb 1, 2026"),
      diagnostics: [{ line: 3, column: 17, message: '"Last Updated" is "Feb 1, 2026", not a date in the form YYYY-MM-DD.' }],
    },
    {
      name: "updated before it started",
      rfc: updated("2025-12-31"),
      diagnostics: [{ line: 3, column: 17, message: '"Last Updated" is 2025-12-31, before "Start Date" 2026-01-10.' }],
    },
    {
      name: "a date after today",
      rfc: updated("2026-06-16"),
      diagnostics: [{ line: 3, column: 17, message: '"Last Updated" is 2026-06-16, which is after today (2026-06-15).' }],
    },
    {
      name: "no date at all",
      rfc: updated(""),
      diagnostics: [{ line: 3, message: '"Last Updated" is empty.' }],
    },
  ],
});

testRule(rule, {
  template: smallTemplate.replace("- RFC PR:", "- Accepted: (the day it was accepted, YYYY-MM-DD)\n- RFC PR:"),
  valid: [{ name: "any key whose placeholder asks for YYYY-MM-DD", rfc: goodRfc.replace("- RFC PR:", "- Accepted: 2026-03-01\n- RFC PR:") }],
  invalid: [
    {
      name: "any key whose placeholder asks for YYYY-MM-DD, written otherwise",
      rfc: goodRfc.replace("- RFC PR:", "- Accepted: March 1st\n- RFC PR:"),
      diagnostics: [{ line: 4, column: 13, message: '"Accepted" is "March 1st", not a date in the form YYYY-MM-DD.' }],
    },
  ],
});

test("date suggests the ISO form only when the date reads one way", async () => {
  const hintFor = async (value: string) => (await runRule(rule, smallTemplate, { name: value, rfc: started(value) }))[0]?.hint;
  assert.equal(await hintFor("2026/1/5"), "write it as 2026-01-05.");
  assert.equal(await hintFor("Jan 5, 2026"), "write it as 2026-01-05.");
  assert.equal(await hintFor("5 January 2026"), "write it as 2026-01-05.");
  assert.equal(await hintFor("(2026-01-05)"), "write it as 2026-01-05.");
  assert.equal(await hintFor("23-01-2026"), "write it as 2026-01-23.");
  // 05/01/2026 is the 5th of January in Europe and the 1st of May in the United States.
  assert.equal(await hintFor("05/01/2026"), "write the date as YYYY-MM-DD, e.g. today's: 2026-06-15.");
  // The date written into the template's words: it is kept, not replaced by today's.
  assert.equal(await hintFor("(fill in with the date it is merged, 2026-01-05)"), "write it as 2026-01-05, without the words around it.");
  assert.equal(await hintFor("between 2026-01-05 and 2026-01-09"), "write the date as YYYY-MM-DD, e.g. today's: 2026-06-15.");
});

test("where the template shows no form for a date (`[Date]`), any date that reads one way is one; what is no date is still said", async () => {
  const template = smallTemplate.replace("(fill me in with today's date, YYYY-MM-DD)", "[Date]").replace("(fill me in with today's date if you are updating me, YYYY-MM-DD)", "[Date]");
  const messages = async (rfc: string) => (await runRule(rule, template, { name: "", rfc })).map((d) => d.message);
  assert.deepEqual(await messages(started("January 5, 2026")), []);
  assert.deepEqual(await messages(started("soon")), ['"Start Date" is "soon", not a date in the form YYYY-MM-DD.']);
  assert.deepEqual(await messages(started("January 5, 2027")), ['"Start Date" is January 5, 2027, which is after today (2026-06-15).']);
  assert.deepEqual(await messages(updated("January 5, 2026")), ['"Last Updated" is 2026-01-05, before "Start Date" 2026-01-10.']);
  // Where the template asks for YYYY-MM-DD, another form is said.
  assert.deepEqual((await runRule(rule, smallTemplate, { name: "", rfc: started("January 5, 2026") })).map((d) => d.message), ['"Start Date" is "January 5, 2026", not a date in the form YYYY-MM-DD.']);
});

test("a Start Date that reads no one way, on a committed RFC, is hinted as the day the file was first committed", async () => {
  const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-test.md": started("05/01/2025") });
  gitInit(root);
  commitAll(root, "Write the RFC", "2025-05-02");
  const result = await runRfc(["check", "--format", "json"], { cwd: root });
  const hints = (JSON.parse(result.stdout) as { rule: string; hint: string }[]).filter((d) => d.rule === "date").map((d) => d.hint);
  assert.deepEqual(hints, ["write the date as YYYY-MM-DD: 2025-05-02, the file was first committed that day."]);
});
