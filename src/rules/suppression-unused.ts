import { defineRule } from "./define-rule.ts";

/**
 * A suppression comment that turned nothing off. It needs every other rule's findings, so the
 * runner reports it after them (`check/inline-suppressions.ts`); the rule holds its id, severity
 * and description, and is configured like any other.
 */
export default defineRule({
  id: "suppression-unused",
  description: "Every rfc-disable comment turns off a finding that is there",
  severity: "warning",
  tags: ["suppressions"],
  fixable: true,
});
