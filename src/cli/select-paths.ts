import { stat } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../errors.ts";
import { describeRfcDirs } from "../model/layout.ts";
import type { Repository } from "../model/repository.ts";

/** The RFCs the paths on the command line name, and a note for each path that names none. */
export interface SelectedPaths {
  rfcs: Set<string>;
  skipped: string[];
}

/** A path given on the command line, relative to the root and `/`-separated. */
export function toRootRelative(root: string, cwd: string, given: string): string {
  return path.relative(root, path.resolve(cwd, given)).split(path.sep).join("/");
}

/** Whether a path given on the command line (relative to the root) names the RFC: the file itself, or a folder it is in. */
export function isGiven(rfcPath: string, relative: string): boolean {
  return rfcPath === relative || relative === "" || rfcPath.startsWith(`${relative}/`);
}

/**
 * Turns paths given on the command line into the RFC paths they name. A file that is there but is
 * no RFC (the README, a file outside the repository) is skipped with a note, as hook tools pass
 * every staged Markdown file; a path that is not there at all is a mistake, and refused.
 */
export async function selectPaths(repo: Repository, cwd: string, paths: readonly string[]): Promise<SelectedPaths> {
  const rfcs = new Set<string>();
  const skipped: string[] = [];
  for (const given of paths) {
    const relative = toRootRelative(repo.root, cwd, given);
    const matches = relative.startsWith("..") || path.isAbsolute(relative) ? [] : repo.rfcs.filter((r) => isGiven(r.path, relative));
    for (const rfc of matches) rfcs.add(rfc.path);
    if (matches.length > 0) continue;
    if (!(await exists(path.resolve(cwd, given)))) {
      throw new UserError(`${given} does not exist.`, { hint: `give the path of an RFC file such as ${repo.rfcs[0]?.path ?? "text/0001-my-feature.md"}, or no path to check them all.` });
    }
    skipped.push(`${given}: not an RFC of this repository (RFCs are the .md files in ${describeRfcDirs(repo.layout)}), skipped.`);
  }
  return { rfcs, skipped };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
