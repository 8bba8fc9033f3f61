import { parseDocument } from "../markdown/parse-document.ts";
import { lineText, type RfcDocument } from "../model/document.ts";
import type { MetadataEntry } from "../model/metadata.ts";
import { readTitleLine } from "../model/rfc-title.ts";
import { toMetadataRole, type MetadataRole } from "./metadata-roles.ts";

/** The values `rfc new` writes into a copy of the template. */
export interface NewRfcValues {
  title: string;
  /** The Feature Name identifier, without backticks. */
  feature: string;
  /** `YYYY-MM-DD`, for Start Date and Last Updated. */
  today: string;
  /**
   * Whether a template with no place for the title gets one, as an H1 above its first section
   * (the repository's RFCs write titles so); otherwise the title lives in the file name only.
   */
  titleHeading?: boolean;
}

/** One value written into the template: what it is (the key, or "title heading") and its line. */
export interface FilledValue {
  what: string;
  line: number;
}

/** The filled template and what was filled in it. */
export interface FilledTemplate {
  text: string;
  filled: FilledValue[];
}

/** A replacement of the columns `[from, to)` of one line (1-based columns). */
interface LineEdit {
  line: number;
  from: number;
  to: number;
  text: string;
  what: string;
}

/**
 * The template's text with the values `rfc new` knows written in: Feature Name, Start Date, Last
 * Updated, and the title: where the template has one (a `# Title` heading, a plain title line, a
 * `Title` metadata key), else, where the repository's RFCs write one, as an H1 above the first section.
 * Every other byte is the template's, so the author keeps its guidance and placeholders, its line
 * endings and its byte-order mark. Pure.
 */
export function fillTemplate(templateText: string, values: NewRfcValues): FilledTemplate {
  const doc = parseDocument(templateText);
  const edits: LineEdit[] = [];
  const yamlEnd = frontMatterEnd(doc);
  for (const entry of doc.metadata.entries) {
    const role = toMetadataRole(entry.key);
    if (!role) continue;
    const edit = entry.line < yamlEnd ? frontMatterEdit(doc, entry, role, values) : listEdit(doc, entry, role, values);
    if (edit) edits.push(edit);
  }
  const titleLine = doc.title ? null : readTitleLine(doc);
  if (doc.title) edits.push(headingEdit(doc, doc.title.line, values.title));
  else if (titleLine) edits.push({ line: titleLine.line, from: 1, to: lineText(doc, titleLine.line).length + 1, text: values.title, what: "title line" });
  else if (values.titleHeading && !edits.some((e) => toMetadataRole(e.what) === "title")) edits.push(titleHeading(doc, values.title));
  return { text: applyLineEdits(doc, edits), filled: edits.map((e) => ({ what: e.what, line: e.line })).sort((a, b) => a.line - b.line) };
}

/**
 * The line that closes the front matter, or 0 when there is none. List-form metadata may follow
 * front matter, and only the entries above this line are YAML.
 */
function frontMatterEnd(doc: RfcDocument): number {
  if (doc.metadata.form !== "front-matter") return 0;
  for (let line = 2; line <= doc.lineStarts.length; line++) {
    if (/^(?:---|\.\.\.)$/.test(lineText(doc, line))) return line;
  }
  return 0;
}

function valueFor(role: MetadataRole, values: NewRfcValues): string {
  switch (role) {
    case "feature":
      return values.feature;
    case "start":
    case "updated":
      return values.today;
    case "title":
      return values.title;
  }
}

/**
 * A date in the form the template's line asks for: Ember's `start-date: # In format
 * YYYY-MM-DDT00:00:00.000Z` gets `2026-01-10T00:00:00.000Z`, the time as the template writes it.
 */
function withTimeOfDay(value: string, role: MetadataRole, line: string): string {
  if (role !== "start" && role !== "updated") return value;
  const time = /YYYY-MM-DD(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)/.exec(line)?.[1];
  return time ? `${value}${time}` : value;
}

/** `- Feature Name: (fill me in …)` → `- Feature Name: \`remote_build_cache\``. */
function listEdit(doc: RfcDocument, entry: MetadataEntry, role: MetadataRole, values: NewRfcValues): LineEdit {
  const { value } = entry;
  // Filled RFCs in both the Rust and MetalBear repositories write the identifier in backticks.
  const text = role === "feature" ? `\`${values.feature}\`` : valueFor(role, values);
  if (value.raw === "") {
    const line = lineText(doc, value.line);
    const end = line.trimEnd().length + 1;
    return { line: value.line, from: end, to: line.length + 1, text: ` ${text}`, what: entry.key };
  }
  return { line: value.line, from: value.column, to: value.column + value.raw.length, text, what: entry.key };
}

