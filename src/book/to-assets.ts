import { toAssetCandidates, toAssetVerdict } from "../model/asset-policy.ts";
import type { Repository } from "../model/repository.ts";
import type { PagePlaces } from "./page-places.ts";
import type { Asset, Chapter } from "./types.ts";

/**
 * Files published beside the pages, where the book's places put them: of the files in the RFC folder
 * that are not Markdown, and of the other files a page shows as an image, those the asset policy
 * publishes (`toAssetVerdict`: inert types, regular files, links only to files of the tree).
 * `publishAsset` applies the policy again when the bytes are read.
 */
export function toAssets(repo: Repository, chapters: readonly Chapter[], places: PagePlaces): Asset[] {
  return toAssetCandidates(
    repo,
    chapters.map((c) => ({ path: c.file.path, links: c.file.document?.links ?? [] })),
  )
    .filter((file) => toAssetVerdict(file, repo).published)
    .map((file) => ({ from: file, to: places.asset(file) }));
}
