import { createDocumentParser, withoutBom } from "../markdown/parse-document.ts";
import type { RfcDocument } from "../model/document.ts";
import type { Repository } from "../model/repository.ts";
import { toEditedRepository } from "../serve/update-repository.ts";
import { withOpenTexts } from "../check/with-open-texts.ts";

/**
 * Loads a repository from disk (`loadRepository`, or a test's own); `reading`, when given, names
 * the RFCs to parse and date up front, as `rfc check <file>` does.
 */
export type LoadRepository = (root: string, reading?: (rfcPath: string) => boolean) => Promise<Repository>;

/**
 * One RFC repository as the server holds it: the repository loaded from disk once, and the texts
 * of its files open in the editor, which win over the disk. `repository()` is the two together;
 * an edit parses the edited text only. Changes on disk are applied with `diskChanged`: an edit
 * of a known Markdown file rereads that file, anything else (a new file, the template,
 * `book.toml`, a `git checkout`) loads the repository again.
 */
export class RepositorySession {
  readonly root: string;
  private readonly load: LoadRepository;
  private base: Promise<Repository>;
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, { text: string; doc: RfcDocument }>();
  private readonly parse = createDocumentParser();
  private view: { base: Repository; texts: number; repo: Repository } | null = null;
  private textsVersion = 0;

  /**
   * Loads the repository reading only `first` (the file being opened) up front, so its
   * diagnostics come as fast as `rfc check <file>`. `loadAll` then loads all of it.
   */
  constructor(root: string, load: LoadRepository, first: string) {
    this.root = root;
    this.load = load;
    this.base = load(root, (p) => p === first);
    // A failed load is reported where it is awaited; it must not end the process.
    this.base.catch(() => {});
  }

  /**
   * Loads all of the repository, once the first load is done, so that every RFC opened later is
   * held to the template revision of its day; then `onLoaded` is called (a change on disk meanwhile
   * starts it again). Called once the repository is watched, so that no
   * change falls between the listing and the watch.
   */
  loadAll(onLoaded: () => void): void {
    const quick = this.base;
    void quick
      .then(() => this.load(this.root))
      .then((full) => {
        // Changed on disk meanwhile: load again, from the files as they are now.
        if (this.base !== quick) return this.loadAll(onLoaded);
        this.base = Promise.resolve(full);
        onLoaded();
      })
      .catch(() => {});
  }

  /** Sets the editor's text of a file (relative path), or forgets it when closed (null). */
  setText(path: string, text: string | null): void {
    if (text === null) {
      this.texts.delete(path);
      this.parsed.delete(path);
    } else this.texts.set(path, text);
    this.textsVersion++;
  }

  /** The relative paths of the files open in the editor. */
  openPaths(): string[] {
    return [...this.texts.keys()];
  }

  /** The repository with the editor's texts; rejects with the load's error when the disk could not be read. */
  async repository(): Promise<Repository> {
    const base = await this.base;
    if (this.view && this.view.base === base && this.view.texts === this.textsVersion) return this.view.repo;
    const repo = withOpenTexts(base, this.texts, (path, text) => this.parseText(path, text));
    this.view = { base, texts: this.textsVersion, repo };
    return repo;
  }

  /**
   * The open files whose text in the editor differs from the disk: being written, as an RFC named
   * on the command line is, even where git has no history to say so.
   */
  async editedPaths(): Promise<Set<string>> {
    const base = await this.base;
    const onDisk = new Map<string, string | undefined>();
    for (const rfc of base.rfcs) {
      if (this.texts.has(rfc.path)) onDisk.set(rfc.path, rfc.header?.source);
      for (const sub of rfc.subChapters) if (this.texts.has(sub.path)) onDisk.set(sub.path, sub.header?.source);
    }
    return new Set([...this.texts].filter(([path, text]) => onDisk.get(path) !== withoutBom(text)).map(([path]) => path));
  }

  /** The repository as loaded from disk, without the editor's texts. */
  onDisk(): Promise<Repository> {
    return this.base;
  }

  /**
   * Applies changes on disk (relative paths, each `change`, `add` or `unlink`); resolves once the
   * repository reads them. Only edits of files it knows are read alone.
   */
  async diskChanged(changes: ReadonlyMap<string, "change" | "add" | "unlink">): Promise<void> {
    const before = await this.base.catch(() => null);
    const onlyEdits = [...changes.values()].every((event) => event === "change");
    const edited = before && onlyEdits && (await toEditedRepository(before, [...changes.keys()]).catch(() => null));
    if (edited) this.base = Promise.resolve(edited);
    else await this.reload();
  }

  /** Loads the repository again from disk, e.g. when a file it does not know is opened. */
  async reload(): Promise<void> {
    this.base = this.load(this.root);
    this.base.catch(() => {});
    await this.base.catch(() => {});
  }

  private parseText(path: string, text: string): RfcDocument {
    const known = this.parsed.get(path);
    if (known?.text === text) return known.doc;
    const doc = this.parse(text);
    this.parsed.set(path, { text, doc });
    return doc;
  }
}
