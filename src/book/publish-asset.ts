import { isUtf8 } from "node:buffer";
import { toAssetVerdict, type AssetRefusal, type PublishedType } from "../model/asset-policy.ts";
import type { Repository } from "../model/repository.ts";
import { readFileKind, readRegularFile } from "../repository/read-asset.ts";
import { sanitizeSvg } from "./sanitize-svg.ts";

/** An asset as the book publishes it, or why it does not. */
export type PublishedAsset = { bytes: Buffer; type: PublishedType } | { refusal: AssetRefusal };

/**
 * The bytes the book publishes for `file` (a path of the repository's tree): the one place that
 * decides, for `rfc build` and `rfc serve` alike. The policy (`toAssetVerdict`) is applied again
 * to the file as it is now, not as it was loaded; a link is read at its target, which must be a
 * regular file of the tree; an SVG is published sanitised (`sanitizeSvg`), or not at all.
 */
export async function publishAsset(repo: Pick<Repository, "root" | "files">, file: string): Promise<PublishedAsset> {
  const byType = toAssetVerdict(file, { files: repo.files, special: new Map() });
  if (!byType.published) return { refusal: byType.refusal };
  const kind = await readFileKind(repo.root, file);
  if ("unreadable" in kind) return { refusal: { kind: "content", reason: `it cannot be read (${kind.unreadable})` } };
  const verdict = toAssetVerdict(file, { files: repo.files, special: kind.entry ? new Map([[file, kind.entry]]) : new Map() });
  if (!verdict.published) return { refusal: verdict.refusal };
  const source = kind.entry?.kind === "symlink" && kind.entry.target.kind === "inside" ? kind.entry.target.path : file;
  const bytes = await readRegularFile(repo.root, source);
  if (bytes === null) return { refusal: { kind: "content", reason: "it cannot be read as a regular file" } };
  if (verdict.type.family !== "svg") return { bytes, type: verdict.type };
  if (!isUtf8(bytes)) return { refusal: { kind: "content", reason: "the SVG is not UTF-8 text" } };
  const sanitized = sanitizeSvg(bytes.toString("utf8"));
  if ("error" in sanitized) return { refusal: { kind: "content", reason: `the SVG ${sanitized.error.replace(/^it /, "")}` } };
  return { bytes: Buffer.from(sanitized.svg, "utf8"), type: verdict.type };
}
