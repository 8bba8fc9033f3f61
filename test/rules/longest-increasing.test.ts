import assert from "node:assert/strict";
import { test } from "node:test";
import { longestIncreasing } from "../../src/rules/longest-increasing.ts";

test("longestIncreasing returns positions of a longest increasing run", () => {
  assert.deepEqual(longestIncreasing([]), []);
  assert.deepEqual(longestIncreasing([0, 1, 2]), [0, 1, 2]);
  assert.deepEqual(longestIncreasing([0, 3, 1, 2, 4]), [0, 2, 3, 4]);
  assert.deepEqual(longestIncreasing([5, 0, 1, 3, 2, 4]), [1, 2, 4, 5]);
  assert.deepEqual(longestIncreasing([2, 1, 0]), [2]);
  // Equal values are not increasing: a section matched twice keeps one place.
  assert.deepEqual(longestIncreasing([1, 1]).length, 1);
});
