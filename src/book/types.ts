import type { RfcRow } from "../authoring/list-rfcs.ts";
import type { PagePlaces } from "./page-places.ts";
import type { SummaryFileItem } from "./summary-file.ts";
import type { BookSettings, VideoHostName } from "../model/config.ts";
import type { MarkdownFile, Repository } from "../model/repository.ts";

/** The book's settings: `book.toml` values, overridden by command-line options. */
export interface SiteSettings extends Pick<BookSettings, "description" | "language" | "theme" | "themeClasses" | "smartPunctuation" | "noSectionLabel" | "search" | "print"> {
  /** The repository's stylesheets of `additional-css`, as read and made safe by `readBookPages`, published at their paths. */
  stylesheets: readonly Page[];
  title: string;
  /** Absolute URL or path the book is served under (`/rfcs/`), for canonical links; null when unknown. */
  siteUrl: string | null;
  /** `https://github.com/org/rfcs`, for "Edit this page" and links to files outside the book. */
  gitRepositoryUrl: string | null;
  /** Where the repository root sits in the git repository (`rfcs/`, or "" at the top), for links into it. */
  gitPrefix: string;
  /** The branch "Edit this page" and links to repository files point at. */
  branch: string;
  /** mdBook's `edit-url-template`, whose `{path}` is a file's path in the git repository; null to use the branch. */
  editUrlTemplate: string | null;
  /** Hosts whose videos are shown as click-to-play players (`[rfckit] video-hosts`). */
  videoHosts: readonly VideoHostName[];
  /** Hosts whose images load with the page (`[rfckit] image-hosts`); others wait for a click. */
  imageHosts: readonly string[];
  /** mdBook's `[output.html.redirect]`: pages that send the reader elsewhere. */
  redirects: readonly { from: string; to: string }[];
}

/** The book's pages that are not RFCs, read from the disk, and the `SUMMARY.md` that orders them. */
export interface BookPages {
  /** The README, parsed like an RFC, as the introduction; null when there is none or it cannot be read. */
  intro: MarkdownFile | null;
  /** The repository's own `SUMMARY.md`, parsed; null when it has none. */
  summaryFile: { path: string; items: SummaryFileItem[] } | null;
  /**
   * The other pages: those `SUMMARY.md` lists, or without one the guideline pages, the Markdown
   * files at the root the README links to (not templates, licences or RFCs), in the README's order.
   */
  pages: MarkdownFile[];
  /** The stylesheets `additional-css` names, each with the rules that could fetch or run something removed. */
  stylesheets: Page[];
  /** What could not be read, as sentences naming the file, for `rfc build` to print. */
  warnings: string[];
}

/** One page of the table of contents, before any content is loaded (mdBook's `Summary`). */
export interface SummaryEntry {
  /** Source path relative to the repository root. */
  source: string;
  /** Output path relative to the book root (`0001-x.html`, or `text/0001-x.html`: see `PagePlaces`). */
  out: string;
  /** The README, a page that is not an RFC (a guideline, a chapter `SUMMARY.md` lists), an RFC, or an RFC's sub-chapter. */
  kind: "intro" | "page" | "rfc" | "sub-chapter";
  /** RFC number; 0 for drafts; null for a misnamed file or a non-RFC page. */
  number: number | null;
  /** The title `SUMMARY.md` gives a page that is not an RFC; null to take the page's own. */
  title: string | null;
  /** Sub-chapters of an RFC, in name order. */
  children: SummaryEntry[];
}

/** One line of the table of contents, in reading order (mdBook's `BookItem`). */
export type OutlineItem =
  | {
      kind: "chapter";
      entry: SummaryEntry;
      /** mdBook's section number (`[1, 2]`, shown "1.2."), for a numbered chapter of `SUMMARY.md`; null otherwise. */
      section: number[] | null;
      children: OutlineItem[];
    }
  /** A chapter `SUMMARY.md` names without a file (`[Title]()`), or whose file does not exist: shown, not linked. */
  | { kind: "draft"; title: string; section: number[] | null; children: OutlineItem[] }
  | { kind: "part"; title: string }
  | { kind: "separator" };

