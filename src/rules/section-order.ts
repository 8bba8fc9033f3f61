import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "section-order",
  description: "Sections appear in the template's order",
  severity: "error",
  tags: ["template", "structure"],
  fixable: false,
});
