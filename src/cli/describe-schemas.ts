import type { Repository, Rfc } from "../model/repository.ts";

/**
 * Lines saying which template revisions RFCs were held to, when not the current template, and,
 * when `softened` (template rules gave accepted RFCs warnings), why.
 */
export function describeSchemas(repo: Repository, checked: readonly Rfc[], softened: boolean): string[] {
  const notes: string[] = [];
  const byRevision = new Map<string, Rfc[]>();
  for (const rfc of checked) {
    const revision = rfc.schema.source.revision;
    if (!revision) continue;
    const key = `${rfc.template} as of ${revision.date} (${revision.commit.slice(0, 7)})`;
    byRevision.set(key, [...(byRevision.get(key) ?? []), rfc]);
  }
  for (const [revision, rfcs] of [...byRevision].sort()) {
    const names = rfcs.length <= 3 ? rfcs.map((r) => r.path).join(", ") : `${rfcs.length} RFCs`;
    notes.push(`${names}: checked against ${revision}, the template when they started.`);
  }
  if (!softened) return notes;
  if (repo.shallowClone) {
    notes.push(`A shallow clone: its history is not read (git fetch --unshallow fetches it), so numbered RFCs may predate the current template, and template rules give them warnings.`);
  } else if (!repo.hasHistory) {
    notes.push(`No git history: numbered RFCs may predate the current template, so template rules give them warnings.`);
  } else {
    notes.push(`Accepted RFCs, as committed, are history: template rules give them warnings (name an RFC, or use --changed, for errors).`);
  }
  return notes;
}
