import { sliceLine } from "./document.ts";
import type { StatusSource } from "./layout.ts";
import { normaliseKey } from "./metadata.ts";
import type { Rfc } from "./repository.ts";

/** Metadata keys that hold a status where the repository has one (`Status: Accepted`, NixOS-style `stage:`). */
const statusKeys = ["status", "stage", "state"];

/**
 * The RFC's status as the repository records it, or null where it records none. `source` says
 * where to read it; `auto` takes, in order, a `status` / `stage` / `state` metadata value, a
 * banner at the top of the text (`## This RFC was previously approved, but later **withdrawn**`,
 * `This RFC is superseded by RFC 44.`), the Status column of a table of RFCs in the README, a
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
      return readMetadataStatus(rfc, statusKeys) ?? readBannerStatus(rfc) ?? rfc.listedStatus ?? rfc.nameStatus ?? (rfc.folder.label?.kind === "status" ? rfc.folder.label.value : null);
  }
}

// A line that says what became of the RFC: a heading, a quote or a paragraph of its own, starting so.
const banner = /^(?:#{1,6}[ \t]+|>[ \t]*)?(?:\*\*|__)?(?:note:[ \t]*)?this (?:rfc|proposal|document) (?:is|was|has been)\b[^.]{0,60}?\b(withdrawn|superseded|postponed|deprecated|rejected|obsolete)\b/i;
// The lines after the header where a banner stands, before the RFC's own text.
const bannerLines = 20;

/** The status a banner near the top gives (`withdrawn`, `superseded`), or null. */
function readBannerStatus(rfc: Rfc): string | null {
  const header = rfc.header;
  if (!header) return null;
  const from = header.metadata.endLine;
  for (let index = from; index < from + bannerLines; index++) {
    const text = sliceLine(header.source, header.lineStarts, index);
    if (text === undefined) return null;
    const m = banner.exec(text.trim());
    // `## This RFC was previously approved, but part of it later **withdrawn**`.
    if (m) return /\bpart(?:ly|ially)?\b/i.test(m[0]) ? `partly ${m[1]!.toLowerCase()}` : m[1]!.toLowerCase();
  }
  return null;
}

function readMetadataStatus(rfc: Rfc, keys: readonly string[]): string | null {
  const entry = rfc.header?.metadata.entries.find((e) => keys.includes(normaliseKey(e.key).replace(/[-_]/g, " ")));
  if (!entry) return null;
  // The status word, not its Markdown: `[Accepted](…/issues/12)`, `` `accepted` `` and `**Accepted**` are "Accepted".
  const shape = entry.value.shape;
  const text = shape.kind === "link" ? shape.text : shape.kind === "ident" ? shape.name : entry.value.raw.trim().replace(/^(\*\*|__|\*|_)(.+)\1$/, "$2");
  return text.trim() || null;
}
