import type { Metadata } from "./metadata.ts";

/** A heading and everything under it up to the next heading of the same or a higher level. */
export interface Section {
  title: string;
  level: number;
  /** The heading's anchor id, as GitHub and mdBook make it (`Guide-level explanation` → `guide-level-explanation`). */
  slug: string;
  line: number;
  column: number;
  /** The `[summary]: #summary` line right under the heading, when present. */
  anchor: { name: string; target: string; line: number } | null;
  /** First and last line of the section's own text, before its first subsection; `bodyEnd < bodyStart` when empty. */
  bodyStart: number;
  bodyEnd: number;
  /** Last line of the section, subsections included. */
  endLine: number;
  children: Section[];
}

/** A link, image, reference definition or autolink, with the place its target is written. */
export interface Link {
  kind: "link" | "image" | "definition";
  /** The destination as written (not URL-decoded). */
  href: string;
  text: string;
  line: number;
  column: number;
  endColumn: number;
}

/** A fenced or indented code block. */
export interface CodeBlock {
  /** First word of the info string (`mermaid`, `rust`), or "" when none. */
  lang: string;
  content: string;
  line: number;
  endLine: number;
}

/** Raw HTML written in the Markdown, block or inline. */
export interface RawHtml {
  html: string;
  inline: boolean;
  line: number;
  column: number;
}

/** Problems found while reading the text, reported by the `file-content` rule. */
export type ContentProblem =
  | { kind: "empty" }
  | { kind: "not-utf8"; line: number }
  /** Lines ended by CR alone (classic Mac OS): Markdown tools read them apart, and no fix could keep them. */
  | { kind: "cr-only" }
  | { kind: "too-large"; bytes: number; limit: number }
  | { kind: "symlink-outside"; target: string }
  /** A link to a hidden path or into `node_modules` (`.git/config`), relative to the root. */
  | { kind: "symlink-hidden"; target: string }
  | { kind: "unreadable"; reason: string };

/** One Markdown file, parsed: the model every rule and the book read instead of the text. */
/** What a file's text says before its Markdown is parsed: its lines and metadata. A document is one. */
export interface DocumentHeader {
  /** The text with a BOM removed; line endings as in the file. */
  source: string;
  /** Offset of the start of each line in `source` (index 0 is line 1). */
  lineStarts: number[];
  hasBom: boolean;
  lineEnding: "\n" | "\r\n";
  metadata: Metadata;
}

export interface RfcDocument extends DocumentHeader {
  /** The document's own `# Title`, when it has exactly one level-1 heading and it comes first. */
  title: { text: string; line: number; slug: string } | null;
  /** Top-level sections, each with its subsections. */
  sections: Section[];
  /** All heading slugs plus ids and names from raw HTML: the targets `#fragment` links can reach. */
  anchors: Set<string>;
  links: Link[];
  codeBlocks: CodeBlock[];
  html: RawHtml[];
}

/** Number of lines in a document (a final newline does not start a new line). */
export function lineCount(doc: RfcDocument): number {
  const n = doc.lineStarts.length;
  return doc.source.endsWith("\n") || doc.source === "" ? n - 1 : n;
}

/** The text of line `line` (1-based), without its line ending. */
export function lineText(doc: RfcDocument, line: number): string {
  return sliceLine(doc.source, doc.lineStarts, line - 1) ?? "";
}

/** Line `index` (0-based) of `source` without its line ending, from the offsets where lines start; undefined past the end. */
export function sliceLine(source: string, lineStarts: readonly number[], index: number): string | undefined {
  const start = lineStarts[index];
  if (start === undefined) return undefined;
  const next = lineStarts[index + 1];
  if (next === undefined) return source.slice(start);
  // Up to the line's `\n`, and its `\r` before that if there is one.
  const end = next - 2 >= start && source.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
  return source.slice(start, end);
}

/** The text of lines `first..last` inclusive, joined with `\n`. */
export function linesText(doc: RfcDocument, first: number, last: number): string {
  const out: string[] = [];
  for (let line = first; line <= last; line++) out.push(lineText(doc, line));
  return out.join("\n");
}

/** Every section of the tree, depth first, in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const s of list) {
      out.push(s);
      visit(s.children);
    }
  };
  visit(sections);
  return out;
}
