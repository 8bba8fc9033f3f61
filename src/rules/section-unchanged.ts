import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "section-unchanged",
  description: "A section's text is not still the template's guidance",
  severity: "error",
  tags: ["template", "stage"],
  fixable: false,
});
