import { createDocumentParser } from "../markdown/parse-document.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { allSections, type RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import type { MarkdownFile, Repository, Rfc } from "../model/repository.ts";
import { readSuppressionComments } from "../model/suppression-comment.ts";
import { applyEdits } from "./apply-edits.ts";
import { checkRepository, type CheckOptions } from "./check-repository.ts";
import { toChangedLines } from "./to-changed-lines.ts";

/** How to fix: what to check (as for `checkRepository`), and how many check → apply passes at most. */
export interface FixOptions extends CheckOptions {
  /** Passes at most (default 3): a fix can enable another, e.g. a changed file's `Last Updated`. */
  passes?: number;
  /**
   * The RFCs whose files may be rewritten (all by default): `rfc fix` leaves accepted RFCs as
   * history unless asked (`--all`). Their fixable problems are still counted (`FixResult.heldBack`).
   */
  rewrites?: (rfc: Rfc) => boolean;
}

/** A fix not written because the fixed file would no longer read as the same document. */
export interface RefusedFix {
  file: string;
  /** What would have changed besides the fix (`its sections`, `its metadata entries`). */
  change: string;
}

/** A fix that was applied: the diagnostic that carried it, positioned in the text of its pass. */
export interface AppliedFix {
  diagnostic: Diagnostic & { fix: Edit };
  /** The pass (from 1) that applied it. */
  pass: number;
}

/** A file the fixes changed: its whole text before and after (a byte-order mark included), ready to write. */
export interface FixedFile {
  /** Path relative to the repository root, `/`-separated. */
  path: string;
  before: string;
  after: string;
}

/** What fixing did: the files to write, the fixes applied, and the repository as it reads after them. */
export interface FixResult {
  files: FixedFile[];
  applied: AppliedFix[];
  /** Files whose fixes were dropped, and why. */
  refused: RefusedFix[];
  /** RFCs with problems a fix exists for that `rewrites` kept as they are. */
  heldBack: string[];
  /** The repository with every fixed file re-parsed, for checking what is left. */
  repo: Repository;
}

/**
 * Applies the fixes of fixable rules, in memory: check, apply each file's fixes, re-parse the
 * files that changed, and check again, up to `passes` times, because one fix can enable another
 * (a rewritten file is now uncommitted, so its `Last Updated` is due). Edits apply to the text
 * exactly as read, so line endings, a byte-order mark and every byte no fix touches stay as they
 * were. Nothing is written: the caller writes `files`. Pure.
 */
export function fixRepository(repo: Repository, options: FixOptions): FixResult {
  const parse = createDocumentParser();
  const passes = options.passes ?? 3;
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  const applied: AppliedFix[] = [];
  const refused: RefusedFix[] = [];
  const heldBack = new Set<string>();
  const ownerOf = toOwners(repo);
  const rewrites = options.rewrites ?? (() => true);
  let current = repo;
  for (let pass = 1; pass <= passes; pass++) {
    const byFile = new Map<string, (Diagnostic & { fix: Edit })[]>();
    for (const d of checkRepository(current, options)) {
      if (!d.fix || refused.some((r) => r.file === d.file)) continue;
      const owner = ownerOf.get(d.file);
      if (owner && !rewrites(owner)) {
        heldBack.add(owner.path);
        continue;
      }
      byFile.set(d.file, [...(byFile.get(d.file) ?? []), { ...d, fix: d.fix }]);
    }
    const reparsed = new Map<string, RfcDocument>();
    for (const [file, diagnostics] of byFile) {
      const doc = findDocument(current, file);
      if (!doc) continue;
      const { text, skipped } = applyEdits(doc.source, diagnostics.map((d) => d.fix));
      if (text === doc.source) continue;
      const bom = doc.hasBom ? "\uFEFF" : "";
      const fixed = parse(bom + text);
      // A fix changes a value, a key's spelling or an anchor line, never what the file is made of.
      const change = describeStructuralChange(doc, fixed);
      if (change !== null) {
        refused.push({ file, change });
        continue;
      }
      if (!before.has(file)) before.set(file, bom + doc.source);
      after.set(file, bom + text);
      reparsed.set(file, fixed);
      // Skipped edits overlapped one applied now; the next pass reports them again if still due.
      const left = new Set(skipped);
      for (const diagnostic of diagnostics) if (!left.has(diagnostic.fix)) applied.push({ diagnostic, pass });
    }
    if (reparsed.size === 0) break;
    current = withDocuments(current, reparsed);
  }
  const files = [...after]
    .filter(([file, text]) => before.get(file) !== text)
    .map(([file, text]) => ({ path: file, before: before.get(file)!, after: text }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, applied, refused, heldBack: [...heldBack].sort(), repo: current };
}

/** Each RFC and sub-chapter path, with the RFC it belongs to. */
function toOwners(repo: Repository): Map<string, Rfc> {
  const owners = new Map<string, Rfc>();
  for (const rfc of repo.rfcs) {
    owners.set(rfc.path, rfc);
    for (const sub of rfc.subChapters) owners.set(sub.path, rfc);
  }
  return owners;
}

/**
 * What a fixed document reads differently from the original, besides values: its metadata form,
 * entries or their items, its title, sections (titles at their levels), code blocks or HTML. Null
 * when it reads the same; a fix that changes any of these has misread the file.
 */
export function describeStructuralChange(before: RfcDocument, after: RfcDocument): string | null {
  const items = (doc: RfcDocument) => doc.metadata.entries.map((e) => e.items.length).join(",");
  const sections = (doc: RfcDocument) => allSections(doc.sections).map((s) => `${s.level}:${s.title}`).join("\n");
  if (before.metadata.form !== after.metadata.form || before.metadata.entries.length !== after.metadata.entries.length) return "its metadata entries";
  if (items(before) !== items(after)) return "the items of its metadata";
  if ((before.title?.text ?? null) !== (after.title?.text ?? null)) return "its title";
  if (sections(before) !== sections(after)) return "its sections";
  // Removing a suppression comment that turns nothing off is a fix of its own (`suppression-unused`).
  const html = (doc: RfcDocument) => doc.html.length - readSuppressionComments(doc).length;
  if (before.codeBlocks.length !== after.codeBlocks.length || html(before) !== html(after)) return "its code blocks or HTML";
  return null;
}

/** The parsed document of an RFC or sub-chapter, by path. */
function findDocument(repo: Repository, file: string): RfcDocument | null {
  for (const rfc of repo.rfcs) {
    if (rfc.path === file) return rfc.document;
    const sub = rfc.subChapters.find((s) => s.path === file);
    if (sub) return sub.document;
  }
  return null;
}

/** The repository with some files' documents replaced, and their git facts as git will see them once written. */
function withDocuments(repo: Repository, documents: ReadonlyMap<string, RfcDocument>): Repository {
  const replace = <F extends MarkdownFile>(file: F): F => {
    const document = documents.get(file.path);
    return document ? { ...file, document, header: document, problem: null } : file;
  };
  const rfcs = repo.rfcs.map((rfc): Rfc => {
    const updated = { ...replace(rfc), subChapters: rfc.subChapters.map(replace) };
    const document = documents.get(rfc.path);
    if (!document || !rfc.git || !rfc.document) return updated;
    const { changedLines } = rfc.git;
    return {
      ...updated,
      git: { ...rfc.git, uncommitted: true, changedLines: changedLines && toChangedLines(rfc.document.source, document.source, changedLines) },
    };
  });
  return { ...repo, rfcs };
}
