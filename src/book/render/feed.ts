import { createHash } from "node:crypto";
import { allSections, type RfcDocument } from "../../model/document.ts";
import { toPlainText } from "../search/search-index.ts";
import type { Book, Chapter, Page } from "../types.ts";
import { encodePath } from "../url-policy.ts";
import { escapeXml } from "./escape.ts";

/** The feed's path relative to the book root, linked from every page's head and the RFC index. */
export const feedPath = "feed.xml";

/**
 * How many RFCs the feed lists. A reader fetches the whole file on every poll and only shows
 * what is new, so the feed holds the recent changes and the book's index holds the rest: 50
 * entries keep the Rust RFCs' feed at 30 kB (8 kB gzip), against some 380 kB for all 629 dated.
 */
export const maxFeedEntries = 50;

/** Longest summary, in characters, before it is cut at a word and ends with `…`. */
const maxSummaryLength = 300;

/** The feed's `updated` when no RFC has a date: fixed, since the build time would change the bytes. */
const noDate = "1970-01-01T00:00:00Z";

/** One RFC as the feed lists it; the summary is read only for the entries kept. */
interface FeedEntry {
  chapter: Chapter;
  id: string;
  title: string;
  href: string;
  updated: string;
  published: string | null;
  status: string;
}

/**
 * The book's Atom 1.0 feed (RFC 4287), `feed.xml` at the book root: one entry per RFC (drafts
 * included; not the introduction or sub-chapters), newest `Last Updated` (else `Start Date`)
 * first, at most `maxFeedEntries`. An RFC with neither date is left out: Atom requires an
 * `updated` date and any date made up for it would be wrong, or change from build to build.
 * Links are absolute when `site-url` is an absolute http(s) URL, or a path on a GitHub repository
 * (its Pages address, `https://<owner>.github.io/<path>`), else relative to the feed itself,
 * which readers resolve against the address they fetched it from. Ids are `urn:uuid:` names
 * derived from the repository URL (else the title) and the RFC's path, so they stay the same when
 * the book moves. The same book gives the same bytes: the feed's `updated` is its newest entry's.
 */
export function renderFeed(book: Book): Page {
  const { settings } = book;
  const base = toAbsoluteBase(settings.siteUrl, settings.gitRepositoryUrl);
  const identity = settings.gitRepositoryUrl ?? settings.title;
  const entries = book.chapters
    .flatMap((chapter) => {
      const entry = toFeedEntry(chapter, base, identity);
      return entry ? [entry] : [];
    })
    .sort(compareEntries)
    .slice(0, maxFeedEntries)
    .map((entry) => ({ ...entry, summary: toSummaryText(entry.chapter) }));
  const listOut = book.places.list;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${toUuidUrn(`${identity}#${feedPath}`)}</id>`,
    `  <title>${escapeXml(settings.title)}</title>`,
    `  <subtitle>RFCs by last update</subtitle>`,
    `  <updated>${entries[0]?.updated ?? noDate}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(base + feedPath)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(base + listOut)}"/>`,
    `  <author><name>${escapeXml(settings.title)}</name></author>`,
    `  <generator>rfckit</generator>`,
    ...entries.flatMap(renderEntry),
    `</feed>`,
    ``,
  ];
  return { path: feedPath, html: lines.join("\n") };
}

function renderEntry(entry: FeedEntry & { summary: string }): string[] {
  return [
    `  <entry>`,
    `    <id>${entry.id}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.href)}"/>`,
    ...(entry.published ? [`    <published>${entry.published}</published>`] : []),
    `    <updated>${entry.updated}</updated>`,
    `    <category term="${escapeXml(entry.status)}"/>`,
    ...(entry.summary ? [`    <summary>${escapeXml(entry.summary)}</summary>`] : []),
    `  </entry>`,
  ];
}

function toFeedEntry(chapter: Chapter, base: string, identity: string): FeedEntry | null {
  const row = chapter.row;
  if (chapter.entry.kind !== "rfc" || row === null) return null;
  const published = toTimestamp(row.startDate);
  const updated = toTimestamp(row.lastUpdated) ?? published;
  if (updated === null) return null;
  return {
    chapter,
    id: toUuidUrn(`${identity}#${chapter.entry.source}`),
    title: chapter.title,
    href: base + encodePath(chapter.entry.out),
    updated,
    published,
    status: row.status,
  };
}

