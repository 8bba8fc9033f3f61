import { distance } from "fastest-levenshtein";
import { findEntryFor, foldKey, foldKeys } from "../model/key-fact.ts";
import type { Metadata, MetadataEntry } from "../model/metadata.ts";
import { normaliseKey } from "../model/metadata.ts";
import type { Schema } from "../model/schema.ts";
import { defineRule } from "./define-rule.ts";
import { replaceText } from "./replace-text.ts";

/**
 * A key this many RFCs use is a convention of the repository (Rust's `Tracking Issue`, `Pre-RFC`,
 * or `RFC PR #` from an older template), not a slip. Numbered RFCs are not told about it; drafts
 * still are when it looks like a template key, since they are being written now and can follow it.
 */
const conventionUses = 3;

export default defineRule({
  id: "metadata-unknown",
  description: "Every metadata key is one the template has (close misspellings get a suggestion)",
  severity: "warning",
  tags: ["template", "metadata"],
  fixable: true,
  // Runs over the whole repository: whether a key is a convention depends on the other RFCs.
  checkRepository({ repo, isChecked, isEditing, report }) {
    const uses = new Map<string, number>();
    for (const rfc of repo.rfcs) {
      const keys = new Set((rfc.header?.metadata.entries ?? []).map((e) => normaliseKey(e.key)));
      for (const key of keys) uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    for (const rfc of repo.rfcs) {
      if (!isChecked(rfc.path) || !rfc.document) continue;
      const { metadata } = rfc.document;
      const known = knownEntries(metadata, rfc.schema);
      const present = new Set(metadata.entries.map((e) => normaliseKey(e.key)));
      for (const entry of metadata.entries) {
        const key = normaliseKey(entry.key);
        const standsFor = known.get(entry);
        // Another spelling of a template key (`RFC PRs`, `Authors`) or a synonym holds its fact;
        // only a draft, being written now, is told the template's spelling.
        if (standsFor !== undefined && (standsFor === key || !rfc.isDraft || foldKey(standsFor) !== foldKey(key))) continue;
        const closest = closestMissingKey(key, rfc.schema, present);
        const suggestion = closest?.key;
        // Renamed only when one template key is closest: with a tie, which one was meant is a guess.
        const fix = closest?.unique ? replaceText(rfc.document, { line: entry.line, column: entry.column }, entry.key, closest.key) : undefined;
        const convention = (uses.get(key) ?? 0) >= conventionUses;
        if (convention && !(suggestion && rfc.isDraft)) continue;
        // A key of its own on an accepted RFC (`Initiative`, `pre-RFC reviewers`) is history; a
        // misspelt template key is still a slip worth mending.
        if (!suggestion && !isEditing(rfc.path)) continue;
        report({
          file: rfc.path,
          line: entry.line,
          column: entry.column,
          endColumn: entry.column + entry.key.length,
          message: suggestion
            ? `Metadata "${entry.key}" is not in the template; did you mean "${suggestion}"?`
            : `Metadata "${entry.key}" is not in the template.`,
          hint: suggestion
            ? `rename it to "${suggestion}".`
            : `remove it, or add "${entry.key}" to ${rfc.schema.source.path} if every RFC should have it.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});

/** The entries that hold a template key's fact, in its spelling or another (`Authors` for `Author(s)`), with that key normalised. */
function knownEntries(metadata: Metadata, schema: Schema): Map<MetadataEntry, string> {
  const templateKeys = foldKeys(schema.metadata);
  const known = new Map<MetadataEntry, string>();
  for (const wanted of schema.metadata) {
    const entry = findEntryFor(metadata, wanted.key, templateKeys);
    if (entry && !known.has(entry)) known.set(entry, normaliseKey(wanted.key));
  }
  return known;
}

/** The template key the RFC lacks that `key` is a close misspelling of, if any; `unique` is false when another is as close. */
function closestMissingKey(key: string, schema: Schema, present: ReadonlySet<string>): { key: string; unique: boolean } | undefined {
  let best: { key: string; d: number; unique: boolean } | undefined;
  for (const wanted of schema.metadata) {
    const candidate = normaliseKey(wanted.key);
    if (present.has(candidate)) continue; // the RFC has that key already: this one is something else
    const d = distance(key, candidate);
    const longest = Math.max(key.length, candidate.length);
    const shortest = Math.min(key.length, candidate.length);
    const close = (d <= 2 || d <= longest / 4) && d < shortest / 2;
    if (!close) continue;
    if (!best || d < best.d) best = { key: wanted.key, d, unique: true };
    else if (d === best.d) best.unique = false;
  }
  return best && { key: best.key, unique: best.unique };
}
