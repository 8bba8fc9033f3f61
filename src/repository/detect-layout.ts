import picomatch from "picomatch";
import { linkedMarkdownFiles } from "../markdown/linked-markdown-files.ts";
import type { Config } from "../model/config.ts";
import {
  describeNaming,
  folderOf,
  isMarkdownName,
  isNeverRfc,
  isRfcNamed,
  isTemplateName,
  mayBeRfc,
  slugOnlyPattern,
  toFolderStatus,
  toNumberedPattern,
  toTemplateName,
  type FileNaming,
  type BookPlan,
  type Layout,
  type LayoutFact,
  type RfcFolder,
  type TemplateFile,
} from "../model/layout.ts";
import type { SpecialFile } from "../model/repository.ts";

/** What detection reads: the tree's listing and the few files that say where RFCs go. */
export interface LayoutSignals {
  files: readonly string[];
  folders: readonly string[];
  special: ReadonlyMap<string, SpecialFile>;
  /** The root README, where it has one. */
  readme: { path: string; text: string } | null;
  /** mdBook's source folder when a script (`generate-book.py`) fills it from the RFC folder: a copy, never read. */
  generatedBookSource: string | null;
  /** The Markdown files mdBook's `SUMMARY.md` lists as chapters (paths from the root), with that file's path; null without one. */
  summary: { path: string; chapters: readonly string[] } | null;
  /** What says the repository's book is built with mdBook (`book.toml's [book] table`), or null. */
  mdBook: string | null;
}

/** Folder names that hold RFCs even when their files carry no number (`accepted/my-feature.md`). */
const rfcFolderNames = new Set(["text", "rfcs", "rfc", "proposals", "proposal", "design", "designs", "active-rfcs", "accepted-rfcs", "rfc-text"]);

/** Folders of files shared by many RFCs, at the root or in an RFC folder. */
const sharedAssetNames = ["assets", "images", "img", "files", "figures", "resources", "media", "static", "diagrams"];

/**
 * The repository's layout. Each fact is taken, in this order, from the `[rfckit]` configuration,
 * then the files (where files named `NNNN-*.md` cluster), then the README's copy instruction,
 * then the defaults; the order is documented in docs/layouts.md.
 */
