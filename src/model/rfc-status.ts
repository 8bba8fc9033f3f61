import type { StatusSource } from "./layout.ts";
import { normaliseKey } from "./metadata.ts";
import type { Rfc } from "./repository.ts";

/** Metadata keys that hold a status where the repository has one (`Status: Accepted`, NixOS-style `stage:`). */
const statusKeys = ["status", "stage", "state"];

/**
 * The RFC's status as the repository records it, or null where it records none. `source` says
 * where to read it; `auto` takes, in order, a `status` / `stage` / `state` metadata value, a
 * file-name suffix (`0249-x.expired.md`), then a folder that names a status (`active-rfcs/`).
 */
export function readRecordedStatus(rfc: Rfc, source: StatusSource): string | null {
  switch (source.kind) {
    case "none":
      return null;
    case "metadata":
      return readMetadataStatus(rfc, [normaliseKey(source.key)]);
    case "file-name":
      return rfc.nameStatus;
    case "folder":
      return rfc.folder.label?.kind === "status" ? rfc.folder.label.value : null;
    case "auto":
      return readMetadataStatus(rfc, statusKeys) ?? rfc.nameStatus ?? (rfc.folder.label?.kind === "status" ? rfc.folder.label.value : null);
  }
}

function readMetadataStatus(rfc: Rfc, keys: readonly string[]): string | null {
  const entry = rfc.header?.metadata.entries.find((e) => keys.includes(normaliseKey(e.key).replace(/[-_]/g, " ")));
  if (!entry) return null;
  // The status word, not its Markdown: `[Accepted](…/issues/12)`, `` `accepted` `` and `**Accepted**` are "Accepted".
  const shape = entry.value.shape;
  const text = shape.kind === "link" ? shape.text : shape.kind === "ident" ? shape.name : entry.value.raw.trim().replace(/^(\*\*|__|\*|_)(.+)\1$/, "$2");
  return text.trim() || null;
}
