/**
 * Where a repository keeps its RFCs and how it names them: detected from its files, or set in
 * `book.toml`'s `[rfckit]` table. Detection and configuration produce this one shape
 * (`repository/detect-layout.ts`), and every command reads it.
 */
export interface Layout {
  /** The folders holding RFCs, relative to the root (`.` for the root itself), in name order. */
  rfcDirs: RfcFolder[];
  /** Where `rfc new` writes a draft: the folder the README's copy instruction names, else the main RFC folder. */
  newRfcDir: string;
  /** The templates, the main one first (the one `rfc new` uses unless told otherwise). */
  templates: TemplateFile[];
  naming: FileNaming;
  /** Globs (relative to the root) of files and folders that are never RFCs. */
  exclude: string[];
  /** Folders of images and other files shared by many RFCs (`images/`, `rfcs/assets/`): not "a folder with no RFC". */
  sharedAssetDirs: string[];
  /** Where the RFC's status comes from. */
  status: StatusSource;
  /** Where the book puts its pages, and the `SUMMARY.md` that orders them. */
  book: BookPlan;
  /** Each detected or configured fact, with what decided it: what `rfc doctor` prints. */
  facts: LayoutFact[];
}

/**
 * Where the book's pages go. `mdbook`: where an mdBook book built by `generate-book.py` put them,
 * the RFC folder copied flat to the book's root (`0001-x.html`, `0001-x/diagram.png`) and the
 * README as `introduction.html`; `folders`: at the files' own paths (`text/0001-x.html`), the
 * README as `index.html`.
 */
export type BookPages = "mdbook" | "folders";

/** The book's shape as the repository gives it. */
export interface BookPlan {
  pages: BookPages;
  /** The repository's own `SUMMARY.md` (mdBook's table of contents), when it has one; its links are from its folder. */
  summary: string | null;
}

/** A folder of RFCs, and what its name says about the RFCs in it. */
export interface RfcFolder {
  path: string;
  /** `active-rfcs/` and `accepted/` name a status; folders side by side (`specification/`, `structure/`) a category. */
  label: { kind: "status" | "category"; value: string } | null;
}

/** A template: its file, the name `rfc new --template` takes, and which RFCs it is for. */
export interface TemplateFile {
  path: string;
  /** `draft` for `template-draft.md`, `deprecation` for `deprecation-template.md`, `default` for `0000-template.md`. */
  name: string;
  /** Globs of the RFC paths it applies to (from `templates` in config); null: the RFCs that match it best. */
  appliesTo: string[] | null;
}

/** How RFC files are named. */
export interface FileNaming {
  /** Matches an RFC's file name; groups `number` (absent where RFCs have no number) and `slug`. */
  pattern: RegExp;
  /** False where the repository names RFCs by slug alone (`accepted/my-feature.md`). */
  numbered: boolean;
  /** Digits of a number (`0042`: 4); 0 when not numbered, or numbered without padding (Bevy's `45-stageless.md`). */
  digits: number;
  /** What separates the number from the slug. */
  separator: "-" | "_";
  /** How slugs are written: `remote-cache`, `remote_cache` or `Remote_Cache`. */
  slugStyle: "kebab" | "snake" | "title-snake";
}

/** Where statuses come from: a metadata key, the folder name, a file-name suffix, or nowhere. */
export type StatusSource = { kind: "auto" } | { kind: "metadata"; key: string } | { kind: "folder" } | { kind: "file-name" } | { kind: "none" };

/** One line of `rfc doctor`: a fact about the repository, its value, why, and the key that overrides it. */
export interface LayoutFact {
  /** What the fact is about (`rfc folders`, `templates`, `file names`, …). */
  topic: string;
  value: string;
  source: "config" | "detected" | "default";
  /** The files or signals that decided it. */
  because: string;
  /** The `[rfckit]` key that overrides it, written as a user would write it. */
  override: string;
}

/** Words a folder or file-name suffix can be that name an RFC's status. */
export const statusWords = new Set([
  "accepted",
  "active",
  "approved",
  "archived",
  "closed",
  "deprecated",
  "draft",
  "drafts",
  "expired",
  "final",
  "implemented",
  "merged",
  "obsolete",
  "postponed",
  "proposed",
  "rejected",
  "released",
  "superseded",
  "withdrawn",
]);

/** The status a folder name gives: `active-rfcs` → `active`, `accepted` → `accepted`, `drafts` → `draft`. */
export function toFolderStatus(folder: string): string | null {
  const name = folder.slice(folder.lastIndexOf("/") + 1).toLowerCase();
  const word = name.replace(/[-_]?rfcs?$/, "").replace(/^rfcs?[-_]?/, "");
  if (!statusWords.has(word)) return null;
  return word === "drafts" ? "draft" : word;
}

const templateNames = [/^0+[-_]template\.md$/i, /^template(?:[-_.][^/]*)?\.md$/i, /^[^/]+[-_]template\.md$/i];

