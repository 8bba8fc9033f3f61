import type { Repository } from "../model/repository.ts";
import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "stage-number",
  description: "At the stages that require it, the RFC's file has its own number, not 0000",
  severity: "error",
  tags: ["stage", "repository"],
  fixable: false,
  // Only a draft can fail, and drafts never get the no-history leniency: not templateBound.
  // A name that does not match the pattern, and a number two RFCs share, are file-name's to report
  // at every stage, so they are not reported twice here.
  check({ repo, rfc, stage, report }) {
    if (!repo.config.stages[stage].requires.includes("number") || !rfc.isDraft) return;
    report({
      line: 1,
      message: `The file is not numbered yet (${rfc.numberText}); the ${stage} stage needs a number of its own.`,
      hint:
        repo.numbering === "pr"
          ? `rename it to ${rfc.path.replace(/\/[^/]*$/, "")}/NNNN-${rfc.slug}.md, NNNN being its pull request's number.`
          : `run \`rfc number ${rfc.path}\` to rename it to the next free number, ${nextFreeNumber(repo)}.`,
    });
  },
});

/** One more than the highest number taken, written as wide as the repository's numbers. */
function nextFreeNumber(repo: Repository): string {
  const numbers = repo.rfcs.map((r) => r.number ?? 0);
  const width = repo.rfcs.find((r) => r.numberText !== null && !r.isDraft)?.numberText?.length ?? 4;
  return String(Math.max(0, ...numbers) + 1).padStart(width, "0");
}