/** Newest first; equal dates by newest start, then by path, so the order never depends on input order. */
function compareEntries(a: FeedEntry, b: FeedEntry): number {
  if (a.updated !== b.updated) return a.updated < b.updated ? 1 : -1;
  const pa = a.published ?? "";
  const pb = b.published ?? "";
  if (pa !== pb) return pa < pb ? 1 : -1;
  return a.href < b.href ? -1 : a.href > b.href ? 1 : 0;
}

/** The base of the feed's links: an absolute http(s) `site-url`, else "" (links relative to the feed). */
function toAbsoluteBase(siteUrl: string | null, gitRepositoryUrl: string | null): string {
  if (siteUrl === null) return "";
  if (/^https?:\/\/[^/]/i.test(siteUrl)) return siteUrl;
  // A path, as mdBook configurations give it, on a GitHub repository: the book is its Pages site.
  const owner = gitRepositoryUrl === null ? undefined : /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/[^/]+$/.exec(gitRepositoryUrl)?.[1];
  return owner && siteUrl.startsWith("/") ? `https://${owner.toLowerCase()}.github.io${siteUrl}` : "";
}

/** `YYYY-MM-DD` as an RFC 3339 timestamp at midnight UTC, or null when it is not a real date. */
function toTimestamp(date: string | null): string | null {
  const match = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March: a date that does not come back unchanged is not real.
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return null;
  return `${date}T00:00:00Z`;
}

/**
 * The RFC's Summary section as plain text, cut to about `maxSummaryLength` characters; without
 * such a section, the first section that has text. "" when the RFC has no text at all.
 */
function toSummaryText(chapter: Chapter): string {
  const doc = chapter.file.document;
  if (!doc) return "";
  const known = summaryByDocument.get(doc);
  if (known !== undefined) return known;
  const summary = toSummaryTextOf(chapter, doc);
  summaryByDocument.set(doc, summary);
  return summary;
}

// `rfc serve` makes the feed again after every edit, from documents mostly unchanged.
const summaryByDocument = new WeakMap<RfcDocument, string>();

function toSummaryTextOf(chapter: Chapter, doc: RfcDocument): string {
  // Comments left from the template are not text a reader sees.
  const lines = chapter.markdown.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, "")).split(/\r?\n/);
  // The title's heading is blanked in the chapter's Markdown: it is not a section.
  const sections = allSections(doc.sections).filter((s) => (lines[s.line - 1] ?? "").trim() !== "");
  const textOf = (s: (typeof sections)[number]) => (s.bodyEnd >= s.bodyStart ? toReadableText(lines.slice(s.bodyStart - 1, s.bodyEnd)) : "");
  const summary = sections.find((s) => /^summary$/i.test(s.title.trim()));
  const text = (summary ? textOf(summary) : "") || sections.map(textOf).find((t) => t !== "") || "";
  return toShortText(text);
}

/**
 * Markdown lines as plain text, without code blocks and with inline code kept as written: the
 * search's plain text drops backticks, `|` and `*` everywhere, which reads badly in a summary.
 */
function toReadableText(lines: readonly string[]): string {
  const spans: string[] = [];
  let fence: string | null = null;
  // A code block is an example, not part of what the RFC says it is about.
  const prose = lines.filter((line) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && open) fence = open;
    else if (fence !== null && open?.startsWith(fence)) fence = null;
    else return fence === null;
    return false;
  });
  // Private-use characters stand in for code spans, which `toPlainText` then leaves alone.
  const marked = prose.map((line) => line.replace(/(`+)(?!`)(.+?)(?<!`)\1(?!`)/g, (_, _ticks: string, code: string) => String.fromCharCode(0xe000 + spans.push(code.trim()) - 1)));
  return toPlainText(marked).replace(/[\ue000-\uf8ff]/g, (c) => spans[c.charCodeAt(0) - 0xe000] ?? c);
}

/** Text cut at the last word boundary before the limit, by code point, so no character is split. */
function toShortText(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= maxSummaryLength) return text;
  const head = chars.slice(0, maxSummaryLength).join("");
  const space = head.lastIndexOf(" ");
  const cut = space > maxSummaryLength / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/, "")}…`;
}

/**
 * A name-based UUID (version 5, RFC 9562, in the URL namespace) as a URN: Atom ids must be
 * absolute IRIs, and the book may have no absolute URL of its own.
 */
function toUuidUrn(name: string): string {
  const namespace = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
