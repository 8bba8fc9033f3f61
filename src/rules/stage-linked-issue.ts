import { defineRule } from "./define-rule.ts";
import { findMetadataRefs, linkAnchor, readPrEntry } from "./metadata-links.ts";

export default defineRule({
  id: "stage-linked-issue",
  description: "At the stages that require it, the RFC links a GitHub issue or pull request",
  severity: "error",
  tags: ["stage", "metadata"],
  fixable: false,
  // The keys that hold the links come from the template (`RFC PR`, `RFC reference`, `Rust Issue`):
  // an RFC older than the template, or than the process, may have recorded them otherwise.
  templateBound: true,
  check({ repo, doc, schema, stage, report, memo }) {
    const { requires } = repo.config.stages[stage];
    if (!requires.includes("linked-issue")) return;
    // A filled pull request link satisfies this rule too, so where the stage also requires one,
    // stage-pr-link's report says all there is to say: one missing link, one diagnostic.
    if (requires.includes("pr-link") && repo.config.rules["stage-pr-link"] !== "off") return;
    const pr = memo(readPrEntry, doc, schema);
    if (pr?.filled || memo(findMetadataRefs, doc).length > 0) return;
    report({
      ...linkAnchor(doc, pr),
      message: `The RFC links no GitHub issue or pull request; the ${stage} stage needs one.`,
      hint: hintFor(schema.prKey, schema.metadata.find((k) => k.placeholderItems.length > 0)?.key, schema.repository),
    });
  },
});

/** Names the template's own places for links: its pull request key and its list of references. */
function hintFor(prKey: string | null, listKey: string | undefined, repository: { owner: string; repo: string } | null): string {
  const name = repository ? `${repository.owner}/${repository.repo}` : "org/repo";
  const places = [prKey ? `the pull request in "${prKey}"` : null, listKey ? `the issue under "${listKey}"` : null].filter((p) => p !== null);
  const where = places.length > 0 ? places.join(", or ") : "the issue or pull request in the header";
  return `link ${where}, e.g. [${name}#42](https://github.com/${name}/issues/42).`;
}
