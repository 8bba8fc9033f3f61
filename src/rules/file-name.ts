import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "file-name",
  description: "RFC files are named NNNN-slug.md, numbers are unique, asset folders belong to an RFC",
  severity: "error",
  tags: ["repository"],
  fixable: false,
});
