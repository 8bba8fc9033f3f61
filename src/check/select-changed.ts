import type { Repository } from "../model/repository.ts";

/** The RFCs that `files` (changed paths relative to the root) touch: the RFC itself, or its asset folder. */
export function selectChanged(repo: Repository, files: readonly string[]): Set<string> {
  return new Set(repo.rfcs.filter((rfc) => isTouched(rfc.path, files)).map((rfc) => rfc.path));
}

/** Whether `files` hold the RFC at `rfcPath` or a file of its folder. */
export function isTouched(rfcPath: string, files: readonly string[]): boolean {
  const folder = rfcPath.replace(/\.md$/, "/");
  return files.some((f) => f === rfcPath || f.startsWith(folder));
}
