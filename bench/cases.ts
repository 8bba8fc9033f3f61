import path from "node:path";

/** One thing to measure: a whole process, started fresh for every run. */
export interface BenchCase {
  /** Name shown in the table, and used by targets to find the case (`floor`, `rfc check`, `rfc build`). */
  name: string;
  command: string;
  args: readonly string[];
  /** Working folder of the process (default: the package root). */
  cwd?: string;
  /** Exit codes that mean the run worked: checkers exit 1 when they find problems, as they do on a real corpus. */
  okExitCodes: readonly number[];
  /** For another tool doing the same job: the case it is compared with (the table shows that case's speed-up). */
  peerOf?: string;
  /** Where the process writes a site: measured (size, files) after its last run. */
  outDir?: string;
  /** Run once, with no warm-up, whatever `--runs` says: for a case that takes minutes. */
  once?: boolean;
  /** Kill the process (and what it started) after this long, so a stuck run cannot hang the bench. */
  timeoutMs?: number;
}

/** What the cases need to know to build their command lines. */
export interface CaseContext {
  packageRoot: string;
  /** Absolute path of the RFC repository measured. */
  corpus: string;
  /** The markdownlint-cli2 entry script, when peers are measured. */
  markdownlintBin: string | null;
  /** An empty folder for `rfc build` to write the book into. */
  buildOut: string;
  /** A clone of the corpus with its whole git history and one RFC changed in the last commit (see history.ts), when there is a bundle. */
  historyClone: string | null;
  /** The VitePress entry script and the site prepared for it (see vitepress.ts), when peers are measured. */
  vitePress: { bin: string; dir: string; outDir: string } | null;
}

/** How long VitePress may take on one build before the bench gives up on it. */
export const vitePressTimeoutMs = 600_000;

/** The name of the case every other case is compared with. */
export const floorCase = "floor";
/** `rfc check` on a clone with the whole history, which picks each RFC's template revision. */
export const historyCase = "rfc check, history";
/** `rfc check --changed` on that clone, one RFC changed: what a pull request's CI runs. */
export const changedCase = "rfc check --changed";

/**
 * The cases, in the order they run and are shown. A new benchmark is one more entry here, plus any
 * targets it has in targets.ts.
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
    {
      name: "rfc build",
      command: node,
      // Each run replaces the book the run before wrote (rfc build owns the folder once it has written it).
      args: [path.join(context.packageRoot, "dist/bin/rfc.js"), "build", "--root", context.corpus, "--out", context.buildOut],
      okExitCodes: [0],
      outDir: context.buildOut,
    },
  ];
  if (context.historyClone) {
    const rfc = path.join(context.packageRoot, "dist/bin/rfc.js");
    cases.push(
      { name: historyCase, command: node, args: [rfc, "check", "--root", context.historyClone, "--format", "json"], okExitCodes: [0, 1] },
      { name: changedCase, command: node, args: [rfc, "check", "--root", context.historyClone, "--changed", "--base", "HEAD~1", "--format", "json"], okExitCodes: [0, 1] },
    );
  }
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
  if (context.vitePress) {
    cases.push({
      name: "VitePress",
      command: node,
      args: [context.vitePress.bin, "build", context.vitePress.dir],
      // VitePress finds the package.json to link `vue` beside from the folder it runs in.
      cwd: context.vitePress.dir,
      okExitCodes: [0],
      peerOf: "rfc build",
      outDir: context.vitePress.outDir,
      once: true,
      timeoutMs: vitePressTimeoutMs,
    });
  }
  return cases;
}
