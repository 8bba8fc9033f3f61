import type { RfcDocument } from "./document.ts";

/**
 * A comment in an RFC that turns rules off: `<!-- rfc-disable-next-line rule-id -- reason -->`
 * for the line after it, `<!-- rfc-disable rule-id -->` for the whole file. Rule ids are parted
 * by commas or spaces; none means every rule. Text after ` -- ` is the reason, for readers.
 */
export interface SuppressionComment {
  scope: "next-line" | "file";
  /** The rule ids it names; empty for every rule. */
  rules: string[];
  /** Where the comment starts and ends (1-based): `next-line` covers `endLine + 1`. */
  line: number;
  endLine: number;
}

const directive = /^<!--\s*rfc-disable(-next-line)?(?=\s|-->)([\s\S]*?)-->\s*$/;

/** The suppression comments of a document: HTML comments on lines of their own, outside code. */
export function readSuppressionComments(doc: RfcDocument): SuppressionComment[] {
  const comments: SuppressionComment[] = [];
  for (const block of doc.html) {
    if (block.inline) continue;
    const match = directive.exec(block.html.trim());
    if (!match) continue;
    const named = match[2]!.split(/\s--\s|\s--$/)[0]!;
    const lines = block.html.replace(/\n$/, "").split("\n").length;
    comments.push({
      scope: match[1] ? "next-line" : "file",
      rules: named.split(/[\s,]+/).filter(Boolean),
      line: block.line,
      endLine: block.line + lines - 1,
    });
  }
  return comments;
}
