import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package root. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundled example repository. */
export const examplesDir = path.join(packageRoot, "examples");

/** Where the real RFC corpora live, beside the project. */
export const corpusDir = path.resolve(packageRoot, "../shared/corpus");

/** The real RFC repositories in the corpus. */
export type CorpusName = "metalbear-rfcs" | "rust-rfcs" | "nixos-rfcs" | "amaranth-rfcs";

/**
 * The path of a corpus repository, or a skip reason for `test(name, { skip })` when it is absent,
 * so the suite passes on machines without `../shared`.
 */
export function corpus(name: CorpusName): { dir: string; skip: string | false } {
  const dir = path.join(corpusDir, name);
  return { dir, skip: existsSync(dir) ? false : `corpus ${dir} is absent: real-repository tests skipped` };
}

/** A repository fixture in one of the layouts real RFC repositories use (`test/fixtures/layouts/<name>`). */
export function layoutFixture(name: string): string {
  return path.join(packageRoot, "test/fixtures/layouts", name);
}

/** The git bundle of a corpus repository (its whole history), or a skip reason when it is absent. */
export function corpusBundle(name: CorpusName): { bundle: string; skip: string | false } {
  const bundle = path.join(corpusDir, "git", `${name}.bundle`);
  return { bundle, skip: existsSync(bundle) ? false : `bundle ${bundle} is absent: real-history tests skipped` };
}
