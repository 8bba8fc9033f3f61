import { createRequire } from "node:module";
import type { Metadata, MetadataEntry, MetadataValue } from "../model/metadata.ts";
import type { LineList } from "./lines.ts";
import { parseValueShape } from "./parse-value.ts";

const plainKeyItem = /^[-*+][ \t]+([^:[\]`<>]+?)[ \t]*:(?!\/\/)[ \t]*(.*?)[ \t]*$/;
// `* **Key:** value`, `* **Key**: value`, and `* **Key:**: value` as some templates write it.
const boldKeyItem = /^[-*+][ \t]+(\*\*|__)([^*_:[\]`<>]+?)[ \t]*(:?)\1[ \t]*(:?)(?!\/\/)[ \t]*(.*?)[ \t]*$/;

/** A `Key: value` list item: the key as written, without emphasis or colon, and the value. */
function matchKeyItem(text: string): { key: string; value: string } | null {
  const bold = boldKeyItem.exec(text);
  if (bold && (bold[3] !== "" || bold[4] !== "")) return { key: bold[2]!, value: bold[5]! };
  const plain = plainKeyItem.exec(text);
  return plain ? { key: plain[1]!, value: plain[2]! } : null;
}
const nestedItem = /^([ \t]+)[-*+][ \t]+(.*?)[ \t]*$/;

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

/** Reads the list form, after any blank lines, HTML comments and one heading at the top. */
function parseMetadataList(lines: LineList, from: number): Metadata {
  let i = skipComments(lines, skipBlank(lines, from));
  if (/^#{1,6}[ \t]/.test(lines.at(i) ?? "")) i = skipComments(lines, skipBlank(lines, i + 1));
  const entries: MetadataEntry[] = [];
  const startLine = i + 1;
  while (i < lines.length) {
    const text = lines.at(i)!;
    const key = matchKeyItem(text);
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
    if (last && text.trim() === "" && matchKeyItem(lines.at(skipBlank(lines, i)) ?? "") !== null) {
      i = skipBlank(lines, i);
      continue;
    }
    break;
  }
  if (entries.length === 0) return noMetadata;
  return { form: "list", entries, errors: [], startLine, endLine: entries.at(-1)!.endLine };
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
          if (!YAML.isScalar(item) || !item.range) continue;
          const pos = at(item.range[0]);
          entry.items.push(toValue(String(item.value ?? ""), pos.line, pos.column));
          entry.endLine = pos.line;
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

type YamlModule = typeof import("yaml");
let yaml: YamlModule | undefined;
// Loaded on first use: most RFC repositories use the list form, and `yaml` costs ~50 ms to load.
function loadYaml(): YamlModule {
  yaml ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yaml;
}
