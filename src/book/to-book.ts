import path from "node:path";
import { toRfcRows, type RfcRow } from "../authoring/list-rfcs.ts";
import { readRfcTitle } from "../model/rfc-title.ts";
import { allSections, type ContentProblem, type DocumentHeader, type RfcDocument } from "../model/document.ts";
import type { MetadataValue } from "../model/metadata.ts";
import type { MarkdownFile, Repository } from "../model/repository.ts";
import { encodePath } from "./url-policy.ts";
import { ownCopy } from "../model/own-copy.ts";
import { loadYaml } from "../markdown/load-yaml.ts";
import { toAssets } from "./to-assets.ts";
import { outlineEntries } from "./summary.ts";
import type { Book, BookPages, Chapter, HeaderField, HeaderValue, PageRef, SearchSection, Summary, SummaryEntry } from "./types.ts";

/**
 * Loads the book the summary describes (mdBook's `load.rs`): one chapter per page with its title,
 * header, body and neighbours, the rows of the RFC index, and the assets to copy. Pure: the pages
 * that are not RFCs (the README, the guidelines) are read by the caller (`readBookPages`).
 */
export function toBook(summary: Summary, repo: Repository, options: { pages: BookPages }): Book {
  // The same facts `rfc list` shows; no rules, since the book shows no stage gate.
  const rows = new Map(toRfcRows(repo, { rules: [] }).map((row) => [row.path, row]));
  const files = new Map<string, MarkdownFile>();
  const rfcs = new Map(repo.rfcs.map((rfc) => [rfc.path, rfc]));
  for (const rfc of repo.rfcs) {
    files.set(rfc.path, rfc);
    for (const sub of rfc.subChapters) files.set(sub.path, sub);
  }
  for (const page of [...(options.pages.intro ? [options.pages.intro] : []), ...options.pages.pages]) files.set(page.path, page);

  const entries = outlineEntries(summary.outline);
  const { gitRepositoryUrl, editUrlTemplate, branch, gitPrefix } = summary.settings;
  const toEditUrl = (source: string): string | null => {
    const inGit = encodePath(gitPrefix + source);
    if (editUrlTemplate) return editUrlTemplate.replace("{path}", inGit);
    return gitRepositoryUrl ? `${gitRepositoryUrl}/edit/${encodePath(branch)}/${inGit}` : null;
  };
  const chapters = entries.map((entry): Chapter => {
    const file = files.get(entry.source)!;
    const row = entry.kind === "rfc" ? (rows.get(entry.source) ?? null) : null;
    const doc = file.document;
    const rfc = entry.kind === "rfc" ? rfcs.get(entry.source) : undefined;
    // The title is shown by the layout: its line in the text is blanked, wherever the title was read.
    const titleLine = rfc ? readRfcTitle(rfc).line : doc ? (toPageTitle(doc)?.line ?? null) : null;
    // Only RFCs have a metadata header; a README or guideline that opens with a list keeps it as text.
    const hasHeader = entry.kind === "rfc" || entry.kind === "sub-chapter";
    const parts = doc ? toDocumentParts(doc, titleLine, hasHeader) : null;
    const chapter: Omit<Chapter, "markdown"> = {
      entry,
      title: ownCopy(toTitle(entry, doc, row, summary.settings.title)),
      titleId: titleLine === null || !doc ? null : (parts?.slugByLine.get(titleLine) ?? (doc.title?.line === titleLine ? doc.title.slug : null)),
      file,
      header: parts?.header ?? [],
      row,
      slugByLine: parts?.slugByLine ?? new Map(),
      sections: parts?.sections ?? [],
      searchSections: parts?.searchSections ?? [],
      diagrams: parts?.diagrams ?? [],
      previous: null,
      next: null,
      editUrl: toEditUrl(entry.source),
      referencedBy: [],
    };
    // Made from the file's text each time it is read, not kept: a book of 10,000 RFCs would hold a
    // second copy of every file's text (about 160 MB) for as long as it is built. Read through
    // the file, not this document, which `rfc build` lets go of once the model is made.
    return Object.defineProperty(chapter, "markdown", { enumerable: true, get: toMarkdownReader(file, doc !== null, titleLine, hasHeader) }) as Chapter;
  });
  const refs: PageRef[] = chapters.map((c) => ({ out: c.entry.out, title: c.title }));
  chapters.forEach((chapter, index) => {
    chapter.previous = refs[index - 1] ?? null;
    chapter.next = refs[index + 1] ?? null;
  });

  return {
    settings: summary.settings,
    places: summary.places,
    outline: summary.outline,
    chapters,
    rows: summary.rfcs.flatMap((e) => {
      const row = rows.get(e.source);
      return row ? [{ row, out: e.out }] : [];
    }),
    assets: toAssets(repo, chapters, summary.places),
    outBySource: new Map(entries.map((e) => [e.source, e.out])),
    files: repo.files,
    rfcDirs: repo.layout.rfcDirs.map((d) => d.path),
  };
}

