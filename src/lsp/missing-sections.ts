import { lineCount, lineText, type RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import { isOptionalSection } from "../model/optional-section.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import type { SchemaSection } from "../model/schema.ts";
import { matchSections } from "../rules/match-sections.ts";

/** A template section the RFC lacks, and the edit that adds its heading where it belongs. */
export interface MissingSection {
  wanted: SchemaSection;
  optional: boolean;
  /** The line the heading goes before (the next template section the RFC has), or the line after the last. */
  line: number;
  /** The heading as it will be written, e.g. `## Drawbacks`. */
  heading: string;
  edit: Edit & { kind: "insert" };
}

/**
 * The template's sections the RFC has under no title, in template order, each with the edit that
 * inserts its heading (at the level of the RFC's own sections next to it) and, where the template
 * has one, its anchor line, above the next template section the RFC has, else at the end.
 */
export function findMissingSections(repo: Repository, rfc: Rfc, doc: RfcDocument): MissingSection[] {
  const matches = matchSections(rfc.schema, doc);
  const out: MissingSection[] = [];
  for (const [i, match] of matches.entries()) {
    if (match.section) continue;
    const next = matches.slice(i + 1).find((m) => m.section)?.section ?? null;
    const previous = matches.slice(0, i).reverse().find((m) => m.section)?.section ?? null;
    const level = next?.level ?? previous?.level ?? match.wanted.level;
    const heading = `${"#".repeat(level)} ${match.wanted.title}`;
    const anchor = match.wanted.hasAnchor ? `[${match.wanted.anchorLabel ?? match.wanted.slug}]: #${match.wanted.slug}` : null;
    const block = [heading, ...(anchor ? [anchor] : [])];
    out.push({
      wanted: match.wanted,
      optional: isOptionalSection(match.wanted, repo.config),
      line: next ? next.line : lineCount(doc) + 1,
      heading,
      edit: next ? insertAbove(doc, next.line, block) : insertAtEnd(doc, block),
    });
  }
  return out;
}

/** Lines inserted above `line`, with a blank line on each side. */
function insertAbove(doc: RfcDocument, line: number, block: readonly string[]): Edit & { kind: "insert" } {
  const nl = doc.lineEnding;
  const blankBefore = line === 1 || lineText(doc, line - 1).trim() === "";
  return { kind: "insert", at: { line, column: 1 }, text: `${blankBefore ? "" : nl}${block.join(nl)}${nl}${nl}` };
}

/** Lines added at the end of the text, after a blank line. */
function insertAtEnd(doc: RfcDocument, block: readonly string[]): Edit & { kind: "insert" } {
  const nl = doc.lineEnding;
  const last = lineCount(doc);
  const endsWithNewline = doc.source.endsWith("\n");
  const lastText = last === 0 ? "" : lineText(doc, last);
  const lead = (endsWithNewline || last === 0 ? "" : nl) + (lastText.trim() === "" ? "" : nl);
  const at = endsWithNewline ? { line: last + 1, column: 1 } : { line: Math.max(1, last), column: lastText.length + 1 };
  return { kind: "insert", at, text: `${lead}${block.join(nl)}${nl}` };
}
