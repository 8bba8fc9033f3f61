import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { lstat, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { publishAsset } from "../book/publish-asset.ts";
import type { Asset, Page } from "../book/types.ts";
import { describeRefusal } from "../model/asset-policy.ts";
import type { Repository } from "../model/repository.ts";
import { UserError } from "../errors.ts";
import { createBookFileWriter } from "./book-file-writer.ts";

/** The file that marks a folder as written by `rfc build`, so a later build may replace it. */
export const bookMarker = ".rfckit-book";

/**
 * Writes the book into `outDir`: what `writeFiles` writes into the folder it is given, then the
 * assets. Everything goes to a new folder beside `outDir` first; only when all is written does
 * that folder take `outDir`'s place, so a reader never sees half a book and a failed build leaves
 * the old one. An existing `outDir` is replaced only when it holds the marker of an earlier
 * build: a folder of the user's is never overwritten. Assets are written as `publishAsset` gives
 * them; `skipped` lists those it refused at this point, with why.
 */
export async function writeBook(
  assets: readonly Asset[],
  options: { repo: Pick<Repository, "root" | "files">; outDir: string; display: string },
  writeFiles: (dir: string) => Promise<void>,
): Promise<{ skipped: { file: string; reason: string }[] }> {
  const { outDir, repo } = options;
  const root = repo.root;
  await refuseForeignFolder(outDir, root, options.display);
  const suffix = randomBytes(6).toString("hex");
  const temp = path.join(path.dirname(outDir), `.${path.basename(outDir)}.${suffix}.tmp`);
  const old = path.join(path.dirname(outDir), `.${path.basename(outDir)}.${suffix}.old`);
  await mkdir(path.dirname(outDir), { recursive: true });
  await mkdir(temp);
  try {
    await writeFiles(temp);
    const write = createBookFileWriter(temp);
    const skipped: { file: string; reason: string }[] = [];
    for (const asset of assets) {
      const published = await publishAsset(repo, asset.from);
      if ("refusal" in published) {
        skipped.push({ file: asset.from, reason: describeRefusal(published.refusal) });
        continue;
      }
      write(asset.to, published.bytes);
    }
    write(bookMarker, "This folder was written by `rfc build`; the next build replaces all of it.\n");
    // GitHub Pages runs Jekyll on a branch unless this file is at its root, and Jekyll drops
    // folders whose name starts with "_", as the book's `_rfckit/` does.
    write(".nojekyll", "");
    const exists = await isPresent(outDir);
    if (exists) await rename(outDir, old);
    try {
      await rename(temp, outDir);
    } catch (error) {
      if (exists) await rename(old, outDir);
      throw error;
    }
    // Synchronous: nothing else is left to do, and it takes half the time of fs/promises' rm.
    if (exists) rmSync(old, { recursive: true, force: true });
    return { skipped };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Throws a `UserError` when `outDir` is the repository (or holds it), or is an existing folder
 * that is neither empty nor an earlier build; called before building, and again before writing.
 */
export async function refuseForeignFolder(outDir: string, root: string, display: string): Promise<void> {
  const relative = path.relative(outDir, root);
  if (relative === "" || !relative.startsWith("..")) {
    throw new UserError(`The output folder ${display} holds the repository itself.`, { hint: "choose a folder inside or beside the repository, e.g. --out book." });
  }
  if (!(await isPresent(outDir))) return;
  const stat = await lstat(outDir);
  const entries = stat.isDirectory() ? await readdir(outDir) : null;
  if (entries === null || (entries.length > 0 && !entries.includes(bookMarker))) {
    throw new UserError(`${display} exists and was not written by rfc build (it has no ${bookMarker} file), so it is left alone.`, {
      hint: "pass --out with a new folder, or move that folder away first.",
    });
  }
}

/** Writes pages held in memory under `dir`, never over a file that is there. */
export function writePages(dir: string, pages: readonly Page[]): void {
  const write = createBookFileWriter(dir);
  for (const page of pages) write(page.path, page.html);
}

async function isPresent(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