/** The chapter's Markdown getter: made apart from `toBook`'s loop so that it holds the file, not its document. */
function toMarkdownReader(file: MarkdownFile, hasText: boolean, titleLine: number | null, hasHeader: boolean): () => string {
  const notice = toProblemNotice(file.problem);
  return () => {
    const header = hasText ? file.header : null;
    return header ? toBody(header, titleLine, hasHeader) : notice;
  };
}

/**
 * A copy of `chapter` with `changes`, for preprocessors: a spread would read the chapter's
 * Markdown and keep it, where the chapter makes it when read.
 */
export function withChanges(chapter: Chapter, changes: Partial<Omit<Chapter, "markdown">>): Chapter {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(chapter), ...Object.getOwnPropertyDescriptors(changes) }) as Chapter;
}

/** What a chapter takes from its document alone (its Markdown is made when read: see `toBook`). */
interface DocumentParts {
  header: HeaderField[];
  slugByLine: Map<number, string>;
  sections: Chapter["sections"];
  searchSections: SearchSection[];
  diagrams: string[];
}

// `rfc serve` loads the book again after every edit, with the unchanged documents as they were:
// their parts are kept, so only the edited page's are made again.
const partsByDocument = new WeakMap<RfcDocument, DocumentParts & { titleLine: number | null; hasHeader: boolean }>();

function toDocumentParts(doc: RfcDocument, titleLine: number | null, hasHeader: boolean): DocumentParts {
  let parts = partsByDocument.get(doc);
  if (!parts || parts.titleLine !== titleLine || parts.hasHeader !== hasHeader) {
    parts = {
      titleLine,
      hasHeader,
      header: hasHeader ? toHeader(doc) : [],
      slugByLine: toSlugByLine(doc),
      // The title's heading is blanked in the Markdown (the layout shows it): not a section to search.
      searchSections: allSections(doc.sections).filter((s) => s.line !== titleLine).map((s) => ({ slug: ownCopy(s.slug), title: ownCopy(s.title), line: s.line, bodyStart: s.bodyStart, bodyEnd: s.bodyEnd })),
      diagrams: doc.codeBlocks.filter((block) => block.lang.toLowerCase() === "mermaid").map((block) => ownCopy(block.content)),
      // A page with a table of contents of its own (Rust's README) does not get a second one.
      sections: hasOwnContents(doc)
        ? []
        : allSections(doc.sections)
            .filter((s) => s.level <= 3)
            .map((s) => ({ title: ownCopy(s.title), slug: ownCopy(s.slug), level: s.level })),
    };
    partsByDocument.set(doc, parts);
  }
  return parts;
}

function toTitle(entry: SummaryEntry, doc: RfcDocument | null, row: RfcRow | null, bookTitle: string): string {
  if (row) return row.title;
  const title = doc ? toPageTitle(doc) : null;
  if (title) return title.text;
  if (entry.title) return entry.title;
  if (entry.kind === "intro") return bookTitle;
  return path.posix.basename(entry.source, ".md").replace(/[-_]+/g, " ");
}

/**
 * The Markdown to render: the title and the metadata header are shown by the layout, so their
 * lines are blanked (not removed, so line numbers still match the model's heading ids).
 */
function toBody(doc: DocumentHeader, titleLine: number | null, hasHeader: boolean): string {
  // Cut and joined rather than split into lines: a build reads every page's body twice or more.
  let text = doc.source.includes("\r\n") ? doc.source.replace(/\r\n/g, "\n") : doc.source;
  const blank = (first: number, last: number) => {
    const start = lineOffset(text, first);
    if (start === -1) return;
    let end = start;
    for (let line = first; line <= last && end < text.length; line++) {
      const newline = text.indexOf("\n", end);
      end = newline === -1 ? text.length : line === last ? newline : newline + 1;
    }
    text = text.slice(0, start) + "\n".repeat(countNewlines(text, start, end)) + text.slice(end);
  };
  if (titleLine !== null && titleLine >= 1) blank(titleLine, titleLine);
  // Front matter is never text to show; a list or table is, on a page without a header.
  if (doc.metadata.form === "front-matter" || (hasHeader && doc.metadata.form !== "none")) blank(Math.max(1, doc.metadata.startLine), doc.metadata.endLine);
  return text;
}

