import type { Repository } from "../model/repository.ts";

/** The RFCs that `files` (changed paths relative to the root) touch: the RFC itself, or its asset folder. */
export function selectChanged(repo: Repository, files: readonly string[]): Set<string> {
  const selected = new Set<string>();
  for (const rfc of repo.rfcs) {
    const folder = rfc.path.replace(/\.md$/, "/");
    if (files.some((f) => f === rfc.path || f.startsWith(folder))) selected.add(rfc.path);
  }
  return selected;
}
