import { ruleDocUrl } from "../rules/define-rule.ts";
import type { Reporter } from "./format.ts";

/**
 * One JSON array of `{file, line, column, endLine, endColumn, rule, severity, message, hint, fix,
 * docs}`: `hint` and `fix` (the rule's `Edit`, positions 1-based) are null where the rule has none;
 * `docs` is the rule's page.
 */
export const renderJson: Reporter = (diagnostics) =>
  JSON.stringify(
    diagnostics.map(({ file, line, column, endLine, endColumn, rule, severity, message, hint, fix }) => ({
      file,
      line,
      column,
      endLine,
      endColumn,
      rule,
      severity,
      message,
      hint: hint ?? null,
      fix: fix ?? null,
      docs: ruleDocUrl(rule),
    })),
    null,
    2,
  ) + "\n";
