import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "section-empty",
  description: "Sections the current stage needs have text",
  severity: "error",
  tags: ["template", "stage"],
  fixable: false,
});
