import { allSections, lineText, type Link, type RfcDocument, type Section } from "../model/document.ts";
import { toLinkedFile } from "../model/asset-policy.ts";
import type { Position } from "../model/position.ts";
import type { MarkdownFile, Repository, Rfc } from "../model/repository.ts";

/** A link of a document and where it leads in the repository. */
export interface ResolvedLink {
  link: Link;
  /** Where the link is written: from its `[` (or `<` of an autolink) to the end of its target. */
  start: Position;
  end: Position;
  /** The repository path it points to, when that file exists; the source itself for `#anchor`. */
  target: string;
  /** The RFC the target is, or the RFC whose sub-chapter it is; null for any other file. */
  rfc: Rfc | null;
  /** The target's document, when it is Markdown the repository read. */
  doc: RfcDocument | null;
  /** The heading the `#fragment` names, when it names one. */
  section: Section | null;
}

/** The document's links that resolve to a file of the repository (or an anchor of its own), in order. */
export function resolveLinks(repo: Repository, sourcePath: string, doc: RfcDocument): ResolvedLink[] {
  const out: ResolvedLink[] = [];
  for (const link of doc.links) {
    const resolved = resolveLink(repo, sourcePath, doc, link);
    if (resolved) out.push(resolved);
  }
  return out;
}

/** The resolved link written at `at`, if any. */
export function linkAt(repo: Repository, sourcePath: string, doc: RfcDocument, at: Position): ResolvedLink | null {
  for (const link of doc.links) {
    if (link.line !== at.line) continue;
    const start = startOf(doc, link);
    if (at.column < start.column || at.column > link.endColumn + 1) continue;
    const resolved = resolveLink(repo, sourcePath, doc, link);
    if (resolved) return resolved;
  }
  return null;
}

function resolveLink(repo: Repository, sourcePath: string, doc: RfcDocument, link: Link): ResolvedLink | null {
  const written = link.href.trim();
  const hashAt = written.indexOf("#");
  const fragment = hashAt === -1 ? null : decodeFragment(written.slice(hashAt + 1));
  const place = { link, start: startOf(doc, link), end: { line: link.line, column: link.endColumn } };
  if (written.startsWith("#")) {
    const own = findFile(repo, sourcePath);
    return { ...place, target: sourcePath, rfc: own.rfc, doc, section: findSection(doc, fragment) };
  }
  const target = toLinkedFile(sourcePath, written);
  if (target === null || !repo.files.has(target)) return null;
  const { rfc, file } = findFile(repo, target);
  const targetDoc = file?.document ?? null;
  return { ...place, target, rfc, doc: targetDoc, section: targetDoc ? findSection(targetDoc, fragment) : null };
}

/** The RFC or sub-chapter at a path, with the RFC it belongs to. */
export function findFile(repo: Repository, path: string): { rfc: Rfc | null; file: MarkdownFile | null } {
  for (const rfc of repo.rfcs) {
    if (rfc.path === path) return { rfc, file: rfc };
    const sub = rfc.subChapters.find((s) => s.path === path);
    if (sub) return { rfc, file: sub };
  }
  return { rfc: null, file: null };
}

function findSection(doc: RfcDocument, fragment: string | null): Section | null {
  if (fragment === null || fragment === "") return null;
  const wanted = fragment.replace(/^user-content-/, "");
  const sections = allSections(doc.sections);
  return sections.find((s) => s.slug === wanted) ?? sections.find((s) => s.slug.toLowerCase() === wanted.toLowerCase()) ?? null;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * Where a link's text starts: the `[` before its target on the same line (`[text](target)`,
 * `[label]: target`), the `<` of an autolink, else the target itself.
 */
function startOf(doc: RfcDocument, link: Link): Position {
  const line = lineText(doc, link.line);
  const before = line.slice(0, link.column - 1);
  if (link.kind === "definition" || /\]\(\s*<?$/.test(before)) {
    const open = before.lastIndexOf("[");
    if (open !== -1) return { line: link.line, column: open + 1 };
  }
  if (before.endsWith("<")) return { line: link.line, column: link.column - 1 };
  return { line: link.line, column: link.column };
}
