import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "feature-name",
  description: "Feature Name is an identifier, used by one RFC only",
  severity: "error",
  tags: ["metadata"],
  fixable: false,
});
