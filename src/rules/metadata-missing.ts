import { findEntryFor, foldKeys, namesPullRequest } from "../model/key-fact.ts";
import { lineText, type RfcDocument } from "../model/document.ts";
import { normaliseKey, spellKeyLike } from "../model/metadata.ts";
import { asksToBeLeftAlone } from "../model/placeholder.ts";
import type { SchemaKey } from "../model/schema.ts";
import { startedOn, type StartedOn } from "./date-hint.ts";
import { defineRule } from "./define-rule.ts";
import { toFeatureName } from "./feature-name-style.ts";
import { conventionalKeyOmission, readKeysOmittedByConvention } from "./metadata-convention.ts";
import { describeOmission } from "./section-convention.ts";

export default defineRule({
  id: "metadata-missing",
  description: "Every metadata key of the template appears in the RFC's header",
  severity: "error",
  tags: ["template", "metadata"],
  fixable: false,
  templateBound: true,
  check({ repo, rfc, doc, schema, editing, memo, report }) {
    const { metadata } = doc;
    if (metadata.form === "none") {
      if (schema.metadata.length === 0) return;
      report({
        line: 1,
        message: `The RFC has no metadata header; the template starts with ${schema.metadata.map((k) => `"${k.key}"`).join(", ")}.`,
        hint: `copy the "- Key: value" list from the top of the template to the top of this file and fill it in.`,
      });
      return;
    }
    const line = metadata.endLine + 1 > metadata.startLine ? metadata.endLine : 1;
    const templateKeys = foldKeys(schema.metadata);
    for (const wanted of schema.metadata) {
      // Any spelling, plural or synonym counts: `Authors` for `Author(s)`, `Tracking Issue` for `Rust Issue`.
      if (findEntryFor(metadata, wanted.key, templateKeys)) continue;
      // The template lets an RFC leave it out (`*if applicable*`).
      if (wanted.optionalBecause !== null) continue;
      // A key the maintainers fill in on acceptance (`Rust Issue: (leave this empty)`) that an
      // accepted RFC never got has nothing to be filled with (a policy has no tracking issue);
      // its pull request, every RFC has.
      if (!editing && asksToBeLeftAlone(wanted.placeholder) && !isPullRequestKey(wanted.key, schema.prKey)) continue;
      // A key the accepted RFCs leave out as a rule: nothing on an accepted RFC, a warning that says so on one being written.
      const omission = conventionalKeyOmission(memo(readKeysOmittedByConvention, repo, rfc.template), wanted);
      if (omission && !editing) continue;
      report({
        line,
        ...(omission ? { severity: "warning" as const } : {}),
        message: `Metadata "${wanted.key}" from the template is missing${omission ? ` (${describeOmission(omission)})` : ""}.`,
        hint: hintFor(wanted, doc, { pullRequest: isPullRequestKey(wanted.key, schema.prKey) ? rfc.git?.addedByPullRequest : undefined, slug: rfc.slug, started: startedOn(rfc, repo.today) }),
      });
    }
  },
});

/**
 * What to add: the key with the template's value to replace; for the pull-request key of an RFC
 * that git says a pull request brought in (`… (#19)`), that pull request written as the
 * template's placeholder writes one; for the feature name, the file's name made one; for the
 * start date, the day of the file's first commit, or today for a new draft.
 */
function hintFor(wanted: SchemaKey, doc: RfcDocument, facts: { pullRequest: number | undefined; slug: string; started: StartedOn | null }): string {
  if (facts.pullRequest !== undefined) return `add ${toWrittenEntry(wanted.key, doc, toPullRequestValue(wanted.placeholder, facts.pullRequest))}: pull request #${facts.pullRequest} brought the file in.`;
  const featureName = normaliseKey(wanted.key) === "feature name" ? toFeatureName(facts.slug, wanted.placeholder) : null;
  if (featureName) return `add ${toWrittenEntry(wanted.key, doc, featureName)} (the file's name, as the template writes names), or "N/A" as its value where the RFC adds no feature.`;
  if (normaliseKey(wanted.key) === "start date" && facts.started) return `add ${toWrittenEntry(wanted.key, doc, facts.started.date)}: ${facts.started.why}.`;
  return `add ${toWrittenEntry(wanted.key, doc)} (the template has ${templateValue(wanted)}).`;
}

/** The template's key for the RFC's pull request: the one whose value links one, or, in a revision that leaves it empty (`RFC PR: (leave this empty)`), named so. */
function isPullRequestKey(key: string, prKey: string | null): boolean {
  return prKey !== null ? normaliseKey(key) === normaliseKey(prKey) : namesPullRequest(key);
}

/** The placeholder's number (`[org/rfcs#0000](…/pull/0000)`) made the pull request's, or `#N` where it has none. */
function toPullRequestValue(placeholder: string, pullRequest: number): string {
  const numbered = placeholder.replace(/(?<=[#/])0+\b/g, String(pullRequest));
  return numbered === placeholder ? `#${pullRequest}` : numbered;
}

/**
 * The line to add, in the form the RFC's header uses: a list item written as its first one is
 * (`* **Author**: …`), a table row, or a front-matter key spelt as its other keys are.
 */
function toWrittenEntry(key: string, doc: RfcDocument, value = "…"): string {
  const { metadata } = doc;
  if (metadata.form === "table") return `a row "| ${key} | ${value} |" to the table at the top`;
  if (metadata.form === "code") return `a line "${key}: ${value}" to the code block at the top`;
  if (metadata.form === "front-matter") return `"${spellKeyLike(key, metadata)}: ${value}" to the front matter`;
  return `"${toListItem(key, doc, value)}" to the header`;
}

/** `- Key: …`, with the marker, emphasis and colon of the header's first item. */
function toListItem(key: string, doc: RfcDocument, value: string): string {
  const first = doc.metadata.entries[0];
  if (!first || first.value.line !== first.line) return `- ${key}: ${value}`;
  const text = lineText(doc, first.line);
  const keyStart = first.column - 1;
  const keyEnd = text.indexOf(first.key, keyStart) === keyStart ? keyStart + first.key.length : -1;
  const valueStart = first.value.column - 1;
  if (keyEnd === -1 || valueStart < keyEnd) return `- ${key}: ${value}`;
  const before = text.slice(0, keyStart).trimStart();
  const between = text.slice(keyEnd, valueStart);
  return /^[-*+]\s/.test(before) && between.includes(":") ? `${before}${key}${between.trimEnd()} ${value}` : `- ${key}: ${value}`;
}

/** How the template's value reads in a hint: its placeholder, or its first item when the value is a list. */
function templateValue(key: SchemaKey): string {
  if (key.placeholder.trim() !== "" || key.placeholderItems.length === 0) return `"${key.placeholder}"`;
  return `a list of items such as "${key.placeholderItems[0]}"`;
}
