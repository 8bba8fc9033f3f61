import type { RfcDocument } from "../model/document.ts";
import { linesText } from "../model/document.ts";
import type { Schema, SchemaSource } from "../model/schema.ts";
import { readOptionalKeyWording } from "../model/optional-key.ts";
import { readOptionalWording } from "../model/optional-section.ts";
import { readTitleLine } from "../model/rfc-title.ts";

/** Turns a parsed template into the schema RFCs are checked against. */
export function toSchema(template: RfcDocument, source: SchemaSource): Schema {
  const metadata = template.metadata.entries.map((entry) => ({
    key: entry.key,
    placeholder: entry.value.raw,
    placeholderItems: entry.items.map((item) => item.raw),
    optionalBecause: readOptionalKeyWording(entry.key, entry.value.raw),
  }));
  const sections = template.sections.map((section) => {
    const guidance = linesText(template, section.bodyStart, section.endLine).trim();
    return { title: section.title, slug: section.slug, level: section.level, hasAnchor: section.anchor !== null, anchorLabel: section.anchor?.name ?? null, guidance, optionalBecause: readOptionalWording(section.title, ownGuidance(template, section)) };
  });
  let repository: Schema["repository"] = null;
  let prKey: string | null = null;
  for (const entry of template.metadata.entries) {
    const shape = entry.value.shape;
    const ref = shape.kind === "link" ? (shape.urlRef ?? shape.textRef) : shape.kind === "url" ? shape.urlRef : null;
    if (ref && ref.kind !== "issues") {
      repository = { owner: ref.owner, repo: ref.repo };
      prKey = entry.key;
      break;
    }
  }
  const titleLine = template.title === null && readTitleLine(template) !== null;
  return { source, metadata, sections, titleLine, prKey, repository };
}

/** A section's own text, before its first subsection: a subsection's "optional" is about that subsection. */
function ownGuidance(template: RfcDocument, section: RfcDocument["sections"][number]): string {
  return linesText(template, section.bodyStart, section.bodyEnd);
}
