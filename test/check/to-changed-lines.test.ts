import assert from "node:assert/strict";
import { test } from "node:test";
import { toChangedLines } from "../../src/check/to-changed-lines.ts";

const lines = (...items: string[]) => `${items.join("\n")}\n`;

test("a rewritten line is changed; lines around it are not", () => {
  assert.deepEqual(toChangedLines(lines("a", "b", "c"), lines("a", "B", "c"), []), [2]);
});

test("inserted lines are changed, and marks on later lines move with them", () => {
  assert.deepEqual(toChangedLines(lines("a", "b", "c"), lines("a", "new", "b", "c"), [3]), [2, 4]);
});

test("a deletion marks the lines on both sides of the gap", () => {
  assert.deepEqual(toChangedLines(lines("a", "b", "c", "d"), lines("a", "d"), []), [1, 2]);
});

test("a marked line that the new change rewrites stays marked once", () => {
  assert.deepEqual(toChangedLines(lines("a", "b"), lines("a", "c"), [2]), [2]);
});

test("no change keeps the marks as they were", () => {
  assert.deepEqual(toChangedLines(lines("a", "b"), lines("a", "b"), [1]), [1]);
});
