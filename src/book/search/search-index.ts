import { deflateRawSync } from "node:zlib";
import { allSections } from "../../model/document.ts";
import type { Book, Chapter, Page } from "../types.ts";
import { toShardFile, type SearchMeta, type Shard } from "./query.ts";
import { toTerms } from "./terms.ts";

/** Where the index is written, under the book's `_rfckit/` folder. */
export const searchDir = "_rfckit/search";

/**
 * A shard is closed once it holds this many postings. Sized so a shard of the Rust corpus is
 * about 25 kB gzip: a search loads `meta.js` and a shard per word, never the whole index; a small
 * repository's index is one shard.
 */
const maxShardPostings = 10_000;

// How much a word counts, by where it stands: a title or feature name says what the RFC is about,
// a heading what its section is about. Words of the text count once per use, up to a cap: a word
// repeated many times in one section says little more than a few times, and must not outweigh a
// title.
const titleWeight = 25;
const headingWeight = 8;
const maxBodyWeight = 10;

/** One searched document: a section of a page, its text and its weighted terms. */
interface SearchDoc {
  page: number;
  slug: string;
  heading: string;
  text: string;
  weights: Map<string, number>;
}

/**
 * The search index as script files, so it loads with `<script src>` and works from `file://`
 * (where browsers refuse `fetch`): `meta.js` (pages, sections, shard bounds), `t-<i>.js` (a range
 * of the sorted terms → their sections and weights) and `x-<page>.js` (one page's section texts,
 * compressed, for snippets). A search loads `meta.js`, the shards of its terms and the texts of the pages it
 * shows. Terms and pages are in a fixed order, so the same book gives the same bytes. None where
 * `book.toml` turns the search off (`[output.html.search] enable = false`).
 */
export function renderSearchIndex(book: Book, options: { maxShardPostings?: number } = {}): Page[] {
  return book.settings.search ? renderSearchFiles(book.chapters.map(toSearchPage), options) : [];
}

/**
 * What the index takes from a chapter, as plain data that can be sent to a worker thread:
 * `rfc build` makes the index there while the pages render.
 */
export interface SearchPage {
  out: string;
  title: string;
  /** The title's words and the feature name and number, weighted as a title. */
  titleTerms: string;
  markdown: string;
  /** Every section shown (the blanked title's heading left out), in order. */
  sections: { slug: string; title: string; bodyStart: number; bodyEnd: number; line: number }[];
  /** The chapter's parsed document, when there is one: the key its documents are kept by. Not sent to a worker. */
  document?: object;
}

/** The search page of a chapter. */
export function toSearchPage(chapter: Chapter): SearchPage {
  const number = chapter.entry.kind === "rfc" && chapter.entry.number ? `${chapter.entry.number} ${String(chapter.entry.number).padStart(4, "0")}` : "";
  const sections = chapter.file.document ? allSections(chapter.file.document.sections) : [];
  return {
    out: chapter.entry.out,
    title: chapter.title,
    titleTerms: [chapter.title, chapter.row?.featureName ?? "", number].join(" "),
    markdown: chapter.markdown,
    sections: sections.map((s) => ({ slug: s.slug, title: s.title, bodyStart: s.bodyStart, bodyEnd: s.bodyEnd, line: s.line })),
    ...(chapter.file.document ? { document: chapter.file.document } : {}),
  };
}

/** The index's files for these pages (see `renderSearchIndex`). */
export function renderSearchFiles(searchPages: readonly SearchPage[], options: { maxShardPostings?: number } = {}): Page[] {
  const pageDocs = searchPages.map(toPageDocs);
  const docs = pageDocs.flatMap((parts, page) => parts.docs.map((doc): SearchDoc => ({ ...doc, page })));
  const meta: SearchMeta = { pages: searchPages.map((p) => [p.out, p.title]), docs: docs.map((d) => [d.page, d.slug, d.heading]), shards: [] };

  const postings = new Map<string, number[]>();
  docs.forEach((doc, id) => {
    for (const [term, weight] of doc.weights) {
      const list = postings.get(term) ?? [];
      list.push(id, weight);
      postings.set(term, list);
    }
  });
  const shards = toShards([...postings.keys()].sort(), postings, options.maxShardPostings ?? maxShardPostings);
  meta.shards = shards.map((terms) => terms[0]!);

  const pages: Page[] = [{ path: `${searchDir}/meta.js`, html: toScript("meta", meta) }];
  shards.forEach((terms, index) => {
    const shard: Shard = {};
    for (const term of terms) shard[term] = toGaps(postings.get(term)!);
    pages.push({ path: `${searchDir}/${toShardFile(index)}`, html: toScript(`t-${index}`, encodePacked(shard)) });
  });
  pageDocs.forEach((parts, page) => pages.push({ path: `${searchDir}/x-${page}.js`, html: toScript(`x-${page}`, parts.packedTexts) }));
  return pages;
}

