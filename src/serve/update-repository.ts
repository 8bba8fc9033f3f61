import type { Repository, Rfc } from "../model/repository.ts";
import { readMarkdownFiles } from "../repository/read-markdown.ts";

/**
 * The repository after the contents of `changed` (relative paths) were edited: each edited RFC or
 * sub-chapter is read and parsed again; every other file keeps its parsed document, so the book
 * knows which pages are unchanged. Null when a change is more than an edit of a known Markdown
 * file (a new or deleted file, the template, `book.toml`): the caller then loads it all again.
 * Git facts are kept as loaded: they change on commit, not on save.
 */
export async function toEditedRepository(repo: Repository, changed: readonly string[]): Promise<Repository | null> {
  const owner = new Map<string, Rfc>();
  for (const rfc of repo.rfcs) {
    owner.set(rfc.path, rfc);
    for (const sub of rfc.subChapters) owner.set(sub.path, rfc);
  }
  const edited = changed.filter((p) => p !== "README.md");
  if (edited.some((p) => !owner.has(p) || !repo.files.has(p))) return null;
  if (edited.length === 0) return repo;
  const reread = new Map((readMarkdownFiles(repo.root, edited, { maxBytes: repo.config.maxFileBytes })).map((f) => [f.path, f]));
  const rfcs = repo.rfcs.map((rfc): Rfc => {
    if (!edited.some((p) => owner.get(p) === rfc)) return rfc;
    const own = reread.get(rfc.path);
    return {
      ...rfc,
      ...(own ? { document: own.document, header: own.header, problem: own.problem } : {}),
      subChapters: rfc.subChapters.map((sub) => reread.get(sub.path) ?? sub),
    };
  });
  return { ...repo, rfcs };
}
