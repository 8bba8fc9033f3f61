import { resolveSource } from "../resolve-source.ts";
import { withChanges } from "../to-book.ts";
import type { Book, Chapter, PageRef, Preprocessor } from "../types.ts";

// `RFC 1234`, `RFC #1234`, `RFC-1234`; four digits at most, so a year or an issue number of
// another project is not taken for an RFC.
const mention = /\bRFC[\s-]?#?(\d{1,4})\b/gi;
// A link to an RFC's file on GitHub or its page in a published book: `…/text/0123-x.md`, `…/0123-x.html`.
const remote = /^https?:\/\/[^/]*github(?:usercontent)?\.(?:com|io)\/.*\/(\d{4})-[^/#?]+\.(?:md|html)(?:[#?].*)?$/i;

/**
 * Fills each RFC's "Referenced by": the other RFCs (their sub-chapters included) that link to it,
 * by a relative link or a GitHub URL, or mention it by number.
 */
export const referencedBy: Preprocessor = {
  name: "referenced-by",
  run(_context, book) {
    const byNumber = new Map<number, Chapter>();
    const bySource = new Map<string, Chapter>();
    for (const chapter of book.chapters) {
      if (chapter.entry.kind !== "rfc") continue;
      bySource.set(chapter.entry.source, chapter);
      if (chapter.entry.number !== null && chapter.entry.number > 0 && !byNumber.has(chapter.entry.number)) byNumber.set(chapter.entry.number, chapter);
    }
    // The RFC a page belongs to: itself, or the RFC whose sub-chapter it is.
    const ownerOf = new Map<string, Chapter>();
    for (const chapter of book.chapters) {
      if (chapter.entry.kind === "rfc") for (const e of [chapter.entry, ...chapter.entry.children]) ownerOf.set(e.source, chapter);
    }
    const citers = new Map<Chapter, Set<Chapter>>();
    for (const page of book.chapters) {
      const owner = ownerOf.get(page.entry.source);
      if (!owner) continue;
      const cited = new Set<Chapter>();
      const { numbers, sources } = toCitations(page);
      for (const number of numbers) {
        const target = byNumber.get(number);
        if (target) cited.add(target);
      }
      for (const source of sources) {
        const target = bySource.get(source);
        if (target) cited.add(target);
      }
      cited.delete(owner);
      for (const target of cited) citers.set(target, (citers.get(target) ?? new Set()).add(owner));
    }
    const order = new Map(book.chapters.map((c, i) => [c, i]));
    const chapters = book.chapters.map((chapter): Chapter => {
      const list = [...(citers.get(chapter) ?? [])].sort((a, b) => order.get(a)! - order.get(b)!);
      return withChanges(chapter, { referencedBy: list.map((c): PageRef => ({ out: c.entry.out, title: c.title })) });
    });
    return { ...book, chapters } satisfies Book;
  },
};

/** What a page cites: RFC numbers (mentioned, or in a GitHub link) and the repository files it links to. */
interface Citations {
  numbers: number[];
  sources: string[];
}

// Kept by document: `rfc serve` runs this again after every edit, on documents mostly unchanged.
const citationsByDocument = new WeakMap<object, { source: string; citations: Citations }>();

function toCitations(page: Chapter): Citations {
  const key = page.file.document;
  const known = key ? citationsByDocument.get(key) : undefined;
  if (known?.source === page.entry.source) return known.citations;
  const numbers = new Set<number>();
  const sources = new Set<string>();
  for (const link of page.file.document?.links ?? []) {
    const fromUrl = remote.exec(link.href);
    if (fromUrl) numbers.add(Number(fromUrl[1]));
    else if (!/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(link.href)) {
      const source = resolveSource(page.entry.source, link.href);
      if (source !== null) sources.add(source);
    }
  }
  for (const m of page.markdown.matchAll(mention)) numbers.add(Number(m[1]));
  const citations = { numbers: [...numbers], sources: [...sources] };
  if (key) citationsByDocument.set(key, { source: page.entry.source, citations });
  return citations;
}