/** True for a template's file name: `0000-template.md`, `template-full.md`, `deprecation-template.md`. */
export function isTemplateName(name: string): boolean {
  return templateNames.some((re) => re.test(name));
}

/** The name `--template` takes for a template file: `template-draft.md` → `draft`; the plain template is `default`. */
export function toTemplateName(file: string): string {
  const stem = file
    .slice(file.lastIndexOf("/") + 1)
    .replace(/\.md$/i, "")
    .toLowerCase();
  const rest = stem
    .replace(/^0+[-_]/, "")
    .replace(/(^|[-_.])template([-_.]|$)/, "$1$2")
    .replace(/^[-_.]+|[-_.]+$/g, "");
  return rest === "" ? "default" : rest;
}

const repositoryDocuments = /^(?:readme|summary|licen[cs]e|copying|contributing|code[-_]of[-_]conduct|changelog|security|governance|maintainers)(?:[-_.][^/]*)?\.md$/i;

/** Files that are never RFCs wherever they are: READMEs in any case, `SUMMARY.md`, licences and the like, templates. */
export function isNeverRfc(name: string): boolean {
  return repositoryDocuments.test(name) || isTemplateName(name);
}

/** True for a Markdown file's name, any case of `.md`. */
export function isMarkdownName(name: string): boolean {
  return name.toLowerCase().endsWith(".md");
}

/** True for a Markdown file that may be an RFC where RFCs are kept: not a README, licence or template. */
export function mayBeRfc(name: string): boolean {
  return isMarkdownName(name) && !isNeverRfc(name);
}

/** True for a file named like a numbered RFC: three to five digits, `-` or `_`, a name. */
export function isRfcNamed(name: string): boolean {
  return /^\d{3,5}[-_][^\s/]+\.md$/i.test(name) && !isNeverRfc(name);
}

/** The file-name pattern for numbered names of `digits` digits and `separator`. */
export function toNumberedPattern(digits: number, separator: "-" | "_"): RegExp {
  return new RegExp(`^(?<number>\\d${digits === 0 ? "+" : `{${digits}}`})${separator}(?<slug>[^\\s/]+)\\.md$`);
}

/** A number as the naming writes it; a draft's in a naming without padding is `0000`. */
export function toNumberText(naming: Pick<FileNaming, "digits">, number: number): string {
  if (naming.digits === 0) return number === 0 ? "0000" : String(number);
  return String(number).padStart(naming.digits, "0");
}

/** The pattern for names without a number: any name without spaces. */
export const slugOnlyPattern = /^(?<slug>[^\s/]+)\.md$/;

/** A file name of this naming for a slug (`0000-my-feature.md`, `0000_My_Feature.md`, `my-feature.md`), `number` 0 for a draft. */
export function toFileName(naming: FileNaming, slug: string, number = 0): string {
  const words = slug.split(/[-_\s]+/).filter(Boolean);
  const styled =
    naming.slugStyle === "kebab"
      ? words.join("-")
      : naming.slugStyle === "snake"
        ? words.join("_")
        : words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("_");
  if (!naming.numbered) return `${styled}.md`;
  return `${toNumberText(naming, number)}${naming.separator}${styled}.md`;
}

/** The naming's shape for messages: `NNNN-slug.md`, `NNN_Slug.md`, `slug.md`. */
export function describeNaming(naming: FileNaming): string {
  if (!naming.numbered) return "slug.md";
  const slug = naming.slugStyle === "title-snake" ? "Title_Words" : "slug";
  return `${"N".repeat(Math.max(naming.digits, 1))}${naming.separator}${slug}.md`;
}

/** The status a file-name suffix gives: `0249-x.expired.md` → `expired`. */
export function toNameStatus(name: string): string | null {
  const m = /\.([a-z]+)\.md$/i.exec(name);
  const word = m?.[1]?.toLowerCase();
  return word !== undefined && statusWords.has(word) ? word : null;
}

/** The folder of a path (`text/0001-x.md` → `text`; a root file → `.`). */
export function folderOf(p: string): string {
  const slash = p.lastIndexOf("/");
  return slash === -1 ? "." : p.slice(0, slash);
}

/** A path inside an RFC folder: `text` + `0001-x.md` → `text/0001-x.md`; the root folder adds nothing. */
export function joinFolder(folder: string, name: string): string {
  return folder === "." || folder === "" ? name : `${folder}/${name}`;
}

/** The RFC folders as a message names them: `text/`, `the root`, `rfc/, specification/`. */
export function describeRfcDirs(layout: Pick<Layout, "rfcDirs">): string {
  if (layout.rfcDirs.length === 0) return "no folder";
  return layout.rfcDirs.map((d) => (d.path === "." ? "the root" : `${d.path}/`)).join(", ");
}

/** Where `rfc new` would put a draft called "my feature": what a hint shows as an example. */
export function toExampleDraftPath(layout: Pick<Layout, "newRfcDir" | "naming">): string {
  return joinFolder(layout.newRfcDir, toFileName(layout.naming, "my-feature"));
}