/** `start-date: "(fill me in)"` → `start-date: "2026-01-10"`, keeping the value's quoting style. */
function frontMatterEdit(doc: RfcDocument, entry: MetadataEntry, role: MetadataRole, values: NewRfcValues): LineEdit | null {
  // A value spread over several lines (a block scalar, a list) is left for the author.
  if (entry.endLine > entry.line || entry.items.length > 0) return null;
  const line = lineText(doc, entry.line);
  const wanted = withTimeOfDay(valueFor(role, values), role, line);
  const colon = line.indexOf(":", entry.column - 1 + entry.key.length);
  if (colon === -1) return null;
  const rest = line.slice(colon + 1);
  const start = colon + 1 + (rest.length - rest.trimStart().length);
  if (rest.trim() === "" || rest.trimStart().startsWith("#")) {
    // `key:` or `key:   # comment`: no value yet; it goes right after the colon, the comment after it.
    const comment = rest.trim() === "" ? "" : ` ${rest.trim()}`;
    return { line: entry.line, from: colon + 2, to: line.length + 1, text: ` ${toYamlScalar(wanted, "plain")}${comment}`, what: entry.key };
  }
  const quote = line[start];
  const end = quote === '"' || quote === "'" ? closingQuote(line, start) : plainEnd(line, start);
  if (end === -1) return null;
  const style = quote === '"' ? "double" : quote === "'" ? "single" : "plain";
  return { line: entry.line, from: start + 1, to: end + 1, text: toYamlScalar(wanted, style), what: entry.key };
}

/** Offset just past the quote that closes the one at `start`, or -1. */
function closingQuote(line: string, start: number): number {
  const quote = line[start]!;
  for (let i = start + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === "\\") i++;
    else if (quote === "'" && line[i] === "'" && line[i + 1] === "'") i++;
    else if (line[i] === quote) return i + 1;
  }
  return -1;
}

/** Offset where a plain scalar starting at `start` ends: before a ` #` comment and trailing space. */
function plainEnd(line: string, start: number): number {
  const comment = line.slice(start).search(/\s#/);
  const end = comment === -1 ? line.length : start + comment;
  return line.slice(0, end).trimEnd().length;
}

/** A YAML scalar for `value`, in the template's quoting style when plain would not read back as the same string. */
function toYamlScalar(value: string, style: "plain" | "single" | "double"): string {
  if (style === "single") return `'${value.replace(/'/g, "''")}'`;
  if (style === "plain" && isSafePlain(value)) return value;
  return JSON.stringify(value); // a JSON string is a valid YAML double-quoted scalar
}

function isSafePlain(value: string): boolean {
  // A date-time reads back as the same text (YAML 1.2 has no timestamp type), and is written plain in front matter.
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(value)) return true;
  if (!/^[\p{L}\p{N}_][\p{L}\p{N} _.,()'/-]*$/u.test(value) || /\s$/.test(value)) return false;
  // Words and numbers YAML would read as something other than a string.
  return !/^(?:true|false|null|yes|no|on|off|[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+)$/i.test(value);
}

/**
 * For a template with no place for the title (no `# Title`, no title line, no `title` key): the
 * title given, as an H1 above the first section, where every reader of Markdown looks for one.
 */
function titleHeading(doc: RfcDocument, title: string): LineEdit {
  const first = doc.sections[0];
  const line = first ? first.line : doc.lineStarts.length;
  const text = `# ${title}${doc.lineEnding}${doc.lineEnding}`;
  if (first) return { line, from: 1, to: 1, text, what: "title heading" };
  const end = lineText(doc, line).length + 1;
  return { line, from: end, to: end, text: `${doc.lineEnding}${doc.lineEnding}# ${title}${doc.lineEnding}`, what: "title heading" };
}

/** `# (fill me in: the RFC's title)` → `# Remote build cache`; a setext heading's text line likewise. */
function headingEdit(doc: RfcDocument, line: number, title: string): LineEdit {
  const text = lineText(doc, line);
  const atx = /^( {0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+)?[ \t]*$/.exec(text);
  if (atx) {
    const from = atx[1]!.length + 1;
    return { line, from, to: from + atx[2]!.length, text: title, what: "title heading" };
  }
  const indent = text.length - text.trimStart().length;
  return { line, from: indent + 1, to: text.trimEnd().length + 1, text: title, what: "title heading" };
}

/** Applies edits (one line each) to the text, keeping every other byte, line endings and BOM included. */
function applyLineEdits(doc: RfcDocument, edits: readonly LineEdit[]): string {
  let source = doc.source;
  const ordered = [...edits].sort((a, b) => b.line - a.line || b.from - a.from);
  for (const edit of ordered) {
    const start = doc.lineStarts[edit.line - 1]!;
    source = source.slice(0, start + edit.from - 1) + edit.text + source.slice(start + edit.to - 1);
  }
  return (doc.hasBom ? "\uFEFF" : "") + source;
}
