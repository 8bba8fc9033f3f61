import type { Metadata, MetadataEntry, MetadataValue } from "../model/metadata.ts";
import { isTitleText } from "../model/rfc-title.ts";
import type { LineList } from "./lines.ts";
import { parseValueShape } from "./parse-value.ts";
import { loadYaml } from "./load-yaml.ts";
import { toCells } from "./table-cells.ts";

const plainKeyItem = /^[-*+][ \t]+([^:[\]`<>]+?)[ \t]*:(?!\/\/)[ \t]*(.*?)[ \t]*$/;
// `* **Key:** value`, `* **Key**: value`, and `* **Key:**: value` as some templates write it.
const boldKeyItem = /^[-*+][ \t]+(\*\*|__)([^*_:[\]`<>]+?)[ \t]*(:?)\1[ \t]*(:?)(?!\/\/)[ \t]*(.*?)[ \t]*$/;

// `Authors: @x` or `**Tracking Issue**: #1` on a line of its own: a short key, a value.
const plainKeyLine = /^([A-Z][\w ()'/-]{0,40}?)[ \t]*:(?!\/\/)[ \t]+(\S.*?)[ \t]*$/;
const boldKeyLine = /^(\*\*|__)([A-Z][^*_:]{0,40}?)[ \t]*(:?)\1[ \t]*(:?)(?!\/\/)[ \t]+(\S.*?)[ \t]*$/;

/**
 * A `Key: value` line without a bullet, at line `i`: read as metadata when another key line (a
 * plain one or a list item) stands right below it, or when the header has begun (`inHeader`). One
 * such line alone is text: a first paragraph may well start with `Note: …`.
 */
function matchPlainKeyLine(lines: LineList, i: number, inHeader: boolean): { key: string; value: string } | null {
  const plain = readPlainKeyLine(lines.at(i) ?? "");
  if (!plain) return null;
  if (inHeader) return plain;
  const next = lines.at(i + 1) ?? "";
  if (matchKeyItem(next) !== null || readPlainKeyLine(next) !== null) return plain;
  // Go's design docs: `Author(s): …`, a blank line, `Last updated: …`, each a paragraph.
  return next.trim() === "" && isKeyParagraph(lines, skipBlank(lines, i + 1)) ? plain : null;
}

/** A paragraph of `Key: value` lines at line `i`: one ending there, or followed by more key lines. */
function isKeyParagraph(lines: LineList, i: number): boolean {
  if (readPlainKeyLine(lines.at(i) ?? "") === null) return false;
  const next = lines.at(i + 1) ?? "";
  return next.trim() === "" || readPlainKeyLine(next) !== null || matchKeyItem(next) !== null;
}

function readPlainKeyLine(text: string): { key: string; value: string } | null {
  let found: { key: string; value: string } | null = null;
  const bold = boldKeyLine.exec(text);
  if (bold && (bold[3] !== "" || bold[4] !== "")) found = { key: bold[2]!.trim(), value: bold[5]! };
  const plain = found ? null : plainKeyLine.exec(text);
  if (plain) found = { key: plain[1]!.trim(), value: plain[2]! };
  // Lines kept apart by a hard break (`Author: Russ Cox\`, `… 2017<br>`): the break is no part of the value.
  return found && found.key.split(/\s+/).length <= 4 ? { key: found.key, value: found.value.replace(hardBreak, "") } : null;
}

const hardBreak = /[ \t]*(?:\\|<br\s*\/?>)$/i;

// Header cells that name the columns of a key/value table rather than a key.
const tableHeadings = /^(?:|key|keys|field|fields|name|metadata|property|attribute|item|value|values|details?)$/i;

/**
 * Metadata as a Markdown table at the top: keys in the first column and values in the second
 * (`| Start Date | 2026-01-01 |`), or keys in the header row and values in the one row below it.
 */
function parseMetadataTable(lines: LineList, from: number): Metadata {
  const rows: { line: number; cells: { text: string; column: number }[] }[] = [];
  let i = from;
  for (; i < lines.length && lines.at(i)!.trimStart().startsWith("|"); i++) rows.push({ line: i + 1, cells: toCells(lines.at(i)!) });
  const isSeparator = (cells: { text: string }[]) => cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.text));
  const separatorAt = rows.findIndex((r) => isSeparator(r.cells));
  const data = rows.filter((r) => !isSeparator(r.cells));
  const unbold = (text: string) => text.replace(/^(\*\*|__)(.*)\1$/, "$2").replace(/:$/, "").trim();
  const entries: MetadataEntry[] = [];
  const header = separatorAt === 1 ? data[0] : undefined;
  const horizontal = header !== undefined && data.length === 2 && !header.cells.every((c) => tableHeadings.test(unbold(c.text)));
  if (horizontal) {
    const values = data[1]!;
    header.cells.forEach((cell, k) => {
      const value = values.cells[k];
      if (unbold(cell.text) === "" || !value) return;
      entries.push({ key: unbold(cell.text), line: header.line, column: cell.column, value: toValue(value.text, values.line, value.column), items: [], endLine: values.line });
    });
  } else {
    const body = header !== undefined && tableHeadings.test(unbold(header.cells[0]?.text ?? "")) ? data.slice(1) : data;
    for (const row of body) {
      const [key, value] = row.cells;
      if (!key || !value || unbold(key.text) === "") continue;
      entries.push({ key: unbold(key.text), line: row.line, column: key.column, value: toValue(value.text, row.line, value.column), items: [], endLine: row.line });
    }
  }
  if (entries.length === 0) return noMetadata;
  return { form: "table", entries, errors: [], startLine: from + 1, endLine: i };
}

