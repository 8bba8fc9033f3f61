import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "metadata-placeholder",
  description: "A metadata value is no longer the template's placeholder",
  severity: "error",
  tags: ["template", "metadata"],
  fixable: false,
});
