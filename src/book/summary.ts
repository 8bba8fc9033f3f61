import { UserError } from "../errors.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { toLinkedFile } from "../model/asset-policy.ts";
import { introSource, toPagePlaces, type PagePlaces } from "./page-places.ts";
import { listSummaryFiles, type SummaryFileItem } from "./summary-file.ts";
import type { BookPages, OutlineItem, SiteSettings, Summary, SummaryEntry } from "./types.ts";

/** Settings given on the command line; each wins over `book.toml`. */
export interface SettingsOverrides {
  title?: string | undefined;
  siteUrl?: string | undefined;
  gitRepositoryUrl?: string | undefined;
  /** The root's path inside the git repository (`git rev-parse --show-prefix`), read by the caller. */
  gitPrefix?: string | undefined;
  /** The branch links into the repository point at (its default branch), read by the caller; `main` when unknown. */
  branch?: string | undefined;
}

/**
 * The table of contents. Where the repository has its own `SUMMARY.md`, its order, parts,
 * separators and drafts, with what it leaves out added: the README first, an RFC's unlisted
 * sub-chapters under it, unlisted RFCs at the end. Otherwise the README as introduction, the
 * guideline pages, then every RFC. RFCs come in number order, then drafts, then files whose name
 * does not match the pattern, each group by path, so the order never depends on how the disk
 * listed the files.
 */
export function toSummary(repo: Repository, options: { pages: BookPages; overrides?: SettingsOverrides }): Summary {
  const { intro, pages, summaryFile } = options.pages;
  const places = toPagePlaces(repo.layout, { hasIntro: intro !== null });
  const toEntry = (source: string, kind: SummaryEntry["kind"], number: number | null = null): SummaryEntry => ({ source, out: places.page(source), kind, number, title: null, children: [] });
  const rfcs = [...repo.rfcs].sort(compareRfcs).map((rfc): SummaryEntry => ({ ...toEntry(rfc.path, "rfc", rfc.number), children: rfc.subChapters.map((sub) => toEntry(sub.path, "sub-chapter", rfc.number)) }));
  const known: KnownEntries = {
    intro: intro ? toEntry(introSource, "intro") : null,
    pages: new Map(pages.map((page) => [page.path, toEntry(page.path, "page")])),
    rfcs: new Map(rfcs.flatMap((e) => [[e.source, e] as const, ...e.children.map((c) => [c.source, c] as const)])),
  };
  const outline = summaryFile ? toListedOutline(summaryFile, rfcs, known) : toDefaultOutline(rfcs, known);
  refuseClashes(outline, places, repo.book.print);
  return { settings: { ...toSettings(repo, options.overrides ?? {}), stylesheets: options.pages.stylesheets }, places, outline, rfcs };
}

/** The entries a table of contents can hold, by source path. */
interface KnownEntries {
  intro: SummaryEntry | null;
  pages: ReadonlyMap<string, SummaryEntry>;
  /** RFCs and their sub-chapters. */
  rfcs: ReadonlyMap<string, SummaryEntry>;
}

function toDefaultOutline(rfcs: readonly SummaryEntry[], known: KnownEntries): OutlineItem[] {
  const pages = [...known.pages.values()];
  return [
    ...(known.intro ? [toChapter(known.intro)] : []),
    ...pages.map((page) => toChapter(page)),
    ...(pages.length > 0 && rfcs.length > 0 ? [{ kind: "separator" } as const] : []),
    ...rfcs.map((rfc) => toChapter(rfc)),
  ];
}

