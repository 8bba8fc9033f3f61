import assert from "node:assert/strict";
import { test } from "node:test";
import { applyEdits } from "../../src/check/apply-edits.ts";

const text = "one\ntwo\nthree\n";

test("inserts, replaces and deletes lines, keeping earlier positions valid", () => {
  const { text: out, skipped } = applyEdits(text, [
    { kind: "insert", at: { line: 1, column: 1 }, text: "zero\n" },
    { kind: "replace", from: { line: 2, column: 1 }, to: { line: 2, column: 4 }, text: "TWO" },
    { kind: "delete-lines", first: 3, last: 3 },
  ]);
  assert.equal(out, "zero\none\nTWO\n");
  assert.deepEqual(skipped, []);
});

test("an edit overlapping one already applied is skipped; a duplicate is applied once", () => {
  const a = { kind: "replace", from: { line: 1, column: 1 }, to: { line: 1, column: 4 }, text: "ONE" } as const;
  const overlapping = { kind: "replace", from: { line: 1, column: 2 }, to: { line: 2, column: 1 }, text: "x" } as const;
  const { text: out, skipped } = applyEdits(text, [a, a, overlapping]);
  // Edits apply from the end of the text: the later one wins, the earlier one is skipped.
  assert.equal(out, "oxtwo\nthree\n");
  assert.deepEqual(skipped, [a]);
});

test("CRLF text keeps its line endings around an edit", () => {
  const { text: out } = applyEdits("a: 1\r\nb: 2\r\n", [{ kind: "replace", from: { line: 2, column: 4 }, to: { line: 2, column: 5 }, text: "3" }]);
  assert.equal(out, "a: 1\r\nb: 3\r\n");
});

test("inserting at the end of a file without a final newline", () => {
  const { text: out } = applyEdits("a", [{ kind: "insert", at: { line: 2, column: 1 }, text: "\nb" }]);
  assert.equal(out, "a\nb");
});
