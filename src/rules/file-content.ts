import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "file-content",
  description: "RFC files are readable UTF-8 text with well-formed front matter",
  severity: "error",
  tags: ["repository"],
  fixable: false,
});
