import { describeRefusal, hintForRefusal, toAssetCandidates, toAssetVerdict, toLinkedFile, toShownFiles, type AssetRefusal, type LinkingPage } from "../model/asset-policy.ts";
import type { RfcDocument } from "../model/document.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { defineRule } from "./define-rule.ts";

export default defineRule({
  id: "asset-unpublished",
  description: "Files in the RFC folder are ones the book publishes: inert types (no HTML, XML or scripts), and links only to files of the repository",
  severity: "warning",
  tags: ["repository", "book"],
  fixable: false,
  // Reported where the author will look: at the first link to the file in each RFC that links to
  // it, else at line 1 of the RFC whose folder holds it (see checkRepository for the rest).
  check({ repo, rfc, doc, report, memo }) {
    const sources = sourcesOf(rfc, doc);
    // Only this RFC's pages are read: an image elsewhere that they show is a candidate too.
    const inFolders = memo(toRefusedAssets, repo, noPages);
    const shown = new Map<string, AssetRefusal>();
    for (const file of toShownFiles(repo, sources.map((s) => ({ path: s.path, links: s.doc.links })))) {
      const verdict = toAssetVerdict(file, repo);
      if (!verdict.published) shown.set(file, verdict.refusal);
    }
    if (inFolders.size === 0 && shown.size === 0) return;
    const reported = new Set<string>();
    for (const source of sources) {
      for (const link of source.doc.links) {
        const target = toLinkedFile(source.path, link.href);
        const refusal = target === null || reported.has(target) ? undefined : (inFolders.get(target) ?? shown.get(target));
        if (target === null || refusal === undefined) continue;
        reported.add(target);
        report({
          line: link.line,
          column: link.column,
          endColumn: link.endColumn,
          ...(source.path === rfc.path ? {} : { file: source.path }),
          message: toMessage(target, refusal),
          hint: hintForRefusal(refusal, target),
        });
      }
    }
    if (rfc.assetFolder === null) return;
    for (const [file, refusal] of inFolders) {
      if (file.startsWith(`${rfc.assetFolder}/`) && !reported.has(file)) report({ line: 1, message: toMessage(file, refusal), hint: hintForRefusal(refusal, file) });
    }
  },
  // A file that no readable RFC holds in its folder or links to is reported on itself, at line 1.
  checkRepository({ repo, isChecked, report }) {
    // An image outside the RFC folders is a candidate only because a page shows it: never unlinked.
    const refused = new Map([...toRefusedAssets(repo, noPages)].filter(([file]) => isChecked(file)));
    if (refused.size === 0) return;
    const readable = repo.rfcs.filter((rfc) => rfc.header !== null);
    const folders = readable.flatMap((rfc) => (rfc.assetFolder === null ? [] : [`${rfc.assetFolder}/`]));
    const loose = [...refused].filter(([file]) => !folders.some((folder) => file.startsWith(folder)));
    if (loose.length === 0) return;
    const linked = new Set<string>();
    for (const rfc of readable) {
      for (const source of sourcesOf(rfc, rfc.document!)) {
        for (const link of source.doc.links) {
          const target = toLinkedFile(source.path, link.href);
          if (target !== null) linked.add(target);
        }
      }
    }
    for (const [file, refusal] of loose) {
      if (!linked.has(file)) report({ file, line: 1, message: toMessage(file, refusal), hint: hintForRefusal(refusal, file) });
    }
  },
});

const noPages: readonly LinkingPage[] = [];

/** The files the book would consider publishing beside `pages` (see `toAssetCandidates`) that it leaves out, with why. */
function toRefusedAssets(repo: Repository, pages: readonly LinkingPage[]): Map<string, AssetRefusal> {
  const refused = new Map<string, AssetRefusal>();
  for (const file of toAssetCandidates(repo, pages)) {
    const verdict = toAssetVerdict(file, repo);
    if (!verdict.published) refused.set(file, verdict.refusal);
  }
  return refused;
}

/** The RFC and its readable sub-chapters, whose links may point at an asset. */
function sourcesOf(rfc: Rfc, doc: RfcDocument): { path: string; doc: RfcDocument }[] {
  return [{ path: rfc.path, doc }, ...rfc.subChapters.flatMap((sub) => (sub.document ? [{ path: sub.path, doc: sub.document }] : []))];
}

function toMessage(file: string, refusal: AssetRefusal): string {
  return `${file} is not published in the book: ${describeRefusal(refusal)}.`;
}
