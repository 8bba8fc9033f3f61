import assert from "node:assert/strict";
import { test } from "node:test";
import rule from "../../src/rules/metadata-unknown.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { runRule, testRule } from "../support/test-rule.ts";

const withKey = (line: string) => goodRfc.replace("- RFC reference:", `${line}\n- RFC reference:`);
const trackingIssue = "- Tracking Issue: [acme/tool#5](https://github.com/acme/tool/issues/5)";
const oldPrKey = goodRfc.replace("- RFC PR:", "- RFC PRs:");

testRule(rule, {
  template: smallTemplate,
  valid: [
    { name: "only template keys", rfc: goodRfc },
    { name: "template keys in another case", rfc: goodRfc.replace("- Feature Name:", "- feature name:") },
    {
      name: "a key three RFCs use is the repository's convention",
      rfc: withKey(trackingIssue),
      files: { "text/0002-b.md": withKey(trackingIssue), "text/0003-c.md": withKey(trackingIssue) },
    },
    {
      name: "numbered RFCs that share an older spelling of a template key",
      rfc: oldPrKey,
      files: { "text/0002-b.md": oldPrKey, "text/0003-c.md": oldPrKey },
    },
    { name: "a key of its own on an accepted RFC is history", rfc: withKey("- Implementation: [acme/tool#5](https://github.com/acme/tool/pull/5)") },
    { name: "a spelling of a template key with a trailing #, hyphens or bold is that key", rfc: goodRfc.replace("- RFC PR:", "- RFC PR #:").replace("- Start Date:", "- start-date:").replace("- Feature Name:", "* **Feature Name:**") },
  ],
  invalid: [
    {
      name: "a misspelt bold key is renamed inside its bold, which stays balanced",
      rfc: goodRfc.replace("- Feature Name:", "* **Features Name:**"),
      diagnostics: [{ line: 1, column: 5, message: 'Metadata "Features Name" is not in the template; did you mean "Feature Name"?' }],
      output: goodRfc.replace("- Feature Name:", "* **Feature Name:**"),
    },
    {
      name: "a bold key of its own is reported as itself, with no fix that could unbalance the bold (in a draft)",
      path: "text/0000-test.md",
      rfc: goodRfc.replace("- Start Date: 2026-01-10\n", "- Start Date: 2026-01-10\n* **Original Author(s):**: @ada\n"),
      diagnostics: [{ line: 3, column: 5, message: 'Metadata "Original Author(s)" is not in the template.' }],
    },
    {
      name: "a misspelt template key gets a suggestion",
      rfc: goodRfc.replace("- Feature Name:", "- Features Name:"),
      diagnostics: [{ line: 1, column: 3, message: 'Metadata "Features Name" is not in the template; did you mean "Feature Name"?' }],
      output: goodRfc,
    },
    {
      name: "no rename when two template keys are as close",
      rfc: goodRfc.replace("- Start Date: 2026-01-10\n- Last Updated: 2026-02-01\n", "- Start Updated: 2026-01-10\n"),
      diagnostics: [{ line: 2, column: 3, message: /did you mean "Start Date"\?/ }],
    },
    {
      name: "a key the repository adds (in a draft)",
      path: "text/0000-test.md",
      rfc: withKey("- Implementation: [acme/tool#5](https://github.com/acme/tool/pull/5)"),
      diagnostics: [{ line: 5, column: 3, severity: "warning", message: 'Metadata "Implementation" is not in the template.' }],
    },
    {
      name: "no suggestion of a key the RFC already has (in a draft)",
      path: "text/0000-test.md",
      rfc: withKey("- eRFC PR: [acme/rfcs#9](https://github.com/acme/rfcs/pull/9)"),
      diagnostics: [{ line: 5, message: 'Metadata "eRFC PR" is not in the template.' }],
    },
    {
      name: "a draft following an older spelling is told the template's",
      path: "text/0000-test.md",
      rfc: oldPrKey,
      files: { "text/0002-b.md": oldPrKey, "text/0003-c.md": oldPrKey },
      diagnostics: [{ line: 4, file: "text/0000-test.md", message: 'Metadata "RFC PRs" is not in the template; did you mean "RFC PR"?' }],
      output: goodRfc,
    },
  ],
});

test("metadata-unknown leaves a key that holds a template key's fact under another name", async () => {
  const template = smallTemplate.replace("- RFC reference:", "- Rust Issue: [acme/code#0000](https://github.com/acme/code/issues/0000)\n- RFC reference:");
  const rfc = (line: string, path?: string) => ({ name: "", rfc: goodRfc.replace("- RFC reference:", `${line}\n- RFC reference:`), ...(path ? { path } : {}) });
  const messages = async (c: { name: string; rfc: string }) => (await runRule(rule, template, c)).map((d) => d.message);
  // One RFC alone, so not a convention of the repository: still the template's issue link.
  assert.deepEqual(await messages(rfc(trackingIssue)), []);
  assert.deepEqual(await messages(rfc("- Rust Issues: [acme/code#5](https://github.com/acme/code/issues/5)")), []);
  // A draft is told the template's spelling of the same key; a second issue key is its own.
  assert.deepEqual(await messages(rfc("- Rust Issues: [acme/code#5](https://github.com/acme/code/issues/5)", "text/0000-test.md")), ['Metadata "Rust Issues" is not in the template; did you mean "Rust Issue"?']);
  assert.deepEqual(await messages(rfc(`${trackingIssue}\n- Rust Issue: [acme/code#6](https://github.com/acme/code/issues/6)`, "text/0000-test.md")), ['Metadata "Tracking Issue" is not in the template.']);
});