export function detectLayout(signals: LayoutSignals, config: Config): Layout {
  const facts: LayoutFact[] = [];
  const isExcluded = toExcluder([...config.exclude, ...(signals.generatedBookSource ? [`${signals.generatedBookSource}/**`] : [])]);
  const files = signals.files.filter((f) => !isExcluded(f) && !hasHiddenSegment(f));
  const fileSet = new Set(files);
  // A folder beside an RFC-named file (`text/0042-x/` beside `text/0042-x.md`) holds that RFC's assets and sub-chapters.
  const isAssetFolder = (folder: string) => fileSet.has(`${folder}.md`);
  const underAssetFolder = (folder: string) => {
    for (let f = folder; f !== "."; f = folderOf(f)) if (isAssetFolder(f)) return true;
    return false;
  };
  const folders = ["."].concat(signals.folders.filter((f) => !isExcluded(f) && !hasHiddenSegment(f) && !underAssetFolder(f)));
  const childrenOf = groupByFolder(files);
  const instruction = signals.readme ? readCopyInstruction(signals.readme.text) : null;

  const rfcDirs = pickRfcDirs();
  const newRfcDir = pickNewRfcDir();
  const templates = pickTemplates();
  const naming = pickNaming();
  const sharedAssetDirs = folders.filter((f) => f !== "." && sharedAssetNames.includes(baseName(f).toLowerCase()) && (folderOf(f) === "." || rfcDirs.some((d) => d.path === folderOf(f))));
  if (sharedAssetDirs.length > 0) facts.push({ topic: "shared asset folders", value: sharedAssetDirs.map((d) => `${d}/`).join(", "), source: "detected", because: "folders of that name at the root or in an RFC folder", override: 'exclude = ["…"]' });
  if (config.exclude.length > 0) facts.push({ topic: "excluded", value: config.exclude.join(", "), source: "config", because: "exclude in book.toml", override: "exclude = [...]" });
  if (signals.generatedBookSource) facts.push({ topic: "excluded", value: `${signals.generatedBookSource}/`, source: "detected", because: "generate-book.py fills it from the RFC folder", override: "(none: it is a copy)" });
  const book = pickBook();
  return { rfcDirs, newRfcDir, templates, naming, exclude: config.exclude, sharedAssetDirs, status: config.status, book, facts };

  function pickBook(): BookPlan {
    const summary = signals.summary?.path ?? null;
    const folder = rfcDirs[0] && rfcDirs[0].path !== "." ? `${rfcDirs[0].path}/` : "";
    // With its own SUMMARY.md, the book is mdBook's source folder as it is, where a README is its folder's index.html.
    const mdbook = summary === null ? "mdBook's: the RFC folder at the book's root (0001-x.html), the README as introduction.html" : `mdBook's, from ${summary}: each file at its path from there, a README as its folder's index.html`;
    const shown = { mdbook, folders: `the files' own: ${folder}0001-x.html, the README as index.html` };
    const override = 'book-pages = "mdbook" or "folders"';
    if (config.bookPages !== null) {
      facts.push({ topic: "book pages", value: shown[config.bookPages], source: "config", because: "book-pages in book.toml", override });
      return { pages: config.bookPages, summary };
    }
    const pages = signals.mdBook === null ? "folders" : "mdbook";
    facts.push({ topic: "book pages", value: shown[pages], source: signals.mdBook === null ? "default" : "detected", because: signals.mdBook === null ? "no sign of an mdBook book (book.toml's [book] or [output.html], SUMMARY.md, generate-book.py)" : `${signals.mdBook}, so links to its pages keep working`, override });
    return { pages, summary };
  }

  function pickRfcDirs(): RfcFolder[] {
    if (config.rfcDirs !== null) {
      facts.push({ topic: "rfc folders", value: config.rfcDirs.map(shownFolder).join(", "), source: "config", because: "rfc-dir in book.toml", override: 'rfc-dir = "…"' });
      return labelled(config.rfcDirs);
    }
    const counts = new Map<string, number>();
    for (const folder of folders) {
      const named = (childrenOf.get(folder) ?? []).filter((name) => isRfcNamed(name) && !isMirror(joinPath(folder, name)));
      if (named.length > 0) counts.set(folder, named.length);
    }
    const clusters = [...counts.keys()].filter((folder) => {
      const count = counts.get(folder)!;
      if (count >= 2 || counts.size === 1) return true;
      // One RFC in a folder beside other RFC folders (`structure/` beside `rfc/`) is a category of its own.
      return [...counts.keys()].some((other) => other !== folder && counts.get(other)! >= 2 && folderOf(other) === folderOf(folder));
    });
    if (clusters.length > 0) {
      facts.push({
        topic: "rfc folders",
        value: clusters.map(shownFolder).join(", "),
        source: "detected",
        because: clusters.map((f) => `${counts.get(f)} file${counts.get(f) === 1 ? "" : "s"} named NNNN-*.md in ${shownFolder(f)}`).join("; "),
        override: 'rfc-dir = "…" (or a list)',
      });
      return labelled(clusters);
    }
    // No numbered names anywhere: folders whose name says they hold RFCs, that the README names,
    // or whose files the book's SUMMARY.md lists as chapters.
    const listed = new Set((signals.summary?.chapters ?? []).filter((f) => fileSet.has(f) && mayBeRfc(baseName(f))).map(folderOf));
    const named = folders.filter((folder) => {
      const isNamed = rfcFolderNames.has(baseName(folder).toLowerCase()) || toFolderStatus(folder) !== null || folder === instruction?.folder || listed.has(folder);
      return folder !== "." && isNamed && (childrenOf.get(folder) ?? []).some((name) => mayBeRfc(name));
    });
    if (named.length > 0) {
      facts.push({
        topic: "rfc folders",
        value: named.map(shownFolder).join(", "),
        source: "detected",
        because: `no file is named NNNN-*.md; ${named.map(shownFolder).join(", ")} ${named.length === 1 ? "is a folder" : "are folders"} of Markdown files ${describeNamedBy(named, listed)}`,
        override: 'rfc-dir = "…" (or a list)',
      });
      return labelled(named);
    }
    facts.push({ topic: "rfc folders", value: "none found", source: "detected", because: "no file named NNNN-*.md and no Markdown file in a folder named like text/, rfcs/ or accepted/", override: 'rfc-dir = "…"' });
    return [];
  }

  /** Why folders without numbered files were taken as RFC folders. */
  function describeNamedBy(named: readonly string[], listed: ReadonlySet<string>): string {
    const reasons: string[] = [];
    if (named.some((f) => rfcFolderNames.has(baseName(f).toLowerCase()) || toFolderStatus(f) !== null)) reasons.push("named as RFC folders are");
    if (instruction && named.includes(instruction.folder)) reasons.push("the README's copy instruction names");
    if (signals.summary && named.some((f) => listed.has(f))) reasons.push(`${signals.summary.path} lists as chapters`);
    return reasons.join(", and ");
  }

  /** A symbolic link to an RFC-named file of another folder (an mdBook `src/` of links into `text/`): a copy, not an RFC of its own. */
  function isMirror(file: string): boolean {
    const special = signals.special.get(file);
    if (special === undefined) return false;
    if (special.kind !== "symlink" || special.target.kind !== "inside") return true;
    return isRfcNamed(baseName(special.target.path)) && folderOf(special.target.path) !== folderOf(file);
  }

  function labelled(paths: readonly string[]): RfcFolder[] {
    const sorted = [...new Set(paths.map(trimFolder))].sort();
    return sorted.map((path) => {
      const status = path === "." ? null : toFolderStatus(path);
      if (status) return { path, label: { kind: "status", value: status } };
      return { path, label: sorted.length > 1 && path !== "." ? { kind: "category", value: baseName(path) } : null };
    });
  }

  function pickNewRfcDir(): string {
    const byCount = [...rfcDirs].sort((a, b) => rfcCount(b.path) - rfcCount(a.path) || (a.path < b.path ? -1 : 1));
    const said = instruction?.folder;
    let value: string;
    let because: string;
    if (said !== undefined && rfcDirs.some((d) => d.path === said)) {
      value = said;
      because = `the README says to copy the template to ${instruction!.target}`;
    } else if (byCount[0]) {
      value = byCount[0].path;
      because = rfcDirs.length > 1 ? "the RFC folder with the most RFCs" : "the RFC folder";
      if (said !== undefined) because += ` (the README names ${shownFolder(said)}, which holds no RFC)`;
    } else if (said !== undefined) {
      value = said;
      because = `the README says to copy the template to ${instruction!.target}`;
    } else {
      const empty = folders.find((f) => f !== "." && rfcFolderNames.has(baseName(f).toLowerCase()) && folderOf(f) === ".");
      value = empty ?? "text";
      because = empty ? `${empty}/ exists and is named as RFC folders are` : "the default";
    }
    facts.push({ topic: "new rfcs go to", value: shownFolder(value), source: value === "text" && because === "the default" ? "default" : "detected", because, override: 'rfc-dir = "…" (the first is where new RFCs go)' });
    return config.rfcDirs?.[0] !== undefined ? trimFolder(config.rfcDirs[0]) : value;
  }

  function rfcCount(folder: string): number {
    return (childrenOf.get(folder) ?? []).filter((name) => mayBeRfc(name)).length;
  }

  function pickTemplates(): TemplateFile[] {
    if (config.templates !== null) {
      facts.push({ topic: "templates", value: config.templates.map((t) => t.path).join(", "), source: "config", because: config.templateKey === "template" ? "template in book.toml" : "templates in book.toml", override: 'templates = ["…"]' });
      return config.templates.map((t) => ({ path: t.path, name: t.name ?? toTemplateName(t.path), appliesTo: t.appliesTo }));
    }
    const places = ["."].concat(rfcDirs.map((d) => d.path).filter((p) => p !== "."));
    let found = places.flatMap((place) => (childrenOf.get(place) ?? []).filter(isTemplateName).map((name) => joinPath(place, name)));
    let because = "files named 0000-template.md, template*.md or *-template.md at the root or in an RFC folder";
    if (found.length === 0) {
      // Swift's `proposal-templates/0000-swift-template.md`: a folder of templates, or a template the README links to.
      const linked = signals.readme ? readLinkedTemplates(signals.readme.text, fileSet) : [];
      const inFolders = folders.filter((f) => f !== "." && folderOf(f) === "." && templateFolderName.test(baseName(f))).flatMap((f) => (childrenOf.get(f) ?? []).filter(isTemplateName).map((name) => joinPath(f, name)));
      found = [...new Set([...linked, ...inFolders])];
      because = linked.length > 0 ? "the README links to it" : "files named so in a templates folder at the root";
    }
    found.sort((a, b) => templateRank(a) - templateRank(b) || (a < b ? -1 : 1));
    facts.push({
      topic: "templates",
      value: found.length > 0 ? found.join(", ") : "none found",
      source: "detected",
      because: found.length > 0 ? because : "no file named 0000-template.md, template*.md or *-template.md at the root, in an RFC folder or a templates folder, and none the README links to",
      override: 'templates = ["…"]',
    });
    return found.map((path) => ({ path, name: toTemplateName(path), appliesTo: null }));
  }

  function pickNaming(): FileNaming {
    if (config.filePattern !== null) {
      const numbered = /\(\?<number>/.test(config.filePattern.source);
      facts.push({ topic: "file names", value: String(config.filePattern), source: "config", because: "file-pattern in book.toml", override: 'file-pattern = "…"' });
      return { pattern: config.filePattern, numbered, digits: numbered ? countDigits() || 4 : 0, separator: mostCommon(separators()) ?? "-", slugStyle: slugStyle(slugs()) };
    }
    const names = rfcDirs.flatMap((d) => (childrenOf.get(d.path) ?? []).filter((name) => mayBeRfc(name)));
    const numberedNames = names.filter((name) => /^\d+[-_]/.test(name));
    // A `0000-template.md`, or a README that says to copy it to `0000-….md`, says RFCs get numbers: one or two files without
    // one are RFCs misnamed, not a repository that names by slug alone.
    const saysNumbered = templates.some((t) => /^0+[-_]/.test(baseName(t.path))) || instruction !== null;
    const unnumbered = names.length - numberedNames.length;
    if (names.length > 0 && numberedNames.length * 2 < names.length && (!saysNumbered || (numberedNames.length === 0 && unnumbered >= 3))) {
      const naming: FileNaming = { pattern: slugOnlyPattern, numbered: false, digits: 0, separator: "-", slugStyle: slugStyle(names.map((n) => n.replace(/\.md$/i, ""))) };
      facts.push({ topic: "file names", value: "slug.md, no number", source: "detected", because: `${names.length - numberedNames.length} of ${names.length} RFC files have no number`, override: 'file-pattern = "…"' });
      return naming;
    }
    const fromInstruction = instruction?.name ? [instruction.name] : [];
    const sample = numberedNames.length > 0 ? numberedNames : fromInstruction;
    const digits = isUnpadded(sample) ? 0 : (mostCommon(sample.map((n) => /^\d+/.exec(n)![0].length).filter((d) => d >= 3 && d <= 5)) ?? 4);
    const separator = mostCommon(sample.map((n) => (/^\d+_/.test(n) ? "_" : "-"))) ?? "-";
    const naming: FileNaming = { pattern: toNumberedPattern(digits, separator), numbered: true, digits, separator, slugStyle: slugStyle(sample.map((n) => n.replace(/^\d+[-_]/, "").replace(/\.md$/i, ""))) };
    facts.push({
      topic: "file names",
      value: describeNaming(naming),
      source: numberedNames.length > 0 ? "detected" : fromInstruction.length > 0 ? "detected" : "default",
      because: numberedNames.length > 0 ? `${numberedNames.length} RFC files named so` : fromInstruction.length > 0 ? `the README's copy instruction (${instruction!.target})` : "no RFC yet: the default",
      override: 'file-pattern = "…"',
    });
    return naming;
  }

  function countDigits(): number {
    return mostCommon(rfcDirs.flatMap((d) => (childrenOf.get(d.path) ?? []).map((n) => /^\d+/.exec(n)?.[0].length ?? 0).filter((n) => n > 0))) ?? 0;
  }
  function separators(): Array<"-" | "_"> {
    return rfcDirs.flatMap((d) => (childrenOf.get(d.path) ?? []).flatMap((n): Array<"-" | "_"> => (/^\d+_/.test(n) ? ["_"] : /^\d+-/.test(n) ? ["-"] : [])));
  }
  function slugs(): string[] {
    return rfcDirs.flatMap((d) => (childrenOf.get(d.path) ?? []).filter(mayBeRfc).map((n) => n.replace(/^\d+[-_]/, "").replace(/\.md$/i, "")));
  }
  function shownFolder(folder: string): string {
    return folder === "." ? "the root" : `${trimFolder(folder)}/`;
  }
}

/**
 * Whether numbered names carry their number as it is (Bevy's `1-reflect-value.md`,
 * `45-stageless.md`): no number but a draft's zeros starts with 0, and the numbers are of
 * several lengths or all shorter than three digits.
 */
function isUnpadded(names: readonly string[]): boolean {
  const numbers = names.map((n) => /^\d+/.exec(n)![0]).filter((d) => !/^0+$/.test(d));
  if (numbers.length < 2 || numbers.some((d) => d.startsWith("0"))) return false;
  const lengths = new Set(numbers.map((d) => d.length));
  return lengths.size > 1 || [...lengths][0]! < 3;
}

/** A root folder that holds templates: `templates`, `proposal-templates`, `rfc_template`. */
const templateFolderName = /(?:^|[-_])templates?$/i;

/** The files the README links to (`[the template](proposal-templates/0000-swift-template.md)`) that are named as templates and exist. */
function readLinkedTemplates(readme: string, files: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const target of linkedMarkdownFiles(readme)) {
    if (isTemplateName(baseName(target)) && files.has(target) && !out.includes(target)) out.push(target);
  }
  return out;
}

