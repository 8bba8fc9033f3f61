import { appendFile, writeFile } from "node:fs/promises";
import path from "node:path";
import rule from "../../src/rules/last-updated.ts";
import { commitAll, gitIn, gitInit } from "../support/git.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { testRule } from "../support/test-rule.ts";

// goodRfc says "Last Updated: 2026-02-01"; the cases' today is 2026-06-15.
const updated = (date: string) => goodRfc.replace("- Last Updated: 2026-02-01", `- Last Updated: ${date}`);
const committedOn = (date: string) => async (root: string) => {
  gitInit(root);
  commitAll(root, "add the RFC", date);
};
const rfcFile = (root: string, file = "text/0001-test.md") => path.join(root, file);
// A committed draft is being written: its commits are the author's edits.
const draft = "text/0000-test.md";

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "no git history: nothing to compare with", rfc: goodRfc },
    { name: "last committed on the day it says", rfc: goodRfc, history: true, setup: committedOn("2026-02-01") },
    // Accepted as committed: the last commit is the squash merge, days after the text was written.
    { name: "an accepted RFC merged after the date it says is left alone", rfc: goodRfc, history: true, setup: committedOn("2026-03-05") },
    { name: "updated after its last commit", rfc: goodRfc, history: true, setup: committedOn("2026-01-20") },
    {
      name: "a placeholder or a bad date is for other rules",
      rfc: goodRfc.replace("2026-02-01", "(fill me in with today's date if you are updating me, YYYY-MM-DD)"),
      history: true,
      setup: committedOn("2026-03-01"),
    },
    {
      name: "an uncommitted change to the Last Updated line alone is not an edit of the RFC (what the fix leaves)",
      rfc: goodRfc,
      history: true,
      setup: async (root) => {
        await committedOn("2026-03-05")(root);
        await writeFile(rfcFile(root), updated("2026-03-05"));
      },
    },
    { name: "no Last Updated in the header", rfc: goodRfc.replace("- Last Updated: 2026-02-01\n", ""), history: true, setup: committedOn("2026-03-01") },
  ],
  invalid: [
    {
      name: "committed after the date it says: the fix writes the commit's date",
      path: draft,
      rfc: goodRfc,
      history: true,
      setup: committedOn("2026-03-05"),
      diagnostics: [{ line: 3, column: 17, severity: "warning", message: '"Last Updated" is 2026-02-01, but the file was last changed in a commit of 2026-03-05.', hint: "set it to 2026-03-05." }],
      output: updated("2026-03-05"),
    },
    {
      name: "the newest commit that changed the file counts",
      path: draft,
      rfc: goodRfc,
      history: true,
      setup: async (root) => {
        await committedOn("2026-02-01")(root);
        await appendFile(rfcFile(root, draft), "\nA later paragraph.\n");
        commitAll(root, "add a paragraph", "2026-04-02");
        await writeFile(path.join(root, "text/0002-other.md"), updated("2026-05-01").replace("rocket_boots", "other"));
        commitAll(root, "another RFC", "2026-05-01");
      },
      diagnostics: [{ line: 3, message: /last changed in a commit of 2026-04-02/ }],
      output: `${updated("2026-04-02")}\nA later paragraph.\n`,
    },
    {
      name: "changes not committed yet: the fix writes today",
      rfc: goodRfc,
      history: true,
      setup: async (root) => {
        await committedOn("2026-03-05")(root);
        await appendFile(rfcFile(root), "\nAn edit in progress.\n");
      },
      diagnostics: [{ line: 3, message: '"Last Updated" is 2026-02-01, but the file has changes not committed yet (today is 2026-06-15).', hint: "set it to 2026-06-15." }],
      output: `${updated("2026-06-15")}\nAn edit in progress.\n`,
    },
    {
      name: "an uncommitted change to the Last Updated line alone still compares with the commit",
      rfc: goodRfc,
      history: true,
      setup: async (root) => {
        await committedOn("2026-03-05")(root);
        await writeFile(rfcFile(root), updated("2026-01-15"));
      },
      diagnostics: [{ line: 3, message: '"Last Updated" is 2026-01-15, but the file was last changed in a commit of 2026-03-05.' }],
      output: updated("2026-03-05"),
    },
    {
      name: "a new file git does not track yet is changed today",
      path: "text/0000-test.md",
      rfc: goodRfc,
      history: true,
      setup: async (root) => {
        gitInit(root);
        gitIn(root, ["add", "0000-template.md"]);
        gitIn(root, ["commit", "-q", "-m", "only the template"], "2026-01-01");
      },
      diagnostics: [{ line: 3, file: "text/0000-test.md", message: /changes not committed yet/ }],
      output: updated("2026-06-15"),
    },
    {
      name: "a commit dated after today (a time zone ahead) never makes a future date",
      path: draft,
      rfc: goodRfc,
      history: true,
      today: "2026-03-04",
      setup: committedOn("2026-03-05"),
      diagnostics: [{ line: 3, hint: "set it to 2026-03-04." }],
      output: updated("2026-03-04"),
    },
  ],
});
