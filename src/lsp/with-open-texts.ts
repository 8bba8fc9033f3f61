import { toChangedLines } from "../check/to-changed-lines.ts";
import type { RfcDocument } from "../model/document.ts";
import type { MarkdownFile, Repository, Rfc } from "../model/repository.ts";

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
    if (text === undefined || file.header?.source === stripBom(text)) return file;
    if (Buffer.byteLength(text, "utf8") > repo.config.maxFileBytes) {
      return { ...file, document: null, header: null, problem: { kind: "too-large", bytes: Buffer.byteLength(text, "utf8"), limit: repo.config.maxFileBytes } };
    }
    if (stripBom(text).trim() === "") return { ...file, document: null, header: null, problem: { kind: "empty" } };
    const document = parse(file.path, text);
    return { ...file, document, header: document, problem: null };
  };
  let changed = false;
  const rfcs = repo.rfcs.map((rfc): Rfc => {
    if (!texts.has(rfc.path) && !rfc.subChapters.some((s) => texts.has(s.path))) return rfc;
    const own = replace(rfc);
    const subChapters = rfc.subChapters.map(replace);
    if (own === rfc && subChapters.every((s, i) => s === rfc.subChapters[i])) return rfc;
    changed = true;
    // Spread only what changed: spreading an Rfc reads its getters (it parses).
    const updated: Rfc = own === rfc ? withSubChapters(rfc, subChapters) : { ...own, subChapters };
    if (own === rfc || !rfc.git) return updated;
    const before = rfc.header?.source ?? "";
    const after = own.header?.source ?? "";
    const { changedLines } = rfc.git;
    return { ...updated, git: { ...rfc.git, uncommitted: true, changedLines: changedLines && toChangedLines(before, after, changedLines) } };
  });
  return changed ? { ...repo, rfcs } : repo;
}

/** The RFC with other sub-chapters, its own document still read when first asked for. */
function withSubChapters(rfc: Rfc, subChapters: MarkdownFile[]): Rfc {
  return Object.create(rfc, { subChapters: { value: subChapters, enumerable: true } }) as Rfc;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
