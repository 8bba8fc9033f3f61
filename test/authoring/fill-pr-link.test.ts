import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { toPrLinkFill, toPrRepository } from "../../src/authoring/fill-pr-link.ts";
import { applyEdits } from "../../src/check/apply-edits.ts";
import { parseDocument } from "../../src/markdown/parse-document.ts";
import { toSchema } from "../../src/repository/to-schema.ts";
import { smallTemplate } from "../support/templates.ts";

const schema = toSchema(parseDocument(smallTemplate), { path: "0000-template.md", revision: null });
const acme = { owner: "acme", repo: "rfcs" };

function fill(text: string, pr: number) {
  const result = toPrLinkFill(parseDocument(text), schema, acme, pr);
  return result.kind === "edit" ? applyEdits(text, [result.edit]).text : result;
}

describe("toPrLinkFill", () => {
  test("replaces the template's placeholder link", () => {
    assert.equal(fill("- Feature Name: x\n- RFC PR: [acme/rfcs#0000](https://github.com/acme/rfcs/pull/0000)\n", 12), "- Feature Name: x\n- RFC PR: [acme/rfcs#12](https://github.com/acme/rfcs/pull/12)\n");
  });

  test("fills an empty value, keeping one space after the colon", () => {
    assert.equal(fill("- RFC PR:\n- Start Date: 2026-01-01\n", 7), "- RFC PR: [acme/rfcs#7](https://github.com/acme/rfcs/pull/7)\n- Start Date: 2026-01-01\n");
  });

  test("quotes the link in front matter, where `[` would start a YAML list", () => {
    const filled = "---\nRFC PR: \"[acme/rfcs#3](https://github.com/acme/rfcs/pull/3)\"\n---\n\n# X\n";
    assert.equal(fill("---\nRFC PR: \"\"\n---\n\n# X\n", 3), filled);
    assert.equal(fill("---\nRFC PR:\n---\n\n# X\n", 3), filled);
    assert.equal(fill("---\nRFC PR: https://github.com/acme/rfcs/pull/0000\n---\n\n# X\n", 3), filled);
  });

  test("a link to another pull request is a conflict; the same link is left alone", () => {
    assert.deepEqual(fill("- RFC PR: [acme/rfcs#5](https://github.com/acme/rfcs/pull/5)\n", 6), { kind: "conflict", existing: 5, line: 1 });
    assert.deepEqual(fill("- RFC PR: [acme/rfcs#5](https://github.com/acme/rfcs/pull/5)\n", 5), { kind: "unchanged", link: "[acme/rfcs#5](https://github.com/acme/rfcs/pull/5)" });
  });

  test("no line to fill, or no repository to name, is said, not guessed", () => {
    assert.deepEqual(fill("- Feature Name: x\n", 5), { kind: "not-filled", reason: 'the RFC has no "RFC PR" line' });
    assert.equal(toPrLinkFill(parseDocument("- RFC PR:\n"), schema, null, 5).kind, "not-filled");
  });
});

describe("toPrRepository", () => {
  test("the template's repository, else the book's GitHub URL", () => {
    assert.deepEqual(toPrRepository(schema, null), acme);
    const bare = { ...schema, repository: null };
    assert.deepEqual(toPrRepository(bare, "https://github.com/lantern-dev/rfcs.git"), { owner: "lantern-dev", repo: "rfcs" });
    assert.equal(toPrRepository(bare, "https://gitlab.com/a/b"), null);
  });
});
