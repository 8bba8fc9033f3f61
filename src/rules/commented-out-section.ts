import type { RfcDocument } from "../model/document.ts";
import { aliasKeys, titleKey } from "./match-sections.ts";

/** A section's heading found inside an HTML comment: the line of the heading, and what it says. */
export interface CommentedOutHeading {
  line: number;
  heading: string;
}

/**
 * Where an RFC has a template section only inside an HTML comment (`<!--\n# Drawbacks\n…\n-->`,
 * as Rust 1860 keeps its drawbacks): the heading as written, under the section's title or an
 * alias, and its line. Null when no comment holds one.
 */
export function findCommentedOutHeading(doc: RfcDocument, title: string): CommentedOutHeading | null {
  const keys = new Set([titleKey(title), ...(aliasKeys(title) ?? [])]);
  for (const block of doc.html) {
    if (block.inline || !block.html.trimStart().startsWith("<!--")) continue;
    const lines = block.html.split("\n");
    for (const [offset, text] of lines.entries()) {
      const heading = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(text);
      if (heading && keys.has(titleKey(heading[2]!))) return { line: block.line + offset, heading: text.trim() };
    }
  }
  return null;
}