function toListedOutline(summaryFile: { path: string; items: readonly SummaryFileItem[] }, rfcs: readonly SummaryEntry[], known: KnownEntries): OutlineItem[] {
  const used = new Set<string>();
  const listedSources = new Set(listSummaryFiles(summaryFile.path, summaryFile.items));
  const toItem = (item: SummaryFileItem): OutlineItem => {
    if (item.kind !== "link") return item;
    const source = item.target === null ? null : toLinkedFile(summaryFile.path, item.target);
    const found = source === null || used.has(source) ? undefined : source === introSource ? (known.intro ?? undefined) : (known.pages.get(source) ?? known.rfcs.get(source));
    const children = item.children.map(toItem);
    if (found === undefined) return { kind: "draft", title: item.title, section: item.section, children };
    used.add(found.source);
    const entry = found.kind === "page" ? { ...found, title: item.title } : found;
    // An RFC's sub-chapters the summary does not list still belong under it.
    const unlisted = found.children.filter((sub) => !listedSources.has(sub.source));
    for (const sub of unlisted) used.add(sub.source);
    return { kind: "chapter", entry, section: item.section, children: [...children, ...unlisted.map((sub) => toChapter(sub))] };
  };
  const listed = summaryFile.items.map(toItem);
  const missing = rfcs.filter((rfc) => !used.has(rfc.source));
  return [
    ...(known.intro && !used.has(introSource) ? [toChapter(known.intro)] : []),
    ...listed,
    ...(missing.length > 0 && listed.length > 0 ? [{ kind: "separator" } as const] : []),
    ...missing.map((rfc) => toChapter(rfc)),
  ];
}

function toChapter(entry: SummaryEntry): OutlineItem {
  return { kind: "chapter", entry, section: null, children: entry.children.map((sub) => toChapter(sub)) };
}

/** Every page of an outline, in reading order (a chapter before its sub-chapters). */
export function outlineEntries(outline: readonly OutlineItem[]): SummaryEntry[] {
  return outline.flatMap((item) => (item.kind === "chapter" ? [item.entry, ...outlineEntries(item.children)] : item.kind === "draft" ? outlineEntries(item.children) : []));
}

/**
 * Two sources for one page would overwrite each other (or fail to be written): `Index.md` and the
 * README's `index.html`, an RFC named `rfcs.md` at the root and the index of RFCs, two RFC folders
 * copied to the book's root that hold the same name, or names that differ only in case on a file
 * system that ignores it. Refused, naming both.
 */
function refuseClashes(outline: readonly OutlineItem[], places: PagePlaces, print: boolean): void {
  const taken = new Map<string, string>([[places.list, "the book's index of RFCs"], ...(print ? [["print.html", "the book's page for printing"] as const] : [])]);
  for (const entry of outlineEntries(outline)) {
    // An introduction elsewhere (mdBook's `introduction.html`) is also the book's `index.html`, as in mdBook.
    const outs = entry.kind === "intro" ? [...new Set([entry.out, "index.html"])] : [entry.out];
    for (const out of outs) {
      const key = out.toLowerCase();
      const other = taken.get(key);
      if (other !== undefined) {
        throw new UserError(`${entry.source} and ${other} would both be the book's page ${out}.`, {
          file: entry.source,
          hint: "rename the file, or keep it out of the book with exclude in book.toml's [rfckit] table.",
        });
      }
      taken.set(key, entry.kind === "intro" ? `${entry.source} (the introduction)` : entry.source);
    }
  }
}

function toSettings(repo: Repository, overrides: SettingsOverrides): Omit<SiteSettings, "stylesheets"> {
  const repoUrl = overrides.gitRepositoryUrl ?? repo.book.gitRepositoryUrl;
  const siteUrl = overrides.siteUrl ?? repo.book.siteUrl;
  return {
    title: overrides.title ?? repo.book.title ?? "RFCs",
    siteUrl: siteUrl ? (siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`) : null,
    gitRepositoryUrl: repoUrl ? repoUrl.replace(/\/+$/, "") : null,
    gitPrefix: overrides.gitPrefix ? `${overrides.gitPrefix.replace(/\/+$/, "")}/` : "",
    branch: overrides.branch ?? "main",
    editUrlTemplate: repo.book.editUrlTemplate,
    videoHosts: repo.config.videoHosts,
    imageHosts: repo.config.imageHosts,
    redirects: repo.book.redirects,
    description: repo.book.description,
    language: repo.book.language,
    theme: repo.book.theme,
    themeClasses: repo.book.themeClasses,
    smartPunctuation: repo.book.smartPunctuation,
    noSectionLabel: repo.book.noSectionLabel,
    search: repo.book.search,
    print: repo.book.print,
  };
}

function rank(rfc: Rfc): number {
  if (rfc.number === null) return 2;
  return rfc.isDraft ? 1 : 0;
}

function compareRfcs(a: Rfc, b: Rfc): number {
  return rank(a) - rank(b) || (a.number ?? 0) - (b.number ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