/** The table of contents: every page in reading order, and the RFCs in number order (drafts and misnamed files last). */
export interface Summary {
  settings: SiteSettings;
  /** Where each file of the repository goes in the book. */
  places: PagePlaces;
  /** `SUMMARY.md`'s order where the repository has one; else the introduction, the guideline pages, then the RFCs. */
  outline: OutlineItem[];
  rfcs: SummaryEntry[];
}

/** A metadata field shown in an RFC's header: its key and its values. */
export interface HeaderField {
  key: string;
  values: HeaderValue[];
}

/** One value of a header field, as inline Markdown; a nested list item's or a YAML map's values as `children`. */
export interface HeaderValue {
  markdown: string;
  children: HeaderValue[];
}

/** A link from one page to another, as the page's output path and the title shown. */
export interface PageRef {
  out: string;
  title: string;
}

/** A section of a page as the search index reads it: its heading and the lines of its own text. */
export interface SearchSection {
  slug: string;
  title: string;
  line: number;
  bodyStart: number;
  bodyEnd: number;
}

/** A page's content, loaded: its Markdown body and everything the layout shows around it. */
export interface Chapter {
  entry: SummaryEntry;
  title: string;
  /** The id of the page's title where the file has it as a heading, as mdBook gives it; null otherwise. */
  titleId: string | null;
  /** The Markdown to render: the file with its title and metadata header blanked out. */
  markdown: string;
  /** The file, read again for its text once `rfc build` has released it (`MarkdownFile.release`). */
  file: MarkdownFile;
  header: HeaderField[];
  /** The RFC's row as `rfc list` shows it; null for the introduction and sub-chapters. */
  row: RfcRow | null;
  /** Heading slugs by 1-based line, from the model, so anchors match what `rfc check` resolves. */
  slugByLine: Map<number, string>;
  /** Top-level and second-level sections, for the page's table of contents. */
  sections: { title: string; slug: string; level: number }[];
  /** Every section with its lines, in order: the documents the search index makes of the page. */
  searchSections: SearchSection[];
  /** The sources of the page's Mermaid diagrams. */
  diagrams: string[];
  previous: PageRef | null;
  next: PageRef | null;
  /** "Edit this page" link; null without a git repository URL. */
  editUrl: string | null;
  /** Other RFCs that link to or mention this one, in number order (set by a preprocessor). */
  referencedBy: PageRef[];
}

/** A file published beside the pages: an image or other asset of an RFC, as `publishAsset` gives it (an SVG sanitised). */
export interface Asset {
  /** Path relative to the repository root. */
  from: string;
  /** Path relative to the book root. */
  to: string;
}

/** The loaded book (mdBook's `Book`): every chapter in reading order, the RFC index, and assets. */
export interface Book {
  settings: SiteSettings;
  places: PagePlaces;
  /** The table of contents the sidebar shows, with parts, separators and drafts. */
  outline: OutlineItem[];
  chapters: Chapter[];
  /** Rows of the index page, in the RFCs' reading order. */
  rows: { row: RfcRow; out: string }[];
  assets: Asset[];
  /** Source path → output path of every page, for rewriting links between pages. */
  outBySource: Map<string, string>;
  /** Every file of the repository (relative paths), to tell assets from missing files. */
  files: ReadonlySet<string>;
  /** The RFC folders (`text`; `.` for the root): a link to one goes to the index of RFCs. */
  rfcDirs: string[];
}

/** What a preprocessor sees besides the book. */
export interface BookContext {
  repo: Repository;
}

/** One step between loading and rendering: takes a book, returns a new one (mdBook's preprocessor). */
export interface Preprocessor {
  name: string;
  run(context: BookContext, book: Book): Book;
}

/** One output file held in memory: a page or a generated text file (CSS, script). */
export interface Page {
  /** Path relative to the book root, `/`-separated. */
  path: string;
  html: string;
}

/** What `renderBook` produces: pages to write, and assets to publish from the repository. */
export interface RenderedBook {
  pages: Page[];
  assets: Asset[];
}
