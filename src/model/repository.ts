import type { BookSettings, Config, Numbering } from "./config.ts";
import type { ContentProblem, DocumentHeader, RfcDocument } from "./document.ts";
import type { Layout, RfcFolder } from "./layout.ts";
import type { Schema } from "./schema.ts";

/** A Markdown file of the repository: an RFC, or a sub-chapter of one. */
export interface MarkdownFile {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  /**
   * Null when the file could not be read as text; see `problem`. Parsed when first read: a check
   * of one RFC (`--changed`) parses that one, and the others only as far as a rule looks at them.
   */
  readonly document: RfcDocument | null;
  /** The file's text and metadata, without the Markdown parsed: what rules that look across all RFCs read. */
  readonly header: DocumentHeader | null;
  problem: ContentProblem | null;
  /**
   * Lets go of the text and the parsed document, read from disk again when next asked for:
   * `rfc build` releases each page once written, so a book of 10,000 RFCs is not held whole.
   * Absent where there is nothing to read again (a document parsed from text in memory).
   */
  release?(): void;
}

/** One RFC: its file, the name's parts, its asset folder and sub-chapters. */
export interface Rfc extends MarkdownFile {
  /** The number from the file name (`0042` → 42); 0 for a draft. Null when the name does not match the pattern. */
  number: number | null;
  /** The number as written in the file name (`0042`). */
  numberText: string | null;
  slug: string;
  /** The RFC folder it is in, with what the folder's name says (a status or a category). */
  folder: RfcFolder;
  /** A status the file name carries (`0249-x.expired.md` → `expired`). */
  nameStatus: string | null;
  /** The status the README's table of RFCs gives it, where the README has one with a Status column. */
  listedStatus: string | null;
  /** Path of the template this RFC is held to (one of `Repository.templates`). */
  template: string;
  /** True for `0000-…` files: not yet numbered. */
  isDraft: boolean;
  /** `text/0042-x/` when that folder exists. */
  assetFolder: string | null;
  /** Markdown files inside the asset folder, in name order. */
  subChapters: MarkdownFile[];
  /** The schema this RFC is held to: the template as it stood when the RFC started, or the current one. */
  schema: Schema;
  /** How the schema was chosen: from git history, the current template, or the current template for want of history. */
  schemaBasis: "history" | "current" | "no-history";
  /** What git knows of the file; null when the repository has no git history (or it was not read). */
  git: RfcGitFacts | null;
}

/** Git facts about one RFC file, gathered at load so rules stay free of I/O. */
export interface RfcGitFacts {
  /**
   * Committer date (`YYYY-MM-DD`) of the newest commit that changed the file; null when never
   * committed, and when the RFC has no `Last Updated` date to compare it with (it is not read then).
   */
  lastCommitDate: string | null;
  /** True when the file differs from HEAD: modified, staged, renamed or untracked. */
  uncommitted: boolean;
  /**
   * Lines of the working copy that differ from HEAD (added or rewritten; a deletion marks the
   * lines on both sides of it), so a rule can tell which part of a file was edited. Empty when the
   * file is as committed; null when HEAD has no version of it (untracked, or newly added).
   */
  changedLines: number[] | null;
  /**
   * The pull request that brought the file onto the main line, as its commit's subject says
   * (`… (#19)`, `Merge pull request #19 …`); read only for RFCs whose header does not link theirs.
   */
  addedByPullRequest?: number;
  /** The author date (`YYYY-MM-DD`) of the file's first commit, renames followed; read only for RFCs without a valid `Start Date`. */
  firstCommitDate?: string;
}

/** A file of the tree that is not a regular file: a symbolic link, or a FIFO, socket or device. */
export type SpecialFile = { kind: "symlink"; target: SymlinkTarget } | { kind: "other" };

/**
 * Where a symbolic link leads, all links on the way resolved: a path inside the root (relative,
 * `/`-separated, from the root with its own links resolved), somewhere outside it, or nowhere.
 */
export type SymlinkTarget = { kind: "inside"; path: string } | { kind: "outside" } | { kind: "missing" };

/** A template, parsed: its file, its `--template` name, the RFCs it is for, and its schema. */
export interface LoadedTemplate {
  path: string;
  name: string;
  appliesTo: string[] | null;
  document: RfcDocument;
  schema: Schema;
}

/** An RFC repository, loaded: everything the rules and the book read. */
export interface Repository {
  /** Absolute path of the root folder. */
  root: string;
  config: Config;
  /** The book's settings from `book.toml`. */
  book: BookSettings;
  /** Where RFCs are and how they are named: detected, or from configuration. */
  layout: Layout;
  /** The main template, parsed, and the schema made from it. */
  template: LoadedTemplate;
  schema: Schema;
  /** Every template, the main one first. */
  templates: LoadedTemplate[];
  rfcs: Rfc[];
  /** Folders inside the RFC folders that may hold an RFC's assets (relative paths, no trailing `/`). */
  folders: string[];
  /** Every file under the root (relative paths), for resolving links. Excludes `.git`, `node_modules` and the book's output. */
  files: Set<string>;
  /**
   * The entries of `files` that are not regular files, with what each is; a regular file has no
   * entry. Recorded at load so rules can tell which assets the book leaves out without I/O.
   */
  special: ReadonlyMap<string, SpecialFile>;
  /** How RFCs are numbered: from config, or detected from existing RFCs. */
  numbering: Numbering;
  /** True when the root is inside a git work tree with history (a shallow clone's is not read). */
  hasHistory: boolean;
  /** True when the root is in a shallow clone, whose history is not read: see `isShallowClone`. */
  shallowClone: boolean;
  /** Today's date (`YYYY-MM-DD`) in the local time zone, fixed at load so a run is consistent. */
  today: string;
}
