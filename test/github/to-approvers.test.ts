import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Review } from "../../src/github/review.ts";
import { toApprovers } from "../../src/github/to-approvers.ts";

const at = (day: number) => `2026-01-${String(day).padStart(2, "0")}T12:00:00Z`;
const r = (login: string | null, state: string, day: number | null): Review => ({ login, state, submittedAt: day === null ? null : at(day) });

describe("toApprovers", () => {
  test("distinct reviewers whose latest review approves, in the order they approved", () => {
    assert.deepEqual(toApprovers([r("bob", "APPROVED", 3), r("alice", "APPROVED", 2), r("bob", "APPROVED", 4)]), ["alice", "bob"]);
  });

  test("a later 'changes requested' cancels an approval; a later approval restores it", () => {
    assert.deepEqual(toApprovers([r("alice", "APPROVED", 1), r("alice", "CHANGES_REQUESTED", 2)]), []);
    assert.deepEqual(toApprovers([r("alice", "CHANGES_REQUESTED", 1), r("alice", "APPROVED", 2)]), ["alice"]);
  });

  test("a comment after an approval leaves it standing; a dismissal does not", () => {
    assert.deepEqual(toApprovers([r("alice", "APPROVED", 1), r("alice", "COMMENTED", 2)]), ["alice"]);
    assert.deepEqual(toApprovers([r("alice", "APPROVED", 1), r("alice", "DISMISSED", 2)]), []);
  });

  test("the submission time decides, whatever the order given", () => {
    assert.deepEqual(toApprovers([r("alice", "CHANGES_REQUESTED", 5), r("alice", "APPROVED", 1)]), []);
  });

  test("logins are compared without case; pending reviews and deleted accounts do not count", () => {
    assert.deepEqual(toApprovers([r("Alice", "APPROVED", 1), r("alice", "CHANGES_REQUESTED", 2)]), []);
    assert.deepEqual(toApprovers([r("carol", "APPROVED", null), r(null, "APPROVED", 1)]), []);
  });
});
