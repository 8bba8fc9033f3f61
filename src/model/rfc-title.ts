import { lineText, type RfcDocument } from "./document.ts";
import { findEntry } from "./metadata.ts";
import type { Rfc } from "./repository.ts";
import type { Schema } from "./schema.ts";
import { titleKey } from "./title-key.ts";

/** Where an RFC's title was read from, as `rfc doctor` names it. */
export type TitleSource = "H1 title" | "title key" | "heading above the header" | "title line" | "first H1" | "file name";

/** An RFC's title, and the line that holds it when it is in the text (the book shows it once). */
export interface RfcTitle {
  text: string;
  line: number | null;
  source: TitleSource;
}

/**
 * The RFC's title, the same for `rfc list`, the book, the feed and search. In order: its own
 * `# Title` (the one H1 above its sections); a `title:` key (front matter, usually); a heading of any level right
 * above the metadata header (Rust's `## Shorter temporary lifetimes…` over the `- Feature Name:`
 * list); a plain first line where the template has one there; its first heading when that is an H1
 * the template has no section of and no banner (`# Superseded!`), as when H1 sections or an
 * embedded README's H1 follow; else the file name's words.
 */
export function readRfcTitle(rfc: Pick<Rfc, "document" | "schema" | "slug">): RfcTitle {
  const doc = rfc.document;
  if (doc) {
    // Bevy's `# Feature Name: \`stageless\``: the H1 is the header's key, the title the file name's words.
    if (doc.title && doc.metadata.entries[0]?.line === doc.title.line) return { ...fromFileName(rfc.slug), line: doc.title.line };
    if (doc.title) return { text: doc.title.text, line: doc.title.line, source: "H1 title" };
    const key = findEntry(doc.metadata, "title")?.value.raw.trim();
    if (key) return { text: key, line: null, source: "title key" };
    const above = headingAboveHeader(doc);
    if (above) return { text: above.title, line: above.line, source: "heading above the header" };
    const line = rfc.schema.titleLine ? readTitleLine(doc) : null;
    if (line) return { ...line, source: "title line" };
    const first = firstH1Title(doc, rfc.schema);
    if (first) return { text: first.title, line: first.line, source: "first H1" };
  }
  return fromFileName(rfc.slug);
}

/** The file name's words as a title. */
function fromFileName(slug: string): RfcTitle {
  const name = slug.replace(/\.md$/, "");
  // Where hyphens join the words, an underscore is part of one (`demote-x86_64-apple-darwin`).
  const words = name.replace(name.includes("-") ? /-+/g : /[-_]+/g, " ").trim();
  return { text: words.charAt(0).toUpperCase() + words.slice(1), line: null, source: "file name" };
}

/** The document's first heading when only blank lines or comments stand between it and the metadata header below. */
function headingAboveHeader(doc: RfcDocument): { title: string; line: number } | null {
  const first = doc.sections[0];
  if (!first || doc.metadata.form === "none" || first.line >= doc.metadata.startLine) return null;
  for (let line = first.line + 1; line < doc.metadata.startLine; line++) {
    const text = lineText(doc, line).trim();
    if (text !== "" && !text.startsWith("<!--")) return null;
  }
  return first;
}

/**
 * The first line of the text (below any front matter, blank lines and comments) when it is a
 * one-line paragraph: not a heading, list, quote, table, code or HTML, and no sentence. A template
 * with one there (`RFC title`, `{TITLE}`) asks each RFC for its title on that line.
 */
export function readTitleLine(doc: RfcDocument): { text: string; line: number } | null {
  const total = doc.lineStarts.length;
  let line = doc.metadata.form === "front-matter" ? doc.metadata.endLine + 1 : 1;
  while (line <= total && (lineText(doc, line).trim() === "" || lineText(doc, line).trimStart().startsWith("<!--"))) {
    const text = lineText(doc, line);
    if (text.includes("<!--")) while (line <= total && !lineText(doc, line).includes("-->")) line++;
    line++;
  }
  if (line > total) return null;
  if (doc.metadata.form !== "none" && doc.metadata.form !== "front-matter" && line >= doc.metadata.startLine && line <= doc.metadata.endLine) return null;
  if (!isTitleText(lineText(doc, line))) return null;
  const text = lineText(doc, line).trim();
  const next = line < total ? lineText(doc, line + 1).trim() : "";
  if (next !== "" && !/^[-*+][ \t]/.test(next)) return null; // a paragraph of more lines, or a setext heading
  return { text, line };
}

/**
 * Whether a line can be a title written without `#`: one short line of text at the margin, not a
 * heading, list, quote, table, code, HTML or link definition, and no sentence (ending in `.`, `:`…).
 */
export function isTitleText(line: string): boolean {
  const text = line.trimEnd();
  return text !== "" && text.length <= 120 && !/^(?:[ \t]|[-*+>|#<`~=[]|\d+[.)])/.test(text) && !/[.:;,!?]$/.test(text);
}

function firstH1Title(doc: RfcDocument, schema: Schema): { title: string; line: number } | null {
  const first = doc.sections[0];
  if (!first || first.level !== 1 || doc.sections.length < 2) return null;
  const key = titleKey(first.title);
  // A banner above the RFC ("# Superseded!", "# Deprecated") says what became of it, not what it is.
  if (/^(?:superseded|deprecated|obsolete|withdrawn|archived|rejected|postponed|note|notice|warning)\b/.test(key)) return null;
  return schema.sections.some((s) => titleKey(s.title) === key) ? null : first;
}