const codeKeyLine = /^((?:[-*+][ \t]+)?)([A-Za-z][\w .()'/-]{0,40}?)[ \t]*:(?!\/\/)[ \t]*(.*?)[ \t]*$/;

/**
 * Metadata as a code block at the top, fenced or indented: `Key: value` lines (bulleted or not),
 * two at least, so that a first code sample is not taken for a header.
 */
function parseMetadataCode(lines: LineList, from: number): Metadata {
  const fence = /^(```|~~~)/.exec(lines.at(from)!)?.[1];
  const inBlock = (text: string) => (fence ? !text.startsWith(fence) : /^(?: {4}|\t)/.test(text) || text.trim() === "");
  const first = fence ? from + 1 : from;
  let end = first;
  while (end < lines.length && inBlock(lines.at(end)!)) end++;
  if (fence && end >= lines.length) return noMetadata;
  const entries: MetadataEntry[] = [];
  for (let i = first; i < end; i++) {
    const text = lines.at(i)!;
    const indent = fence ? 0 : text.startsWith("\t") ? 1 : 4;
    const m = codeKeyLine.exec(text.slice(indent));
    if (!m) continue;
    const [, bullet, key, value] = m as unknown as [string, string, string, string];
    const column = indent + bullet.length + 1;
    entries.push({ key: key.trim(), line: i + 1, column, value: toValue(value, i + 1, columnOf(text, value, column + key.length - 1)), items: [], endLine: i + 1 });
  }
  if (entries.length < 2) return noMetadata;
  let last = fence ? end + 1 : end;
  while (!fence && last > from && lines.at(last - 1)!.trim() === "") last--;
  return { form: "code", entries, errors: [], startLine: from + 1, endLine: last };
}

/** A `Key: value` list item: the key as written, without emphasis or colon, and the value. */
function matchKeyItem(text: string): { key: string; value: string } | null {
  const bold = boldKeyItem.exec(text);
  if (bold && (bold[3] !== "" || bold[4] !== "")) return { key: bold[2]!, value: bold[5]! };
  const plain = plainKeyItem.exec(text);
  return plain ? { key: plain[1]!, value: plain[2]! } : null;
}
const nestedItem = /^([ \t]+)[-*+][ \t]+(.*?)[ \t]*$/;
const footnote = /^\[\^[^\]\s]+\]:/;

/**
 * Bevy's title line, `# Feature Name: \`stageless\``: the feature's name in the H1 at line `i`,
 * as an entry of the header (the title is then the file name's words).
 */
function readFeatureTitle(lines: LineList, i: number): MetadataEntry | null {
  const text = lines.at(i) ?? "";
  const m = /^#[ \t]+(Feature(?:[ _-]Name)?)[ \t]*:[ \t]*(.*?)[ \t#]*$/i.exec(text);
  if (!m) return null;
  const keyColumn = text.indexOf(m[1]!) + 1;
  return { key: m[1]!, line: i + 1, column: keyColumn, value: toValue(m[2]!, i + 1, columnOf(text, m[2]!, keyColumn + m[1]!.length - 1)), items: [], endLine: i + 1 };
}

/** No header: what a document without metadata has. */
export const noMetadata: Metadata = { form: "none", entries: [], errors: [], startLine: 0, endLine: 0 };

/**
 * Reads the header of an RFC: YAML front matter between `---` lines, or a Markdown list of
 * `Key: value` items at the top (optionally after a `# Title`). `lines` are without line endings.
 */
export function parseMetadata(lines: LineList): Metadata {
  if (lines.at(0) !== "---") return parseMetadataList(lines, 0);
  const front = parseFrontMatter(lines);
  // Some RFCs keep the list form under front matter that only holds a title: read both.
  const list = front.errors.length === 0 ? parseMetadataList(lines, front.endLine) : null;
  if (!list || list.entries.length === 0) return front;
  return { ...front, entries: [...front.entries, ...list.entries], endLine: list.endLine };
}

/**
 * Whether line `i` is a one-line paragraph standing above the list of keys (right above it, or
 * with blank lines between): a title written without `#` (`Rustdoc: stabilization of …`), or a
 * stray line left at the top. A sentence (ending in `.` or `:`) is prose, and so is a list after it.
 */
function isTitleLine(lines: LineList, i: number): boolean {
  if (!isTitleText(lines.at(i) ?? "")) return false;
  if (matchPlainKeyLine(lines, i, false) !== null) return false;
  return matchKeyItem(lines.at(skipBlank(lines, i + 1)) ?? "") !== null;
}

/**
 * Reads the list form (or a table of keys and values), after any blank lines, HTML comments, one
 * heading (or a title line without `#`) and a blockquote note at the top. Lines of `Key: value` without a bullet count where
 * two or more stand together, or one stands right above the list (`Authors: @x`).
 */
function parseMetadataList(lines: LineList, from: number): Metadata {
  let i = skipComments(lines, skipBlank(lines, from));
  const featureTitle = readFeatureTitle(lines, i);
  if (/^#{1,6}[ \t]/.test(lines.at(i) ?? "") || isTitleLine(lines, i)) i = skipComments(lines, skipBlank(lines, i + 1));
  if ((lines.at(i) ?? "").startsWith(">")) {
    while (i < lines.length && lines.at(i)!.startsWith(">")) i++;
    i = skipComments(lines, skipBlank(lines, i));
  }
  if ((lines.at(i) ?? "").trimStart().startsWith("|")) return parseMetadataTable(lines, i);
  if (/^(?:```|~~~| {4}|\t)/.test(lines.at(i) ?? "")) return parseMetadataCode(lines, i);
  const entries: MetadataEntry[] = featureTitle ? [featureTitle] : [];
  const startLine = featureTitle ? featureTitle.line : i + 1;
  while (i < lines.length) {
    const text = lines.at(i)!;
    const key = matchKeyItem(text) ?? matchPlainKeyLine(lines, i, entries.length > 0);
    if (key) {
      const keyColumn = text.indexOf(key.key) + 1;
      entries.push({
        key: key.key,
        line: i + 1,
        column: keyColumn,
        value: toValue(key.value, i + 1, columnOf(text, key.value, keyColumn + key.key.length - 1)),
        items: [],
        endLine: i + 1,
      });
      i++;
      continue;
    }
    const last = entries.at(-1);
    const nested = nestedItem.exec(text);
    if (last && nested) {
      const bullet = nested[1]!.length;
      last.items.push(toValue(nested[2]!, i + 1, columnOf(text, nested[2]!, bullet + 1)));
      last.endLine = i + 1;
      i++;
      continue;
    }
    if (last && /^[ \t]+\S/.test(text)) {
      last.endLine = i + 1; // a wrapped value: part of the entry, not a new one
      i++;
      continue;
    }
    if (last && footnote.test(text)) {
      // `[^note]: …` between the items, defining a footnote a value uses: the header goes on if a key follows.
      let k = i;
      while (k < lines.length && (footnote.test(lines.at(k)!) || /^[ \t]+\S/.test(lines.at(k)!))) k++;
      if (matchKeyItem(lines.at(k) ?? "") === null) break;
      i = k;
      continue;
    }
    if (last && text.trim() === "" && headerGoesOnAfterBlank(lines, last, skipBlank(lines, i))) {
      i = skipBlank(lines, i);
      continue;
    }
    break;
  }
  if (entries.length === 0) return noMetadata;
  return { form: "list", entries, errors: [], startLine, endLine: entries.at(-1)!.endLine };
}

/**
 * Whether the header goes on at line `next`, past blank lines after its `last` entry: a key item
 * follows (`- Key: value` lists with blank lines between), or a `Key: value` paragraph follows
 * one (Go's design docs write each key as a paragraph of its own).
 */
function headerGoesOnAfterBlank(lines: LineList, last: MetadataEntry, next: number): boolean {
  const following = lines.at(next) ?? "";
  if (matchKeyItem(following) !== null) return true;
  const lastIsKeyParagraph = last.line === last.endLine && readPlainKeyLine(lines.at(last.line - 1) ?? "") !== null;
  return lastIsKeyParagraph && readPlainKeyLine(following) !== null;
}

function parseFrontMatter(lines: LineList): Metadata {
  let end = 1;
  while (end < lines.length && lines.at(end) !== "---" && lines.at(end) !== "...") end++;
  if (end >= lines.length) {
    return { ...noMetadata, form: "front-matter", errors: [{ line: 1, column: 1, message: "Front matter opened with `---` is never closed." }] };
  }
  const simple = readSimpleFrontMatter(lines, end);
  if (simple) return { form: "front-matter", entries: simple, errors: [], startLine: 1, endLine: end + 1 };
  const bodyLines: string[] = [];
  for (let i = 1; i < end; i++) bodyLines.push(lines.at(i)!);
  const body = bodyLines.join("\n");
  const bodyStarts = [0];
  for (let k = 0; k < body.length; k++) if (body[k] === "\n") bodyStarts.push(k + 1);
  const at = (offset: number) => {
    let line = 0;
    while (line + 1 < bodyStarts.length && bodyStarts[line + 1]! <= offset) line++;
    return { line: line + 2, column: offset - bodyStarts[line]! + 1 };
  };
  const YAML = loadYaml();
  const doc = YAML.parseDocument(body, { prettyErrors: false });
  const errors = doc.errors.map((e) => ({ ...at(e.pos[0]), message: `Front matter is not valid YAML: ${e.message.split("\n")[0]}` }));
  const entries: MetadataEntry[] = [];
  const contents = doc.contents;
  if (YAML.isMap(contents)) {
    for (const pair of contents.items) {
      const keyNode = pair.key;
      if (!YAML.isScalar(keyNode) || !keyNode.range) continue;
      const keyPos = at(keyNode.range[0]);
      const valueNode = pair.value;
      const entry: MetadataEntry = {
        key: String(keyNode.value),
        ...keyPos,
        value: { raw: "", line: keyPos.line, column: keyPos.column, shape: { kind: "empty" } },
        items: [],
        endLine: keyPos.line,
      };
      if (YAML.isScalar(valueNode) && valueNode.range) {
        const pos = at(valueNode.range[0]);
        entry.value = toValue(valueNode.value === null ? "" : String(valueNode.value), pos.line, pos.column);
        entry.endLine = at(Math.max(valueNode.range[0], valueNode.range[1] - 1)).line;
      } else if (YAML.isSeq(valueNode)) {
        for (const item of valueNode.items) {
          if (!YAML.isNode(item) || !item.range) continue;
          const pos = at(item.range[0]);
          // A map in the list (`- name: Ann`) is kept as its YAML text, for the book to show.
          entry.items.push(YAML.isScalar(item) ? toValue(String(item.value ?? ""), pos.line, pos.column) : { raw: body.slice(item.range[0], item.range[1]).trim(), ...pos, shape: { kind: "text" } });
          entry.endLine = at(Math.max(item.range[0], item.range[1] - 1)).line;
        }
      } else if (valueNode && YAML.isNode(valueNode) && valueNode.range) {
        const pos = at(valueNode.range[0]);
        entry.value = { raw: body.slice(valueNode.range[0], valueNode.range[1]).trim(), ...pos, shape: { kind: "text" } };
        entry.endLine = at(Math.max(valueNode.range[0], valueNode.range[1] - 1)).line;
      }
      entries.push(entry);
    }
  } else if (contents !== null && errors.length === 0) {
    errors.push({ line: 2, column: 1, message: "Front matter must be a YAML mapping of `key: value` lines." });
  }
  return { form: "front-matter", entries, errors, startLine: 1, endLine: end + 1 };
}

const simpleLine = /^([A-Za-z][\w-]*(?: [\w-]+)*):( +)(\S.*?) *$/;
const yamlKeyword = /^(?:true|false|null|yes|no|on|off)$/i;

/**
 * The entries of front matter made only of `key: text` lines, read without loading the YAML
 * parser (the usual header: a title, dates); null when any line needs it. A value is read here
 * only when YAML would give back the text as written: it starts with a letter (or is a date),
 * is no keyword YAML turns into a boolean or null, and holds no comment (` #`) or `: `.
 */
function readSimpleFrontMatter(lines: LineList, end: number): MetadataEntry[] | null {
  const entries: MetadataEntry[] = [];
  const keys = new Set<string>();
  for (let i = 1; i < end; i++) {
    const text = lines.at(i)!;
    if (text.trim() === "") continue;
    const m = simpleLine.exec(text);
    if (!m) return null;
    const [, key, gap, value] = m as unknown as [string, string, string, string];
    if (keys.has(key) || yamlKeyword.test(value) || value.includes(" #") || /:(?:\s|$)|\t/.test(value)) return null;
    if (!/^[A-Za-z]/.test(value) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
    keys.add(key);
    entries.push({ key, line: i + 1, column: 1, value: toValue(value, i + 1, key.length + 2 + gap.length), items: [], endLine: i + 1 });
  }
  return entries;
}

function toValue(raw: string, line: number, column: number): MetadataValue {
  return { raw, line, column, shape: parseValueShape(raw) };
}

/** 1-based column where `value` starts in `text` at or after `from`; end of line when empty. */
function columnOf(text: string, value: string, from: number): number {
  return value === "" ? text.length + 1 : text.indexOf(value, from) + 1;
}

/** Skips HTML comments (and blank lines after them) starting at line `from`. */
function skipComments(lines: LineList, from: number): number {
  let i = from;
  while ((lines.at(i) ?? "").trimStart().startsWith("<!--")) {
    while (i < lines.length && !lines.at(i)!.includes("-->")) i++;
    i = skipBlank(lines, i + 1);
  }
  return i;
}

function skipBlank(lines: LineList, from: number): number {
  let i = from;
  while (i < lines.length && lines.at(i)!.trim() === "") i++;
  return i;
}
