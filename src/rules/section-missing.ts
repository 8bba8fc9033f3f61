import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "section-missing",
  description: "Every section of the template appears in the RFC",
  severity: "error",
  tags: ["template", "structure"],
  fixable: false,
});
