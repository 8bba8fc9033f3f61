import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "metadata-unknown",
  description: "Every metadata key is one the template has (close misspellings get a suggestion)",
  severity: "warning",
  tags: ["template", "metadata"],
  fixable: false,
});
