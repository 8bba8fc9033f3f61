import path from "node:path";
import type { Layout } from "../model/layout.ts";

/** The repository's introduction page, when it has a README. */
export const introSource = "README.md";

/** Where the book puts the files of the repository: pages (`.md` → `.html`) and the assets beside them. */
export interface PagePlaces {
  /** The page of a Markdown file, relative to the book's root. */
  page(source: string): string;
  /** The place of an asset (an image), relative to the book's root, where its pages' relative links still find it. */
  asset(source: string): string;
  /** The index of every RFC: `index.html` in a book without introduction, else `rfcs.html`. */
  list: string;
}

/**
 * The book's places for the layout's `book.pages`. `folders`: every file at its own path, the
 * README as `index.html`. `mdbook`: as `generate-book.py` copies the RFC folder flat into mdBook's
 * source folder, a file in an RFC folder (the deepest that holds it) goes to the book's root with
 * its path in that folder (`text/0001-x.md` → `0001-x.html`, `text/0001-x/a.png` → `0001-x/a.png`).
 * Where the repository has its own `SUMMARY.md`, nothing is copied: a file takes its path from the
 * summary's folder (mdBook's source folder), and a `README.md` is its folder's `index.html`, as
 * mdBook makes it. Otherwise the README is `introduction.html`; other files keep their paths.
 */
export function toPagePlaces(layout: Pick<Layout, "rfcDirs" | "book">, options: { hasIntro: boolean }): PagePlaces {
  const list = options.hasIntro ? "rfcs.html" : "index.html";
  if (layout.book.pages === "folders") {
    return { page: (source) => (source === introSource ? "index.html" : toHtml(source)), asset: (source) => source, list };
  }
  const summary = layout.book.summary;
  const bases = (summary === null ? layout.rfcDirs.map((d) => d.path) : [path.posix.dirname(summary)]).filter((d) => d !== ".").sort((a, b) => b.length - a.length);
  const place = (source: string): string => {
    const base = bases.find((b) => source.startsWith(`${b}/`));
    return base === undefined ? source : source.slice(base.length + 1);
  };
  if (summary !== null) return { page: (source) => toIndexHtml(place(source)), asset: place, list };
  return { page: (source) => (source === introSource ? "introduction.html" : toHtml(place(source))), asset: place, list };
}

/** mdBook's page of a file in its source folder: a `README.md` is its folder's `index.html` (mdBook's index preprocessor). */
function toIndexHtml(source: string): string {
  return /(?:^|\/)readme\.md$/i.test(source) ? `${source.slice(0, source.length - "readme.md".length)}index.html` : toHtml(source);
}

function toHtml(source: string): string {
  return `${source.replace(/\.md$/i, "")}.html`;
}