/** Where 1-based line `line` of `text` starts; -1 past the end. */
function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let at = 1; at < line; at++) {
    const newline = text.indexOf("\n", offset);
    if (newline === -1) return -1;
    offset = newline + 1;
  }
  return offset;
}

function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", start); at !== -1 && at < end; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * The page's title: the model's, else a lone level-1 heading that comes first (the model takes no
 * title from a file with one heading, but a sub-chapter like `# Notes` has one).
 */
function toPageTitle(doc: RfcDocument): { text: string; line: number } | null {
  if (doc.title) return doc.title;
  const first = doc.sections[0];
  return first && first.level === 1 && doc.sections.length === 1 && first.children.length === 0 ? { text: first.title, line: first.line } : null;
}

/** True when three or more links of the page lead to its own headings: it has its own table of contents. */
function hasOwnContents(doc: RfcDocument): boolean {
  const own = new Set(allSections(doc.sections).map((s) => s.slug));
  return doc.links.filter((link) => link.kind === "link" && link.href.startsWith("#") && own.has(decodeFragment(link.href.slice(1)))).length >= 3;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function toSlugByLine(doc: RfcDocument): Map<number, string> {
  return new Map(allSections(doc.sections).map((s) => [s.line, ownCopy(s.slug)]));
}

/**
 * The metadata header: each value as the inline Markdown it was written in (`Backend PR:
 * [org/repo#4039](…)`, text with links), rendered with the page. A YAML map or list in front
 * matter becomes nested values, `key: value` each, not its YAML text.
 */
function toHeader(doc: RfcDocument): HeaderField[] {
  return doc.metadata.entries.map((entry) => ({
    key: ownCopy(entry.key),
    values: [{ value: entry.value, isItem: false }, ...entry.items.map((value) => ({ value, isItem: true }))]
      .filter(({ value }) => value.raw.trim() !== "")
      .flatMap(({ value, isItem }) => toHeaderValues(value, doc.metadata.form, isItem)),
  }));
}

/** A value as written; in front matter, a YAML map's pairs (one line for a map that is a list's item) or a list's items. */
function toHeaderValues(value: MetadataValue, form: RfcDocument["metadata"]["form"], isItem: boolean): HeaderValue[] {
  const raw = value.raw.trim();
  if (form === "front-matter" && value.shape.kind === "text" && /[:\n]|^\[|^\{/.test(raw)) {
    // The text starts at the value: its first line goes back to its column, so YAML reads the indentation as written.
    const structured = toStructured(parseYaml(" ".repeat(Math.max(0, value.column - 1)) + raw));
    if (structured && isItem && structured.every((v) => v.children.length === 0)) return [{ markdown: structured.map((v) => v.markdown).join(", "), children: [] }];
    if (structured) return structured;
  }
  return [{ markdown: ownCopy(raw), children: [] }];
}

/** A YAML value as header values: a map's pairs `key: value`, a list's items; null for a plain scalar. */
function toStructured(data: unknown): HeaderValue[] | null {
  const scalar = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? null : String(v));
  if (Array.isArray(data)) return data.map((item) => ({ markdown: scalar(item) ?? "", children: scalar(item) === null ? (toStructured(item) ?? []) : [] }));
  if (data !== null && typeof data === "object") {
    return Object.entries(data as Record<string, unknown>).map(([key, v]) => {
      const text = scalar(v);
      return text === null ? { markdown: `${key}:`, children: toStructured(v) ?? [] } : { markdown: `${key}: ${text}`, children: [] };
    });
  }
  return null;
}

function parseYaml(text: string): unknown {
  try {
    return loadYaml().parse(text);
  } catch {
    return null;
  }
}


/** Why a file's text could not be read, as the end of a sentence. */
const problemReasons: Record<ContentProblem["kind"], string> = {
  empty: "the file is empty",
  "not-utf8": "the file is not UTF-8 text",
  "cr-only": "the file's lines end with a carriage return alone",
  "too-large": "the file is larger than the repository's limit (max-file-bytes)",
  "symlink-outside": "the file is a symbolic link that leads outside the repository",
  "symlink-hidden": "the file is a symbolic link to a hidden path",
  unreadable: "the file cannot be read",
};

/** What the page of a file that could not be read says, so a reader learns why it is empty. */
function toProblemNotice(problem: ContentProblem | null): string {
  return problem ? `*This page's text is not in the book: ${problemReasons[problem.kind]}.*\n` : "";
}
