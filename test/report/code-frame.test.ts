import assert from "node:assert/strict";
import { test } from "node:test";
import { toFrameLine } from "../../src/report/code-frame.ts";

test("a short line is kept whole, with one caret under the column", () => {
  assert.deepEqual(toFrameLine("- Start Date: 2026-13-01", { column: 15 }), { text: "- Start Date: 2026-13-01", caretPad: " ".repeat(14), caretCount: 1 });
});

test("a range on the line gets one caret per character", () => {
  assert.equal(toFrameLine("- Start Date: 2026-13-01", { column: 15, endColumn: 25 }).caretCount, 10);
});

test("tabs before the column stay tabs in the caret padding", () => {
  const frame = toFrameLine("\t-\tKey: value", { column: 9 });
  assert.equal(frame.text, "\t-\tKey: value");
  assert.equal(frame.caretPad, "\t \t     ");
});

test("a long line is cut around the column, and the caret still points at the same character", () => {
  const raw = `${"a".repeat(299)}X${"b".repeat(300)}`;
  const frame = toFrameLine(raw, { column: 300 });
  assert.ok(frame.text.startsWith("…") && frame.text.endsWith("…"), frame.text);
  assert.ok(frame.text.length <= 162, String(frame.text.length));
  assert.equal(frame.text[frame.caretPad.length], "X");
});

test("a long line is cut at the end only when the column is near its start", () => {
  const frame = toFrameLine("c".repeat(400), { column: 3 });
  assert.ok(!frame.text.startsWith("…") && frame.text.endsWith("…"));
  assert.equal(frame.caretPad, "  ");
});

test("a cut never splits a surrogate pair", () => {
  const raw = "😀".repeat(200);
  const frame = toFrameLine(raw, { column: 201 });
  assert.doesNotMatch(frame.text, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  assert.equal(frame.text.replace(/…/g, "").length % 2, 0);
});

test("control characters are removed from the text and do not shift the caret", () => {
  const frame = toFrameLine("a\u001b[31mb X", { column: 9 });
  assert.equal(frame.text, "a[31mb X");
  assert.equal(frame.text[[...frame.caretPad].length], "X");
});

test("a column past the end of the line puts the caret just after the text", () => {
  assert.deepEqual(toFrameLine("abc", { column: 4 }), { text: "abc", caretPad: "   ", caretCount: 1 });
  assert.deepEqual(toFrameLine("", { column: 1 }), { text: "", caretPad: "", caretCount: 1 });
});
