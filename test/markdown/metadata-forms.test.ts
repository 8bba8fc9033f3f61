import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDocument } from "../../src/index.ts";

/** Each entry as `key = value` with the line and column of its value. */
const entriesOf = (text: string) => {
  const { metadata } = parseDocument(text);
  return { form: metadata.form, entries: metadata.entries.map((e) => `${e.key} = ${e.value.raw} @${e.value.line}:${e.value.column}`) };
};

describe("metadata in the shapes real RFCs write it", () => {
  test("bold keys: the colon inside the bold, outside it, or both", () => {
    const text = "* **Original Author(s):**: @ada\n* **Tracking Issue**: #12\n* **Start Date:** 2026-01-02\n\n## Summary\n";
    assert.deepEqual(entriesOf(text), { form: "list", entries: ["Original Author(s) = @ada @1:28", "Tracking Issue = #12 @2:23", "Start Date = 2026-01-02 @3:19"] });
  });

  test("a list after an H1 title and a blockquote note", () => {
    const text = "# Harbour radio\n\n> This RFC replaces RFC 3.\n> Read that one first.\n\n- Start Date: 2026-01-02\n- RFC PR: #4\n\n## Summary\n";
    assert.deepEqual(entriesOf(text), { form: "list", entries: ["Start Date = 2026-01-02 @6:15", "RFC PR = #4 @7:11"] });
  });

  test("an Authors: line right above the list is part of it", () => {
    const text = "# Harbour radio\n\nAuthors: Ada, Grace\n- Start Date: 2026-01-02\n\n## Summary\n";
    assert.deepEqual(entriesOf(text).entries, ["Authors = Ada, Grace @3:10", "Start Date = 2026-01-02 @4:15"]);
  });

  test("lines of Key: value without bullets, two or more together", () => {
    const text = "Start Date: 2026-01-02\nRFC PR: #4\n\n## Summary\n";
    assert.deepEqual(entriesOf(text).entries, ["Start Date = 2026-01-02 @1:13", "RFC PR = #4 @2:9"]);
  });

  test("a first paragraph that starts like a key is prose, not metadata", () => {
    assert.deepEqual(entriesOf("Note: this RFC is a draft.\n\n## Summary\n"), { form: "none", entries: [] });
    assert.deepEqual(entriesOf("# Harbour radio\n\nNote: this RFC is a draft.\n\nIt says more.\n\n## Summary\n"), { form: "none", entries: [] });
  });

  test("Key: value paragraphs under the title, one after another, and lines held apart by hard breaks (Go's design docs)", () => {
    const text = "# Proposal: Harbour radio\n\nAuthor: Ada\n\nLast updated: January 26, 2026<br>\nDiscussion: https://example.com/issue/4\n\n## Abstract\n";
    assert.deepEqual(entriesOf(text).entries, ["Author = Ada @3:9", "Last updated = January 26, 2026 @5:15", "Discussion = https://example.com/issue/4 @6:13"]);
    const slashed = "# Harbour radio\n\nAuthor: Ada\\\nLast Updated: 2026-01-26\\\nDiscussion: https://example.com/issue/4\n\n## Abstract\n";
    assert.deepEqual(entriesOf(slashed).entries, ["Author = Ada @3:9", "Last Updated = 2026-01-26 @4:15", "Discussion = https://example.com/issue/4 @5:13"]);
  });

  test("a table with keys in the first column, under a Field | Value header", () => {
    const text = "| Field | Value |\n|---|---|\n| Start Date | 2026-01-02 |\n| **RFC PR** | [#4](https://github.com/acme/rfcs/pull/4) |\n\n## Summary\n";
    assert.deepEqual(entriesOf(text), { form: "table", entries: ["Start Date = 2026-01-02 @3:16", "RFC PR = [#4](https://github.com/acme/rfcs/pull/4) @4:16"] });
  });

  test("a table with the keys as its header and the values in the row below", () => {
    const text = "| Start Date | RFC PR |\n|---|---|\n| 2026-01-02 | #4 |\n\n## Summary\n";
    assert.deepEqual(entriesOf(text), { form: "table", entries: ["Start Date = 2026-01-02 @3:3", "RFC PR = #4 @3:16"] });
  });

  test("keys match across spellings whatever the form", () => {
    const { metadata } = parseDocument("| start-date | rfc_pr |\n|---|---|\n| 2026-01-02 | #4 |\n");
    assert.deepEqual(
      ["Start Date", "RFC PR"].map((k) => metadata.entries.find((e) => e.key.toLowerCase().replace(/[-_]/g, " ") === k.toLowerCase())?.value.raw),
      ["2026-01-02", "#4"],
    );
  });

  test("a title line without #, or a stray line, above the list", () => {
    const titled = "Harbour radio: a proposal\n\n- Start Date: 2026-01-02\n- RFC PR: #4\n\n## Summary\n";
    assert.deepEqual(entriesOf(titled), { form: "list", entries: ["Start Date = 2026-01-02 @3:15", "RFC PR = #4 @4:11"] });
    const stray = "q- Start Date: 2026-01-02\n- RFC PR: #4\n\n## Summary\n";
    assert.deepEqual(entriesOf(stray).entries, ["RFC PR = #4 @2:11"]);
    // A sentence that introduces a list is prose, and so is its list.
    assert.deepEqual(entriesOf("This RFC proposes:\n\n- Radios: two\n- Masts: one\n\n## Summary\n").form, "none");
  });

  test("footnotes defined between the items leave the list whole", () => {
    const text = "- Feature Name: `radio`[^name]\n[^name]: Once `wireless`.\n- Start Date: 2026-01-02\n\n## Summary\n";
    assert.deepEqual(entriesOf(text).entries, ["Feature Name = `radio`[^name] @1:17", "Start Date = 2026-01-02 @3:15"]);
  });

  test("a fenced or an indented code block of Key: value lines at the top", () => {
    const fenced = "# Harbour radio\n\n```\nStart Date: 2026-01-02\nRFC PR: #4\n```\n\n## Summary\n";
    const read = parseDocument(fenced).metadata;
    assert.deepEqual([read.form, read.startLine, read.endLine], ["code", 3, 6]);
    assert.deepEqual(entriesOf(fenced).entries, ["Start Date = 2026-01-02 @4:13", "RFC PR = #4 @5:9"]);
    const indented = "    - Start Date: 2026-01-02\n    - RFC PR: #4\n\n## Summary\n";
    assert.deepEqual(entriesOf(indented), { form: "code", entries: ["Start Date = 2026-01-02 @1:19", "RFC PR = #4 @2:15"] });
    // One line of code at the top is a sample, not a header.
    assert.deepEqual(entriesOf("```\nname: radio\n```\n\n## Summary\n").form, "none");
  });
});