/** A page's documents, without its place in the book, and its texts file's content. */
interface PageDocs {
  /** What the documents take from the chapter besides its document: title, feature name, number. */
  key: string;
  docs: Omit<SearchDoc, "page">[];
  packedTexts: string;
}

// `rfc serve` makes the index again after edits, from documents mostly unchanged: a page's
// documents and packed texts are kept by document, so only the edited pages' are made again.
const docsByDocument = new WeakMap<object, PageDocs>();

function toPageDocs(page: SearchPage): PageDocs {
  const { document } = page;
  const key = `${page.title}\n${page.titleTerms}`;
  const known = document ? docsByDocument.get(document) : undefined;
  if (known?.key === key) return known;
  const docs = toDocs(page);
  const parts = { key, docs, packedTexts: encodePacked(docs.map((d) => d.text)) };
  if (document) docsByDocument.set(document, parts);
  return parts;
}

/**
 * The inverse of `decodePacked`: raw deflate (no header, so no platform byte), in base64. Level 4:
 * on the Rust RFCs' index, 0.2 s and 5.0 MB, where level 9 takes 1.1 s for 4.8 MB.
 */
function encodePacked(value: unknown): string {
  return deflateRawSync(JSON.stringify(value), { level: 4 }).toString("base64");
}

/** Each file sets one entry of a global table, which the page's script reads once the file has run. */
function toScript(name: string, value: unknown): string {
  return `(self.rfckitSearch=self.rfckitSearch||{})[${JSON.stringify(name)}]=${JSON.stringify(value)};\n`;
}

/** The sorted terms cut into consecutive ranges of about `maxPostings` postings each. */
function toShards(terms: readonly string[], postings: ReadonlyMap<string, number[]>, maxPostings: number): string[][] {
  const shards: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const term of terms) {
    if (size >= maxPostings) {
      shards.push(current);
      current = [];
      size = 0;
    }
    current.push(term);
    size += postings.get(term)!.length / 2;
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

function toGaps(list: readonly number[]): number[] {
  const out: number[] = [];
  let previous = 0;
  for (let i = 0; i < list.length; i += 2) {
    out.push(list[i]! - previous, list[i + 1]!);
    previous = list[i]!;
  }
  return out;
}

/**
 * A page's documents: its top (title, feature name, number and the text before the first
 * heading), then one per section at every level, each with the text before its first subsection.
 */
function toDocs(page: SearchPage): Omit<SearchDoc, "page">[] {
  const lines = page.markdown.split(/\r?\n/);
  // The title's heading is blanked in the page's Markdown (the layout shows it): not a section.
  const shown = page.sections.filter((s) => (lines[s.line - 1] ?? "").trim() !== "");
  const firstLine = shown[0]?.line ?? lines.length + 1;
  const top: Omit<SearchDoc, "page"> = { slug: "", heading: page.title, text: toPlainText(lines.slice(0, firstLine - 1)), weights: new Map() };
  addTerms(top.weights, top.text, 1, maxBodyWeight);
  addTerms(top.weights, page.titleTerms, titleWeight, Infinity);
  const docs = [top];
  for (const section of shown) {
    const body = section.bodyEnd >= section.bodyStart ? lines.slice(section.bodyStart - 1, section.bodyEnd) : [];
    const doc: Omit<SearchDoc, "page"> = { slug: section.slug, heading: section.title, text: toPlainText(body), weights: new Map() };
    addTerms(doc.weights, doc.text, 1, maxBodyWeight);
    addTerms(doc.weights, section.title, headingWeight, Infinity);
    docs.push(doc);
  }
  return docs;
}

/** Adds each use of a term in `text`, while the term's weight stays under `max`. */
function addTerms(weights: Map<string, number>, text: string, weight: number, max: number): void {
  for (const term of toTerms(text)) weights.set(term, Math.min(max, (weights.get(term) ?? 0) + weight));
}

/**
 * Markdown lines as the text a reader sees, on one line: link targets, tags, fences and markup
 * characters removed. Rough on purpose: it is for matching words and showing snippets.
 */
export function toPlainText(lines: readonly string[]): string {
  return lines
    // Every pattern is linear in the line: a class that can run to the line's end excludes the
    // character a failed match would restart at (`[` in link text), and no two repeats overlap.
    .filter((line) => !/^\s*(```|~~~|\[[^\]]+\]:\s)/.test(line) && !/^[-|:\s]+$/.test(line))
    .map((line) =>
      line
        .replace(/\[\^[^[\]]*\]/g, "")
        .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, "$1")
        .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, "$1")
        .replace(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/g, " ")
        .replace(/^\s*(?:>\s*)*(?:#{1,6}\s|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?/, "")
        .replace(/[`*|]+/g, " "),
    )
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
