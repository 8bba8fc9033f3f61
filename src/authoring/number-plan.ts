import { applyEdits } from "../check/apply-edits.ts";
import { InternalError } from "../errors.ts";
import type { Edit } from "../model/edit.ts";
import type { MarkdownFile, Repository, Rfc } from "../model/repository.ts";
import type { FilePlan, FileStep } from "./file-plan.ts";
import { toLinkEdits, type PathMove } from "./rewrite-links.ts";

/** Why the RFC gets the number it gets. */
export type NumberSource =
  | { kind: "next"; base: string | null; highest: number }
  | { kind: "given" }
  | { kind: "pull-request" };

/** Everything `rfc number` will do, as data: the file steps and what they amount to. */
export interface NumberPlan extends FilePlan {
  number: number;
  /** The number as it appears in the new file name (`0042`). */
  numberText: string;
  source: NumberSource;
  file: PathMove;
  folder: PathMove | null;
  /** Files whose links are rewritten (paths after the move), with the number of links in each. */
  rewritten: { path: string; links: number }[];
  /** The pull request link written into the RFC (under the template's key, e.g. `RFC PR`), when one is. */
  pr: { key: string; link: string } | null;
  /** Things left for the author: a PR link not filled, links that could not be rewritten. */
  notes: string[];
}

/** What `toNumberPlan` needs besides the repository. */
export interface NumberPlanInput {
  repo: Repository;
  rfc: Rfc;
  number: number;
  numberText: string;
  /** The new file path (the old one with the number replaced). */
  to: string;
  source: NumberSource;
  /** Markdown files at the root (README.md…), parsed, whose links may point at the RFC. */
  rootFiles: readonly MarkdownFile[];
  /** Paths git tracks (moved with `git mv`); null outside a git work tree. */
  tracked: ReadonlySet<string> | null;
  /** The edit that fills the RFC's pull request link, the key it fills and the link. */
  prFill: { edit: Edit; key: string; link: string } | null;
  notes: readonly string[];
}

/**
 * Plans the numbering of a draft: rewrite every link in the repository that pointed at the old
 * paths and fill the PR link, then rename the file and its asset folder. The writes come first,
 * at the files' present paths, so that a run killed half-way leaves no renamed draft with links
 * still pointing at its old name, and the journal can tell each step done or not from the disk
 * (number-journal.ts). Pure: nothing is read or written.
 */
export function toNumberPlan(input: NumberPlanInput): NumberPlan {
  const { repo, rfc } = input;
  const file: PathMove = { from: rfc.path, to: input.to };
  const folder: PathMove | null = rfc.assetFolder ? { from: rfc.assetFolder, to: input.to.slice(0, -".md".length) } : null;
  const moves = folder ? [file, folder] : [file];
  const steps: FileStep[] = moves.map((m) => ({ kind: "rename", from: m.from, to: m.to, git: input.tracked?.has(m.from) ?? false }));
  const newPathOf = (p: string): string => {
    if (p === file.from) return file.to;
    if (folder && p.startsWith(`${folder.from}/`)) return folder.to + p.slice(folder.from.length);
    return p;
  };

  const sources: MarkdownFile[] = [...input.rootFiles];
  for (const other of repo.rfcs) sources.push(other, ...other.subChapters);
  const rewritten: NumberPlan["rewritten"] = [];
  const notes = [...input.notes];
  for (const source of sources) {
    const doc = source.document;
    if (!doc) continue;
    const { edits, stranded } = toLinkEdits(doc, source.path, moves);
    for (const s of stranded) notes.push(`${newPathOf(source.path)}:${s.line}: the link to "${s.href}" could not be rewritten; change it by hand.`);
    const all = source.path === rfc.path && input.prFill ? [...edits, input.prFill.edit] : edits;
    if (all.length === 0) continue;
    const before = (doc.hasBom ? "\uFEFF" : "") + doc.source;
    const applied = applyEdits(doc.source, all);
    if (applied.skipped.length > 0) throw new InternalError(`overlapping edits planned for ${source.path}`);
    const after = (doc.hasBom ? "\uFEFF" : "") + applied.text;
    if (after === before) continue;
    steps.push({ kind: "write", path: source.path, before, after });
    if (edits.length > 0) rewritten.push({ path: newPathOf(source.path), links: edits.length });
  }

  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  rewritten.sort(byPath);
  return {
    root: repo.root,
    steps: [...steps.filter((s) => s.kind === "write").sort(byPath), ...steps.filter((s) => s.kind === "rename")],
    number: input.number,
    numberText: input.numberText,
    source: input.source,
    file,
    folder,
    rewritten,
    pr: input.prFill ? { key: input.prFill.key, link: input.prFill.link } : null,
    notes,
  };
}
