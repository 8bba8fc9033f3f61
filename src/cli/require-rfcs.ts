import type { Repository } from "../model/repository.ts";
import { explainNoRfcs } from "../repository/explain-no-rfcs.ts";

/**
 * For commands that read every RFC: null when the repository has RFCs; a line to print when it has
 * none yet (freshly scaffolded); and, when its RFCs were not found, the `UserError` saying where
 * rfckit looked and what it found instead, so that nothing passes having read nothing.
 */
export function requireRfcs(repo: Repository): string | null {
  if (repo.rfcs.length > 0) return null;
  const none = explainNoRfcs(repo);
  if (none.kind === "not-found") throw none.error;
  return `No RFCs yet in ${none.folder}/: rfc new "Title" writes the first one there.\n`;
}
