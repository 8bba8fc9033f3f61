import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "pr-link",
  description: "The RFC PR link's text and URL name the same pull request, in the template's repository",
  severity: "error",
  tags: ["metadata"],
  fixable: false,
});
