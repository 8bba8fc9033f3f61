import { deflateRawSync } from "node:zlib";
import type { Book, Chapter, Page, SearchSection } from "../types.ts";
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
 * `rfc build` makes each page's part of the index where the page is rendered.
 */
export interface SearchPage {
  out: string;
  title: string;
  /** The title's words and the feature name and number, weighted as a title. */
  titleTerms: string;
  markdown: string;
  /** Every section shown (the blanked title's heading left out), in order: each is a document of the index, after the page's top. */
  sections: SearchSection[];
  /** What the page's part of the index is kept by (its sections, made once per parsed document). Not sent to a worker. */
  cacheKey?: object;
}

/** The search page of a chapter. */
export function toSearchPage(chapter: Chapter): SearchPage {
  return { ...toSearchHead(chapter), markdown: chapter.markdown };
}

/** The search page of a chapter without its Markdown, which is made each time it is read. */
export function toSearchHead(chapter: Chapter): Omit<SearchPage, "markdown"> {
  const number = chapter.entry.kind === "rfc" && chapter.entry.number ? `${chapter.entry.number} ${String(chapter.entry.number).padStart(4, "0")}` : "";
  const sections = chapter.searchSections;
  return {
    out: chapter.entry.out,
    title: chapter.title,
    titleTerms: [chapter.title, chapter.row?.featureName ?? "", number].join(" "),
    sections,
    ...(sections.length > 0 ? { cacheKey: sections } : {}),
  };
}

/**
 * One page's part of the index, made apart from the others (in a worker thread, by `rfc build`):
 * each document's terms and their weights, the top first, then its sections; and the content of
 * the page's texts file.
 */
export interface PageSearch {
  docs: { terms: string[]; weights: number[] }[];
  packedTexts: string;
}

/** The index's files for these pages (see `renderSearchIndex`). */
export function renderSearchFiles(searchPages: readonly SearchPage[], options: { maxShardPostings?: number } = {}): Page[] {
  const index = new SearchIndexBuilder(searchPages);
  const texts = searchPages.map((page, at) => {
    const part = toPageSearch(page);
    index.add(at, part.docs);
    return toTextsFile(at, part);
  });
  return [...index.toFiles(options), ...texts];
}

/**
 * The index of a book, filled page by page in any order: each page's documents have their
 * numbers from the start (the pages' sections say how many each has), so the files are the same
 * bytes whatever order the pages' parts arrive in.
 */
export class SearchIndexBuilder {
  private readonly meta: SearchMeta;
  private readonly firstDoc: number[] = [];
  /** Term → its postings, documents in the order added. */
  private readonly postings = new Map<string, PostingList>();

  constructor(pages: readonly Pick<SearchPage, "out" | "title" | "sections">[]) {
    this.meta = { pages: pages.map((p) => [p.out, p.title]), docs: [], shards: [] };
    pages.forEach((page, at) => {
      this.firstDoc.push(this.meta.docs.length);
      this.meta.docs.push([at, "", page.title], ...page.sections.map((s): [number, string, string] => [at, s.slug, s.title]));
    });
  }

  /** Adds page `at`'s documents. */
  add(at: number, docs: PageSearch["docs"]): void {
    docs.forEach((doc, i) => {
      const id = this.firstDoc[at]! + i;
      doc.terms.forEach((term, t) => {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = new PostingList()));
        list.add(id, doc.weights[t]!);
      });
    });
  }

  /** `meta.js` and the shards, once every page is added. */
  toFiles(options: { maxShardPostings?: number } = {}): Page[] {
    const shards = toShards([...this.postings.keys()].sort(), this.postings, options.maxShardPostings ?? maxShardPostings);
    const meta: SearchMeta = { ...this.meta, shards: shards.map((terms) => terms[0]!) };
    const files: Page[] = [{ path: `${searchDir}/meta.js`, html: toScript("meta", meta) }];
    shards.forEach((terms, index) => {
      const shard: Shard = {};
      for (const term of terms) shard[term] = toGaps(this.postings.get(term)!.inDocOrder());
      files.push({ path: `${searchDir}/${toShardFile(index)}`, html: toScript(`t-${index}`, encodePacked(shard)) });
    });
    return files;
  }
}

/** Page `at`'s texts file (`x-<at>.js`): its documents' texts, for the snippets a search shows. */
export function toTextsFile(at: number, part: PageSearch): Page {
  return { path: `${searchDir}/x-${at}.js`, html: toScript(`x-${at}`, part.packedTexts) };
}

/** A page's part of the index, cached by its sections (one array per parsed document) with the title it was made for. */
interface CachedPart {
  key: string;
  part: PageSearch;
}

// `rfc serve` makes the index again after edits, from documents mostly unchanged: a page's
// part is kept by its sections, made once per document, so only the edited pages' are made again.
const partsByKey = new WeakMap<object, CachedPart>();

/** A page's documents, their weighted terms and its texts file's content. */
export function toPageSearch(page: SearchPage): PageSearch {
  const { cacheKey } = page;
  const key = `${page.title}\n${page.titleTerms}`;
  const known = cacheKey ? partsByKey.get(cacheKey) : undefined;
  if (known?.key === key) return known.part;
  const docs = toDocs(page);
  const part: PageSearch = {
    docs: docs.map((d) => ({ terms: [...d.weights.keys()], weights: [...d.weights.values()] })),
    packedTexts: encodePacked(docs.map((d) => d.text)),
  };
  if (cacheKey) partsByKey.set(cacheKey, { key, part });
  return part;
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
function toShards(terms: readonly string[], postings: ReadonlyMap<string, PostingList>, maxPostings: number): string[][] {
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
    size += postings.get(term)!.size;
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

/**
 * A term's postings, `[doc, weight, doc, weight, …]` in a typed array that grows by doubling: a
 * book of 10,000 RFCs has millions of postings, which plain arrays hold at twice the size.
 */
class PostingList {
  private data = new Uint32Array(4);
  /** Postings held (pairs). */
  size = 0;

  add(doc: number, weight: number): void {
    if (this.size * 2 === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size * 2] = doc;
    this.data[this.size * 2 + 1] = weight;
    this.size++;
  }

  /** The postings with their documents in increasing order (added out of order, they may not be). */
  inDocOrder(): number[] {
    const list = Array.from(this.data.subarray(0, this.size * 2));
    let sorted = true;
    for (let i = 2; i < list.length && sorted; i += 2) sorted = list[i - 2]! < list[i]!;
    if (sorted) return list;
    const pairs: [number, number][] = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
    return pairs.sort((a, b) => a[0] - b[0]).flat();
  }
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
function toDocs(page: SearchPage): SearchDoc[] {
  const lines = page.markdown.split(/\r?\n/);
  const firstLine = page.sections[0]?.line ?? lines.length + 1;
  const top: SearchDoc = { slug: "", heading: page.title, text: toPlainText(lines.slice(0, firstLine - 1)), weights: new Map() };
  addTerms(top.weights, top.text, 1, maxBodyWeight);
  addTerms(top.weights, page.titleTerms, titleWeight, Infinity);
  const docs = [top];
  for (const section of page.sections) {
    const body = section.bodyEnd >= section.bodyStart ? lines.slice(section.bodyStart - 1, section.bodyEnd) : [];
    const doc: SearchDoc = { slug: section.slug, heading: section.title, text: toPlainText(body), weights: new Map() };
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
