// The search itself, over the index `rfc build` writes (src/book/search/search-index.ts). Shared
// by the reader's browser (src/client/search.ts bundles it) and the tests. Pure: no Node, no DOM.
import { isIndexed, toTerm, wordPattern } from "./terms.ts";

/** `_rfckit/search/meta.js`: the pages, the sections (the documents searched) and the shard keys. */
export interface SearchMeta {
  /** Every page: output path and title. */
  pages: [out: string, title: string][];
  /**
   * Every section, in page order: its page, its heading's anchor ("" for the page's top) and its
   * heading. A page's sections are consecutive; its text file holds their texts in that order.
   */
  docs: [page: number, slug: string, heading: string][];
  /**
   * The first term of each shard, sorted: shards hold consecutive ranges of the sorted terms, so a
   * term lives in the last shard whose first term is not after it. Shard `i` is `t-<i>.js`.
   */
  shards: string[];
}

/**
 * A shard (`t-<i>.js`): term → postings, flattened as `[doc gap, weight, doc gap, weight, …]`
 * with documents in increasing order (gaps are small numbers, which keeps the files small).
 */
export type Shard = Record<string, number[]>;

/**
 * Reads a shard or a page's texts file: JSON compressed with raw deflate, written in base64. These
 * files are the book's largest part after its pages (every RFC's words are in both); compressed,
 * they take a third of the room on disk and on hosts that do not compress. Uses the web's own
 * `DecompressionStream`, in browsers and in Node alike.
 */
export async function decodePacked<T>(encoded: string): Promise<T> {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text();
  return JSON.parse(text) as T;
}

/** A query cut into terms; the last is also matched as a prefix while the reader is still typing it. */
export interface ParsedQuery {
  terms: string[];
  /** The last term, when it may be unfinished (the query does not end with a space). */
  prefix: string | null;
}

/** One result: a section, its page, and the terms of the index it matched (for highlighting). */
export interface SearchHit {
  doc: number;
  page: number;
  score: number;
  /** How many of the query's terms the section holds; results with more come first. */
  matched: number;
  /** Index terms found in the section, the prefix's completions included. */
  words: string[];
}

/** Cuts a query into index terms; stop words and one-letter words are dropped, as in the index. */
export function parseQuery(query: string): ParsedQuery {
  const terms = [...new Set([...query.matchAll(wordPattern)].map((m) => toTerm(m[0])).filter(isIndexed))];
  const last = terms[terms.length - 1];
  const prefix = last !== undefined && /[\p{L}\p{N}]$/u.test(query) ? last : null;
  return { terms, prefix };
}

/** The shard that would hold `term`: the last whose first term is not after it (-1 for none). */
export function toShardIndex(meta: SearchMeta, term: string): number {
  let low = 0;
  let high = meta.shards.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (meta.shards[middle]! <= term) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The file of shard `index`. */
export function toShardFile(index: number): string {
  return `t-${index}.js`;
}

/** The most shards an unfinished word may pull in; past that, only the completions in its own shard count. */
const maxPrefixShards = 3;

/** The shard files a query needs: one per term, and the next few when the last word's completions span them. */
export function toShardFiles(meta: SearchMeta, query: ParsedQuery): string[] {
  const indexes = new Set<number>();
  for (const term of query.terms) {
    const index = toShardIndex(meta, term);
    if (index >= 0) indexes.add(index);
  }
  if (query.prefix !== null) {
    const first = Math.max(0, toShardIndex(meta, query.prefix));
    const last = toShardIndex(meta, `${query.prefix}\uffff`);
    if (last - first < maxPrefixShards) for (let i = first; i <= last; i++) indexes.add(i);
  }
  return [...indexes].sort((a, b) => a - b).map(toShardFile);
}

/** The most completions of an unfinished word that are searched (the most frequent ones). */
const maxCompletions = 30;

/**
 * Finds the sections that match a query, best first: sections holding more of the query's terms
 * come first, then by score (each term's weight in the section times how rare the term is). At
 * most `perPage` sections of one page are kept, so one long RFC does not fill the list.
 */
export function search(meta: SearchMeta, shards: ReadonlyMap<string, Shard>, query: ParsedQuery, options: { limit: number; perPage: number }): SearchHit[] {
  const total = meta.docs.length;
  const hits = new Map<number, SearchHit>();
  query.terms.forEach((term, index) => {
    const words = [term];
    if (index === query.terms.length - 1 && query.prefix === term) words.push(...completions(shards, term));
    // The best weight of any of the words, per section: a completion does not add to its stem.
    const best = new Map<number, { weight: number; word: string }>();
    for (const word of words) {
      const postings = findPostings(shards, word);
      if (!postings) continue;
      const rarity = Math.log(1 + total / (postings.length / 2));
      let doc = 0;
      for (let i = 0; i < postings.length; i += 2) {
        doc += postings[i]!;
        const weight = postings[i + 1]! * rarity * (word === term ? 1 : 0.8);
        const seen = best.get(doc);
        if (!seen || weight > seen.weight) best.set(doc, { weight, word });
      }
    }
    for (const [doc, { weight, word }] of best) {
      const hit = hits.get(doc) ?? { doc, page: meta.docs[doc]![0], score: 0, matched: 0, words: [] };
      hit.score += weight;
      hit.matched += 1;
      hit.words.push(word);
      hits.set(doc, hit);
    }
  });
  const ranked = [...hits.values()].sort((a, b) => b.matched - a.matched || b.score - a.score || a.doc - b.doc);
  const perPage = new Map<number, number>();
  const out: SearchHit[] = [];
  for (const hit of ranked) {
    const count = perPage.get(hit.page) ?? 0;
    if (count >= options.perPage) continue;
    perPage.set(hit.page, count + 1);
    out.push(hit);
    if (out.length >= options.limit) break;
  }
  return out;
}

function findPostings(shards: ReadonlyMap<string, Shard>, term: string): number[] | undefined {
  for (const shard of shards.values()) if (Object.hasOwn(shard, term)) return shard[term];
  return undefined;
}

function completions(shards: ReadonlyMap<string, Shard>, prefix: string): string[] {
  const found: [string, number][] = [];
  for (const shard of shards.values()) {
    for (const [term, postings] of Object.entries(shard)) if (term !== prefix && term.startsWith(prefix)) found.push([term, postings.length]);
  }
  return found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxCompletions).map(([term]) => term);
}

/** A piece of a snippet: plain text, or a matched word to highlight. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * A short extract of a section's text around its first matched word, with every matched word
 * marked. Parts are plain text: the caller shows them with `textContent`, never as HTML.
 */
export function toSnippet(text: string, words: readonly string[], width = 160): SnippetPart[] {
  const wanted = new Set(words);
  const matches = [...text.matchAll(wordPattern)].filter((m) => wanted.has(toTerm(m[0])));
  const first = matches[0]?.index ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + width);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const parts: SnippetPart[] = [];
  let at = start;
  const push = (part: string, mark: boolean) => {
    if (part) parts.push({ text: part, mark });
  };
  if (start > 0) push("… ", false);
  for (const m of matches) {
    const from = m.index;
    const to = from + m[0].length;
    if (from < start || to > end) continue;
    push(text.slice(at, from), false);
    push(m[0], true);
    at = to;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(" …", false);
  return parts;
}
