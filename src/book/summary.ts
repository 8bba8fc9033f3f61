import { UserError } from "../errors.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { introSource, toPagePlaces, type PagePlaces } from "./page-places.ts";
import type { SiteSettings, Summary, SummaryEntry } from "./types.ts";

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
 * The table of contents: the README as introduction, then every RFC. Numbered RFCs come in
 * number order, then drafts, then files whose name does not match the pattern, each group by path,
 * so the order never depends on how the disk listed the files.
 */
export function toSummary(repo: Repository, options: { hasIntro: boolean; overrides?: SettingsOverrides }): Summary {
  const places = toPagePlaces(repo.layout, options);
  const rfcs = [...repo.rfcs].sort(compareRfcs).map(
    (rfc): SummaryEntry => ({
      source: rfc.path,
      out: places.page(rfc.path),
      kind: "rfc",
      number: rfc.number,
      children: rfc.subChapters.map((sub) => ({ source: sub.path, out: places.page(sub.path), kind: "sub-chapter", number: rfc.number, children: [] })),
    }),
  );
  const intro: SummaryEntry | null = options.hasIntro ? { source: introSource, out: places.page(introSource), kind: "intro", number: null, children: [] } : null;
  refuseClashes(intro, rfcs, places);
  return { settings: toSettings(repo, options.overrides ?? {}), places, intro, rfcs };
}

/**
 * Two sources for one page would overwrite each other (or fail to be written): `Index.md` and the
 * README's `index.html`, an RFC named `rfcs.md` at the root and the index of RFCs, two RFC folders
 * copied to the book's root that hold the same name, or names that differ only in case on a file
 * system that ignores it. Refused, naming both.
 */
function refuseClashes(intro: SummaryEntry | null, rfcs: readonly SummaryEntry[], places: PagePlaces): void {
  const taken = new Map<string, string>([[places.list, "the book's index of RFCs"]]);
  // An introduction elsewhere (mdBook's `introduction.html`) is also the book's `index.html`, as in mdBook.
  if (intro) for (const out of new Set([intro.out, "index.html"])) taken.set(out, `${intro.source} (the introduction)`);
  for (const entry of rfcs.flatMap((e) => [e, ...e.children])) {
    const key = entry.out.toLowerCase();
    const other = taken.get(key);
    if (other !== undefined) {
      throw new UserError(`${entry.source} and ${other} would both be the book's page ${entry.out}.`, {
        file: entry.source,
        hint: "rename the file, or keep it out of the book with exclude in book.toml's [rfckit] table.",
      });
    }
    taken.set(key, entry.source);
  }
}

function toSettings(repo: Repository, overrides: SettingsOverrides): SiteSettings {
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
  };
}

function rank(rfc: Rfc): number {
  if (rfc.number === null) return 2;
  return rfc.isDraft ? 1 : 0;
}

function compareRfcs(a: Rfc, b: Rfc): number {
  return rank(a) - rank(b) || (a.number ?? 0) - (b.number ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
