import { existsSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors.ts";
import { describeRfcDirs, folderOf, isRfcNamed, mayBeRfc } from "../model/layout.ts";
import type { Repository } from "../model/repository.ts";

/** Why a repository has no RFC: freshly scaffolded (its RFC folder is there, empty), or they were not found. */
export type NoRfcs = { kind: "not-yet"; folder: string } | { kind: "not-found"; error: UserError };

/**
 * What to say when a repository has no RFC. A folder `rfc init` made (the new-RFC folder exists
 * and holds no Markdown) is a repository with no RFCs yet. Anything else is a repository whose
 * RFCs were not found: the error says where rfckit looked, what it found instead (files named
 * `NNNN-*.md`, else Markdown files, by folder), and the key that points it there.
 */
export function explainNoRfcs(repo: Repository): NoRfcs {
  const { layout } = repo;
  const newDir = layout.newRfcDir;
  const newDirMarkdown = [...repo.files].filter((f) => folderOf(f) === newDir && mayBeRfc(path.posix.basename(f)));
  if (newDir !== "." && newDirMarkdown.length === 0 && existsSync(path.join(repo.root, newDir))) return { kind: "not-yet", folder: newDir };

  const looked = layout.rfcDirs.length > 0 ? `looked in ${describeRfcDirs(layout)}` : "looked for files named NNNN-*.md in every folder, and for Markdown files in folders named like text/, rfcs/, proposals/ or accepted/";
  const from = layout.facts.find((f) => f.topic === "rfc folders");
  const why = from?.source === "config" ? " (rfc-dir in book.toml)" : "";
  const instead = findInstead(repo);
  const message = [`No RFCs found: ${looked}${why}.`, instead.length > 0 ? `Found instead: ${instead.map((f) => f.text).join("; ")}.` : "Found no Markdown file that could be an RFC."].join("\n");
  const top = instead[0];
  const hint = top
    ? `if ${top.folder === "." ? "those at the root" : `those in ${top.folder}/`} are the RFCs, set rfc-dir = "${top.folder}" in book.toml's [rfckit] table${layout.exclude.length > 0 ? " (and check its exclude list)" : ""}.`
    : `write the first RFC with rfc new "Title" (it goes to ${newDir === "." ? "the root" : `${newDir}/`}), or set rfc-dir in book.toml's [rfckit] table to the folder that holds them.`;
  return { kind: "not-found", error: new UserError(message, { hint }) };
}

/** Folders holding files named `NNNN-*.md`, else Markdown files that could be RFCs, most first (three at most). */
function findInstead(repo: Repository): { folder: string; text: string }[] {
  const templates = new Set(repo.templates.map((t) => t.path));
  const candidates = [...repo.files].filter((f) => !templates.has(f) && !f.split("/").some((s) => s.startsWith(".") || s === "node_modules"));
  const numbered = countByFolder(candidates.filter((f) => isRfcNamed(path.posix.basename(f))));
  const groups = numbered.length > 0 ? numbered : countByFolder(candidates.filter((f) => mayBeRfc(path.posix.basename(f))));
  const kind = numbered.length > 0 ? "named NNNN-*.md" : "Markdown file";
  return groups.slice(0, 3).map(({ folder, count }) => ({
    folder,
    text: numbered.length > 0 ? `${count} file${count === 1 ? "" : "s"} ${kind} in ${shown(folder)}` : `${count} ${kind}${count === 1 ? "" : "s"} in ${shown(folder)}`,
  }));
}

function countByFolder(files: readonly string[]): { folder: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const file of files) counts.set(folderOf(file), (counts.get(folderOf(file)) ?? 0) + 1);
  return [...counts].map(([folder, count]) => ({ folder, count })).sort((a, b) => b.count - a.count || (a.folder < b.folder ? -1 : 1));
}

function shown(folder: string): string {
  return folder === "." ? "the root" : `${folder}/`;
}
