import { normaliseKey } from "../model/metadata.ts";
import type { Repository } from "../model/repository.ts";
import { findMetadataRefs, sameRepository } from "../rules/metadata-links.ts";

/**
 * The RFCs a pull request proposes, for the approval check to report on: the RFCs checked when the
 * command named them (paths, `--changed`); otherwise those whose `RFC PR` link names the pull request.
 */
export function selectPullRequestRfcs(repo: Repository, number: number, only: ReadonlySet<string> | undefined): Set<string> {
  if (only) return new Set(repo.rfcs.filter((r) => only.has(r.path)).map((r) => r.path));
  const selected = new Set<string>();
  for (const rfc of repo.rfcs) {
    const { document: doc, schema } = rfc;
    if (!doc || schema.prKey === null) continue;
    const prKey = normaliseKey(schema.prKey);
    // Issues and pull requests share one sequence of numbers, so an `/issues/N` URL names it too.
    const names = findMetadataRefs(doc).some(
      ({ ref, key }) => normaliseKey(key).includes(prKey) && ref.number === number && (!schema.repository || sameRepository(ref, schema.repository)),
    );
    if (names) selected.add(rfc.path);
  }
  return selected;
}
