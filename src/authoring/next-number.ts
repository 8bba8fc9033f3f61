import { UserError } from "../errors.ts";
import { joinFolder } from "../model/layout.ts";
import type { Repository } from "../model/repository.ts";
import { readDefaultBase } from "../repository/git.ts";
import { readFolderAt } from "../repository/read-git-tree.ts";

/** A number some RFC already has: in the working tree, or on the base branch. */
export interface TakenNumber {
  number: number;
  path: string;
  /** `null` for the working tree, else the git ref it was read from. */
  ref: string | null;
}

/** The numbers in use, and the branch they were read from besides the working tree. */
export interface TakenNumbers {
  taken: TakenNumber[];
  /** The base branch read (`origin/main`), or null when there is none to read. */
  base: string | null;
}

/**
 * Reads the RFC numbers in use: those in the working tree, and those on the base branch (the
 * branch the pull request will merge into), since another RFC may have been numbered and merged
 * there after this branch started. `base` defaults to the remote's default branch; an explicit
 * `base` that is not a revision is a `UserError`.
 */
export async function readTakenNumbers(repo: Repository, options: { base?: string | undefined }): Promise<TakenNumbers> {
  const taken: TakenNumber[] = repo.rfcs.filter((r) => r.number !== null && r.number > 0).map((r) => ({ number: r.number!, path: r.path, ref: null }));
  const base = options.base ?? (await readDefaultBase(repo.root));
  if (base === null) return { taken, base: null };
  const listed = await Promise.all(repo.layout.rfcDirs.map(async (d) => ({ folder: d.path, names: await readFolderAt(repo.root, base, d.path) })));
  if (listed.every((l) => l.names === null)) {
    if (options.base === undefined) return { taken, base: null };
    throw new UserError(`--base ${base} is not a branch or commit of this repository.`, {
      hint: "give a ref that exists here, e.g. --base origin/main (run `git fetch` first), or leave --base out.",
    });
  }
  for (const { folder, names } of listed) {
    for (const name of names ?? []) {
      const numberText = repo.layout.naming.pattern.exec(name)?.groups?.["number"];
      const number = numberText === undefined ? 0 : Number(numberText);
      if (number > 0) taken.push({ number, path: joinFolder(folder, name), ref: base });
    }
  }
  return { taken, base };
}

/**
 * The next free number: one more than the highest on the base branch (or, without one, in the
 * working tree), skipping any number the working tree already uses. Pure.
 */
export function toNextNumber({ taken, base }: TakenNumbers): number {
  const fromBase = base === null ? taken : taken.filter((t) => t.ref !== null);
  let next = Math.max(0, ...fromBase.map((t) => t.number)) + 1;
  const used = new Set(taken.map((t) => t.number));
  while (used.has(next)) next++;
  return next;
}
