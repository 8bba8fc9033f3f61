import { toChangedLines } from "./to-changed-lines.ts";
import type { ContentProblem, RfcDocument } from "../model/document.ts";
import type { MarkdownFile, Repository, Rfc } from "../model/repository.ts";
import { withoutBom } from "../markdown/parse-document.ts";

/** Parses an editor's text (parsers are kept per session, one parse per text). */
export type ParseText = (path: string, text: string) => RfcDocument;

/**
 * The repository as the editor has it: each RFC or sub-chapter open in the editor read from the
 * editor's text instead of the disk. A file whose text is as on disk keeps its document, so
 * opening a file parses nothing new; an edited RFC is uncommitted, with its changed lines moved
 * as git will see them once saved. Files not known to the repository are left to a reload.
 */
export function withOpenTexts(repo: Repository, texts: ReadonlyMap<string, string>, parse: ParseText): Repository {
  if (texts.size === 0) return repo;
  const replace = <F extends MarkdownFile>(file: F): F => {
    const text = texts.get(file.path);
    if (text === undefined || file.header?.source === withoutBom(text)) return file;
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > repo.config.maxFileBytes) return withText(file, null, { kind: "too-large", bytes, limit: repo.config.maxFileBytes });
    if (withoutBom(text).trim() === "") return withText(file, null, { kind: "empty" });
    return withText(file, parse(file.path, text), null);
  };
  let changed = false;
  const rfcs = repo.rfcs.map((rfc): Rfc => {
    if (!texts.has(rfc.path) && !rfc.subChapters.some((s) => texts.has(s.path))) return rfc;
    const own = replace(rfc);
    const subChapters = rfc.subChapters.map(replace);
    if (own === rfc && subChapters.every((s, i) => s === rfc.subChapters[i])) return rfc;
    changed = true;
    const updated = override(own, { subChapters });
    if (own === rfc || !rfc.git) return updated;
    const before = rfc.header?.source ?? "";
    const after = own.header?.source ?? "";
    const { changedLines } = rfc.git;
    return override(updated, { git: { ...rfc.git, uncommitted: true, changedLines: changedLines && toChangedLines(before, after, changedLines) } });
  });
  return changed ? { ...repo, rfcs } : repo;
}

/** The file read from the editor's text: a parsed document, or the problem that stands for one. */
function withText<F extends MarkdownFile>(file: F, document: RfcDocument | null, problem: ContentProblem | null): F {
  return override(file, { document, header: document, problem });
}

/**
 * A copy of the object with some properties replaced, the others copied as they are defined:
 * getters stay getters. Spreading a loaded file would call its `document` getter, which parses
 * the text on disk only to throw it away.
 */
function override<T extends object>(object: T, values: Record<string, unknown>): T {
  const replaced = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, enumerable: true, writable: true, configurable: true }]));
  return Object.defineProperties(Object.create(Object.getPrototypeOf(object) as object | null) as T, { ...Object.getOwnPropertyDescriptors(object), ...replaced });
}
