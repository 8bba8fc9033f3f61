import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "stage-approvals",
  description: "At the stages that require it, the RFC's pull request has enough approving reviews (rfc check --pr N)",
  severity: "error",
  tags: ["stage", "github"],
  fixable: false,
  // Reviews are read from GitHub by the command, never here: without `--pr` there is nothing to check.
  check({ repo, rfc, stage, pullRequest, report }) {
    if (!pullRequest || !pullRequest.files.has(rfc.path)) return;
    const needed = repo.config.stages[stage].approvals;
    const { number, approvers } = pullRequest;
    if (approvers.length >= needed) return;
    const count = `${approvers.length} approval${approvers.length === 1 ? "" : "s"}`;
    const by = approvers.length > 0 ? ` (from ${approvers.join(", ")})` : "";
    report({
      line: 1,
      message: `Pull request #${number} has ${count}${by}; the ${stage} stage needs ${needed}.`,
      hint: `ask ${needed - approvers.length} more reviewer${needed - approvers.length === 1 ? "" : "s"} to approve it on GitHub; a reviewer's later "changes requested" cancels their approval.`,
    });
  },
});
