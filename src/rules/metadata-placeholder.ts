import type { MetadataEntry, MetadataValue } from "../model/metadata.ts";
import { normaliseKey } from "../model/metadata.ts";
import { findPlaceholderMarker, isPlaceholderValue } from "../model/placeholder.ts";
import type { Rfc } from "../model/repository.ts";
import type { Schema, SchemaKey } from "../model/schema.ts";
import { dateHint, startedOn } from "./date-hint.ts";
import { defineRule, type RuleContext } from "./define-rule.ts";

export default defineRule({
  id: "metadata-placeholder",
  description: "A metadata value is no longer the template's placeholder",
  severity: "error",
  tags: ["template", "metadata"],
  fixable: false,
  templateBound: true,
  check(ctx) {
    const { doc, schema } = ctx;
    const keys = new Map(schema.metadata.map((k) => [normaliseKey(k.key), k]));
    for (const entry of doc.metadata.entries) {
      const wanted = keys.get(normaliseKey(entry.key));
      if (mayKeepPlaceholder(ctx, entry, wanted)) continue;
      const offset = doc.metadata.form === "list" || doc.metadata.form === "table" || doc.metadata.form === "code";
      checkValue(ctx, entry, entry.value, wanted ? [wanted.placeholder] : [], { item: false, offset });
      for (const item of entry.items) checkValue(ctx, entry, item, wanted?.placeholderItems ?? [], { item: true, offset });
    }
  },
});

/**
 * A draft cannot link to its own pull request, or to an issue opened once it is accepted (Rust's
 * `Rust Issue`), before they exist; such single-link placeholders may stay until the RFC is numbered.
 */
function mayKeepPlaceholder({ rfc, stage, schema }: RuleContext, entry: MetadataEntry, wanted: SchemaKey | undefined): boolean {
  if (!rfc.isDraft || stage !== "draft" || !wanted) return false;
  if (schema.prKey !== null && normaliseKey(schema.prKey) === normaliseKey(entry.key)) return true;
  return /^\[[^\]]*#0000\]\([^)]*\/0000\)$/.test(wanted.placeholder.trim());
}

function checkValue(
  { rfc, schema, repo, report }: RuleContext,
  entry: MetadataEntry,
  value: MetadataValue,
  placeholders: readonly string[],
  how: { item: boolean; offset: boolean },
): void {
  const raw = value.raw.trim();
  if (raw === "") return;
  const subject = how.item ? `An item of "${entry.key}"` : `"${entry.key}"`;
  const hint = () => hintFor({ entry, rfc, schema, today: repo.today, item: how.item });
  const end = { endLine: value.line, endColumn: value.column + value.raw.length };
  // A value the template means to be kept (`accepted`, a list of teams to prune) is not one left in.
  if (placeholders.some((p) => isPlaceholderValue(p) && p.trim() === raw)) {
    report({ line: value.line, column: value.column, ...end, message: `${subject} is still the template's placeholder.`, hint: hint() });
    return;
  }
  const marker = findPlaceholderMarker(value.raw);
  if (!marker) return;
  // Front matter values may be quoted in the file, so only list values map offsets to columns.
  const column = how.offset ? value.column + marker.index : value.column;
  report({ line: value.line, column, ...end, message: `${subject} still contains the template's placeholder "${marker.text}".`, hint: hint() });
}

/** One line on what to write instead, by what the key is for. */
function hintFor(args: { entry: MetadataEntry; rfc: Rfc; schema: Schema; today: string; item: boolean }): string {
  const { entry, rfc, schema, today, item } = args;
  const key = normaliseKey(entry.key);
  const wanted = schema.metadata.find((k) => normaliseKey(k.key) === key);
  if (/YYYY-MM-DD/.test(wanted?.placeholder ?? "") || /\bdate\b|\bupdated\b/.test(key)) {
    return dateHint(entry.value.raw, today, key === "start date" ? startedOn(rfc, today) : null);
  }
  const { shape } = entry.value;
  // `[org/repo#0000](https://github.com/org/repo/issues/1469)`: the link was updated, its text was not.
  if (!item && shape.kind === "link" && shape.urlRef && shape.urlRef.number > 0) {
    const { owner, repo, number } = shape.urlRef;
    return `the link already goes to ${owner}/${repo}#${number}: write that as its text.`;
  }
  if (schema.prKey !== null && key === normaliseKey(schema.prKey) && !item) {
    const repo = schema.repository ? `${schema.repository.owner}/${schema.repository.repo}` : "org/repo";
    const n = rfc.number && rfc.number > 0 ? String(rfc.number) : "N";
    return `write the pull request's link once it is open: [${repo}#${n}](https://github.com/${repo}/pull/${n}).`;
  }
  if (key === "feature name") {
    return `write a unique identifier for the feature, e.g. \`${rfc.slug.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "_")}\`.`;
  }
  if (item) return "replace it with a real link, or delete the item if there is none.";
  if (/#0000|\/0000/.test(entry.value.raw)) return "replace it with the real link once it exists, or delete the line if there will be none.";
  return "replace it with this RFC's own value.";
}
