import { normaliseKey } from "../model/metadata.ts";
import { defineRule } from "./define-rule.ts";
import { findMetadataRefs, linkAnchor, readPrEntry } from "./metadata-links.ts";

export default defineRule({
  id: "stage-pr-link",
  description: "At the stages that require it, the RFC PR link is filled in",
  severity: "error",
  tags: ["stage", "metadata"],
  fixable: false,
  // The key comes from the template: an RFC older than the template may name it otherwise.
  templateBound: true,
  check({ repo, rfc, doc, schema, stage, report, memo }) {
    // A template without a pull-request key does not ask for the link: nothing to require.
    if (!repo.config.stages[stage].requires.includes("pr-link") || schema.prKey === null) return;
    const pr = memo(readPrEntry, doc, schema);
    if (pr?.filled) return;
    const empty = pr !== null && [pr.entry.value, ...pr.entry.items].every((v) => v.raw.trim() === "");
    // metadata-placeholder reports a placeholder at every stage but a draft's own (where it lets the
    // pull request's placeholder stay): one placeholder, one diagnostic.
    if (pr && !empty && repo.config.rules["metadata-placeholder"] !== "off" && !(rfc.isDraft && stage === "draft")) return;
    const repository = schema.repository ? `${schema.repository.owner}/${schema.repository.repo}` : "org/repo";
    const example = `[${repository}#N](https://github.com/${repository}/pull/N)`;
    if (pr) {
      const { entry } = pr;
      report({
        line: entry.value.line,
        column: empty ? entry.column : entry.value.column,
        message: `"${entry.key}" is ${empty ? "empty" : "still the template's placeholder"}; the ${stage} stage needs the link to the RFC's pull request.`,
        hint: `write the pull request's link: ${example}.`,
      });
      return;
    }
    // The key is absent. Older RFCs wrote it under a longer key (Rust's `RFC PR #`, `eRFC PR`).
    const prKey = normaliseKey(schema.prKey);
    if (memo(findMetadataRefs, doc).some(({ key }) => normaliseKey(key).includes(prKey))) return;
    // metadata-missing reports the template's key missing: one missing key, one diagnostic.
    if (repo.config.rules["metadata-missing"] !== "off" && doc.metadata.form !== "none") return;
    report({
      ...linkAnchor(doc, null),
      message: `The header has no "${schema.prKey}"; the ${stage} stage needs the link to the RFC's pull request.`,
      hint: `add "- ${schema.prKey}: ${example}" to the header.`,
    });
  },
});
