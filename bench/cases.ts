import path from "node:path";

/** One thing to measure: a whole process, started fresh for every run. */
export interface BenchCase {
  /** Name shown in the table, and used by targets to find the case (`floor`, `rfc check`). */
  name: string;
  command: string;
  args: readonly string[];
  /** Working folder of the process (default: the package root). */
  cwd?: string;
  /** Exit codes that mean the run worked: checkers exit 1 when they find problems, as they do on a real corpus. */
  okExitCodes: readonly number[];
  /** For another tool doing the same job: the case it is compared with (the table shows that case's speed-up). */
  peerOf?: string;
}

/** What the cases need to know to build their command lines. */
export interface CaseContext {
  packageRoot: string;
  /** Absolute path of the RFC repository measured. */
  corpus: string;
  /** The markdownlint-cli2 entry script, when peers are measured. */
  markdownlintBin: string | null;
}

/** The name of the case every other case is compared with. */
export const floorCase = "floor";

/**
 * The cases, in the order they run and are shown. A new benchmark (e.g. `rfc build`) is one more
 * entry here, plus any targets it has in targets.ts.
 */
export function toCases(context: CaseContext): BenchCase[] {
  const node = process.execPath;
  const cases: BenchCase[] = [
    { name: floorCase, command: node, args: [path.join(context.packageRoot, "bench/floor.mjs"), context.corpus], okExitCodes: [0] },
    {
      name: "rfc check",
      command: node,
      args: [path.join(context.packageRoot, "dist/bin/rfc.js"), "check", "--root", context.corpus, "--format", "json"],
      okExitCodes: [0, 1],
    },
  ];
  if (context.markdownlintBin) {
    cases.push({
      name: "markdownlint-cli2",
      command: node,
      // The same files the floor reads, as globs, which is how the tool is normally run.
      args: [context.markdownlintBin, "text/**/*.md", "0000-template.md"],
      cwd: context.corpus,
      okExitCodes: [0, 1],
      peerOf: "rfc check",
    });
  }
  return cases;
}
