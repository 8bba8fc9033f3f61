import { posix } from "node:path";
import type { CompletionItem } from "vscode-languageserver";
import { toKnownRow } from "../authoring/list-rfcs.ts";
import { allSections, lineText, type RfcDocument } from "../model/document.ts";
import { findEntryFor, foldKey, foldKeys } from "../model/key-fact.ts";
import { spellKeyLike } from "../model/metadata.ts";
import type { Position } from "../model/position.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { findMissingSections } from "./missing-sections.ts";
import { findFile } from "./resolve-link.ts";

// The protocol's numbers (CompletionItemKind, InsertTextFormat).
const kinds = { property: 10, file: 17, reference: 18, value: 12, snippet: 15 } as const;
const snippetFormat = 2;

/** What completion is computed from. */
export interface CompletionInput {
  repo: Repository;
  rfc: Rfc;
  path: string;
  doc: RfcDocument;
  at: Position;
  /** Whether the editor takes snippets (`${1:placeholder}`). */
  snippets: boolean;
}

/**
 * Completions at a place, by what is being written there: a link's target after `](` (other
 * RFCs, titled, then their anchors after `#`), a heading after `#` at the start of a line (the
 * template sections the RFC lacks, in template order), a date after `Start Date:` or
 * `Last Updated:` (today), or a key on a line of the metadata header (the template's keys the
 * RFC lacks, with the template's value to replace).
 */
export function toCompletions(input: CompletionInput): CompletionItem[] {
  const { doc, at } = input;
  const line = lineText(doc, at.line);
  const before = line.slice(0, at.column - 1);
  const target = /(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*)([^\s)>]*)$/.exec(before);
  if (target) return completeLinkTarget(input, target[1]!, line);
  const heading = /^ {0,3}#{1,6}(?: [^#]*)?$/.exec(before);
  if (heading && !inHeader(doc, at.line)) return completeHeading(input, line);
  const date = /^\s*(?:[-*+]\s+|\|\s*)?\**([^:|*]+?)\**\s*(?::\**|\|)\s*(\S*)$/.exec(before);
  if (date && isDateKey(input, date[1]!)) return completeDate(input, date[2]!);
  if (inHeader(doc, at.line) && /^\s*(?:[-*+]\s+)?[\w ()-]*$/.test(before)) return completeKeys(input, line);
  return [];
}

function completeLinkTarget(input: CompletionInput, typed: string, line: string): CompletionItem[] {
  const { repo, path, doc, at } = input;
  const start = at.column - 1 - typed.length;
  const end = at.column - 1 + (/^[^\s)>]*/.exec(line.slice(at.column - 1))?.[0].length ?? 0);
  const range = { start: { line: at.line - 1, character: start }, end: { line: at.line - 1, character: end } };
  const hash = typed.indexOf("#");
  const folder = posix.dirname(path);
  if (hash !== -1) {
    const written = typed.slice(0, hash);
    const targetPath = written === "" ? path : posix.normalize(posix.join(folder, written));
    const targetDoc = written === "" ? doc : findFile(repo, targetPath).file?.document;
    if (!targetDoc) return [];
    return allSections(targetDoc.sections).map((section, i) => ({
      label: `${written}#${section.slug}`,
      kind: kinds.reference,
      detail: section.title,
      sortText: String(i).padStart(5, "0"),
      filterText: `${written}#${section.slug}`,
      textEdit: { range, newText: `${written}#${section.slug}` },
    }));
  }
  return repo.rfcs
    .filter((rfc) => rfc.path !== input.rfc.path)
    .map((rfc) => {
      const relative = posix.relative(folder, rfc.path);
      const title = toKnownRow(repo, rfc).title;
      // Titled as the book and `rfc list` title it; found by its path or its title.
      return { label: title, kind: kinds.file, detail: relative, filterText: `${relative} ${title}`, textEdit: { range, newText: relative } };
    });
}

function completeHeading(input: CompletionInput, line: string): CompletionItem[] {
  const { repo, rfc, doc, at } = input;
  if (input.path !== rfc.path) return [];
  const range = { start: { line: at.line - 1, character: 0 }, end: { line: at.line - 1, character: line.length } };
  return findMissingSections(repo, rfc, doc).map((missing, i) => {
    const anchor = missing.wanted.hasAnchor ? `${doc.lineEnding}[${missing.wanted.anchorLabel ?? missing.wanted.slug}]: #${missing.wanted.slug}` : "";
    return {
      label: missing.heading,
      kind: kinds.snippet,
      detail: missing.optional ? "template section (optional)" : "template section",
      sortText: String(i).padStart(5, "0"),
      filterText: missing.heading,
      textEdit: { range, newText: `${missing.heading}${anchor}` },
    };
  });
}

function isDateKey(input: CompletionInput, key: string): boolean {
  const folded = foldKey(key.replace(/\*/g, ""));
  if (folded === "start date" || folded === "last updated") return true;
  const wanted = input.rfc.schema.metadata.find((k) => foldKey(k.key) === folded);
  return wanted !== undefined && /YYYY-MM-DD/i.test(wanted.placeholder);
}

function completeDate(input: CompletionInput, typed: string): CompletionItem[] {
  const { at, repo } = input;
  const range = { start: { line: at.line - 1, character: at.column - 1 - typed.length }, end: { line: at.line - 1, character: at.column - 1 } };
  return [{ label: repo.today, kind: kinds.value, detail: "today", textEdit: { range, newText: repo.today } }];
}

/** Whether a line is in the metadata header, or where one goes (above the first section) when there is none. */
function inHeader(doc: RfcDocument, line: number): boolean {
  const { metadata } = doc;
  if (metadata.form === "none") return doc.sections.every((s) => s.level === 1 || s.line > line) && (doc.sections.find((s) => s.level > 1)?.line ?? Infinity) > line;
  if (metadata.form === "front-matter") return line > metadata.startLine && line < metadata.endLine;
  return line >= metadata.startLine && line <= metadata.endLine + 1;
}

function completeKeys(input: CompletionInput, line: string): CompletionItem[] {
  const { rfc, doc, at, snippets } = input;
  const { metadata } = doc;
  const templateKeys = foldKeys(rfc.schema.metadata);
  const missing = rfc.schema.metadata.filter((k) => !findEntryFor(metadata, k.key, templateKeys));
  const range = { start: { line: at.line - 1, character: 0 }, end: { line: at.line - 1, character: line.length } };
  const listMark = /^\s*([-*+])\s/.exec(line)?.[1] ?? "-";
  return missing.map((wanted, i) => {
    const key = spellKeyLike(wanted.key, metadata);
    const value = wanted.placeholder.trim();
    const shown = snippets ? `\${1:${escapeSnippet(value)}}` : value;
    const write = (v: string) =>
      metadata.form === "front-matter" || metadata.form === "code" ? `${key}: ${v}` : metadata.form === "table" ? `| ${key} | ${v} |` : `${listMark} ${key}: ${v}`;
    return {
      label: key,
      kind: kinds.property,
      detail: value === "" ? "template key" : `template key: ${value}`,
      sortText: String(i).padStart(5, "0"),
      filterText: write(value),
      textEdit: { range, newText: write(shown) },
      ...(snippets ? { insertTextFormat: snippetFormat } : {}),
    };
  });
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
