import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "link",
  description: "Relative links and images resolve; anchors exist in the RFC or the RFC linked to",
  severity: "error",
  tags: ["links"],
  fixable: false,
});
