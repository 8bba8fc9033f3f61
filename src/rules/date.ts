import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "date",
  description: "Dates are real YYYY-MM-DD dates, in order, and not in the future",
  severity: "error",
  tags: ["metadata"],
  fixable: false,
});