/** `rfcs/0000-template.md` sorts after `0000-template.md`, and plain names before `template-full.md`. */
function templateRank(path: string): number {
  const name = baseName(path);
  const inRoot = path === name ? 0 : 4;
  if (/^0+[-_]template\.md$/i.test(name)) return inRoot;
  if (/^template\.md$/i.test(name)) return inRoot + 1;
  return inRoot + 2;
}

/**
 * Where the README tells authors to put a new RFC: the first path of the form `folder/0000-name.md`
 * (or `0000-name.md`) that is not the template itself, as in "copy `0000-template.md` to
 * `rfcs/0000-my-feature.md`".
 */
export function readCopyInstruction(readme: string): { folder: string; name: string; target: string } | null {
  const re = /(?:^|[\s`'"([<*])((?:[\w.-]+\/)*)(0{3,5}[-_][\w.-]+?\.md)\b/g;
  for (const m of readme.matchAll(re)) {
    const name = m[2]!;
    if (isTemplateName(name)) continue;
    const folder = trimFolder(m[1]!.replace(/\/+$/, "")) || ".";
    if (folder.split("/").some((s) => s === ".." || s.startsWith("."))) continue;
    return { folder, name, target: `${m[1]}${name}` };
  }
  return null;
}

/** Whether a path is left out by `exclude` globs: the path itself, or everything under a folder. */
export function toExcluder(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const match = picomatch(
    globs.flatMap((g) => [g, `${g.replace(/\/+$/, "")}/**`]),
    { dot: true },
  );
  return (path) => match(path);
}

function groupByFolder(files: readonly string[]): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const file of files) {
    const folder = folderOf(file);
    const names = byFolder.get(folder);
    const name = file.slice(file.lastIndexOf("/") + 1);
    if (names) names.push(name);
    else byFolder.set(folder, [name]);
  }
  return byFolder;
}

function slugStyle(slugs: readonly string[]): FileNaming["slugStyle"] {
  const styles = slugs.map((s): FileNaming["slugStyle"] => (/_/.test(s) && !/-/.test(s) ? (/^[A-Z]/.test(s) ? "title-snake" : "snake") : "kebab"));
  return mostCommon(styles) ?? "kebab";
}

function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (best === undefined || n > counts.get(best)!) best = v;
  }
  return best;
}

function hasHiddenSegment(path: string): boolean {
  return path.startsWith(".") || path.includes("/.");
}

function trimFolder(folder: string): string {
  const trimmed = folder.replace(/^\.\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function joinPath(folder: string, name: string): string {
  return folder === "." ? name : `${folder}/${name}`;
}

/**
 * The RFC files of a layout, in path order: the Markdown files directly in each RFC folder, except
 * READMEs, templates, `SUMMARY.md`, licences and excluded paths. In the root, only files named as
 * RFCs are (the root also holds the project's own documents).
 */
export function listRfcPaths(layout: Layout, files: readonly string[]): string[] {
  const isExcluded = toExcluder(layout.exclude);
  const templates = new Set(layout.templates.map((t) => t.path));
  const dirs = new Set(layout.rfcDirs.map((d) => d.path));
  return files.filter((file) => {
    if (!isMarkdownName(file) || templates.has(file) || hasHiddenSegment(file) || isExcluded(file)) return false;
    const folder = folderOf(file);
    if (!dirs.has(folder)) return false;
    const name = baseName(file);
    if (isNeverRfc(name)) return false;
    return folder !== "." || (layout.naming.numbered ? layout.naming.pattern.test(name) || isRfcNamed(name) : true);
  });
}

/** Folders directly in an RFC folder that can be an RFC's own (`text/0042-x/`), not shared asset folders or other RFC folders. */
export function listRfcSubfolders(layout: Layout, folders: readonly string[]): string[] {
  const isExcluded = toExcluder(layout.exclude);
  const dirs = new Set(layout.rfcDirs.map((d) => d.path));
  const shared = new Set(layout.sharedAssetDirs);
  return folders.filter((folder) => {
    if (!dirs.has(folderOf(folder)) || dirs.has(folder) || shared.has(folder) || hasHiddenSegment(folder) || isExcluded(folder)) return false;
    // In the root every project folder sits beside the RFCs: only those named as RFCs are theirs.
    return folderOf(folder) !== "." || layout.naming.pattern.test(`${baseName(folder)}.md`);
  });
}
