import { findEntry, type GitHubRef } from "./metadata.ts";
import type { Rfc } from "./repository.ts";

/** The pull request an RFC's header links to under the template's PR key (`RFC PR`), from its URL or its text; null when there is none. */
export function readPrRef(rfc: Pick<Rfc, "header" | "schema">): GitHubRef | null {
  const prKey = rfc.schema.prKey;
  const shape = prKey && rfc.header ? findEntry(rfc.header.metadata, prKey)?.value.shape : undefined;
  if (shape?.kind === "link") return shape.urlRef ?? shape.textRef;
  return shape?.kind === "url" ? shape.urlRef : null;
}
