import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package root. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The bundled example repository. */
export const examplesDir = path.join(packageRoot, "examples");

/** Where the real RFC corpora live, beside the project. */
export const corpusDir = path.resolve(packageRoot, "../shared/corpus");

/**
 * The path of a corpus repository, or a skip reason for `test(name, { skip })` when it is absent,
 * so the suite passes on machines without `../shared`.
 */
export function corpus(name: "metalbear-rfcs" | "rust-rfcs"): { dir: string; skip: string | false } {
  const dir = path.join(corpusDir, name);
  return { dir, skip: existsSync(dir) ? false : `corpus ${dir} is absent: real-repository tests skipped` };
}

/** A repository fixture in one of the layouts real RFC repositories use (`test/fixtures/layouts/<name>`). */
export function layoutFixture(name: string): string {
  return path.join(packageRoot, "test/fixtures/layouts", name);
}
