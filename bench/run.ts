// Benchmarks `rfc check` as whole processes: wall time and peak memory, against a floor (a Node
// process that only reads the files) and, with --peers, markdownlint-cli2 on the same files.
// Usage: npm run bench -- [--runs N] [--corpus dir] [--peers] [--json]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureBuilt } from "./build.ts";
import { floorCase, toCases, type BenchCase } from "./cases.ts";
import { corpusProblem, describeCorpus } from "./corpus.ts";
import { detectProbe, measure, type Measurement } from "./measure.ts";
import { ensureMarkdownlint } from "./peers.ts";
import { renderJson, renderTable } from "./report.ts";
import { toCaseResult, type BenchResults } from "./results.ts";
import { evaluateTargets } from "./targets.ts";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const usage = `usage: npm run bench -- [--runs N] [--corpus <dir>] [--peers] [--json]

  --runs N        measured runs per case, after one warm-up (default 5)
  --corpus <dir>  RFC repository to check (default ../shared/corpus/rust-rfcs, relative to the package root)
  --peers         also measure markdownlint-cli2 (installed on demand into .bench/peers)
  --json          print machine-readable results instead of the table
`;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    corpus: { type: "string" },
    peers: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs must be a whole number of at least 1, not "${values.runs}".\n${usage}`);
  process.exit(2);
}
// Progress goes to stderr so that --json leaves stdout clean.
const log = (line: string) => process.stderr.write(`${line}\n`);

const corpus = values.corpus ? path.resolve(process.cwd(), values.corpus) : path.resolve(packageRoot, "../shared/corpus/rust-rfcs");
const problem = corpusProblem(corpus);
if (problem) {
  log(`bench skipped: ${problem}.\n  pass --corpus <dir> with an RFC repository (a 0000-template.md and a text/ folder).`);
  process.exit(0);
}

ensureBuilt(packageRoot, log);
const markdownlintBin = values.peers ? ensureMarkdownlint(packageRoot, log) : null;
const cases = toCases({ packageRoot, corpus, markdownlintBin });
const probe = detectProbe();
const scratch = mkdtempSync(path.join(tmpdir(), "rfckit-bench-"));
try {
  const measured = new Map<string, Measurement[]>(cases.map((c) => [c.name, []]));
  // One warm-up round fills the file cache; the rounds then alternate cases so that drift in the
  // machine's load spreads evenly over them instead of landing on one.
  for (let round = 0; round <= runs; round++) {
    log(round === 0 ? "warm-up …" : `run ${round}/${runs} …`);
    for (const bench of cases) {
      const result = await measure(bench, probe, scratch);
      assertWorked(bench, result);
      if (round > 0) measured.get(bench.name)!.push(result);
    }
  }
  const floorMs = toCaseResult(cases.find((c) => c.name === floorCase)!, measured.get(floorCase)!, null).wallMs.median;
  const { files, bytes } = describeCorpus(corpus);
  const results: BenchResults = {
    corpus,
    markdownFiles: files,
    corpusBytes: bytes,
    runs,
    probe,
    node: process.version,
    cases: cases.map((c) => toCaseResult(c, measured.get(c.name)!, c.name === floorCase ? null : floorMs)),
  };
  const outcomes = evaluateTargets(results);
  process.stdout.write(values.json ? renderJson(results, outcomes) : renderTable(results, outcomes, { cwd: process.cwd() }));
} catch (error) {
  log(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function assertWorked(bench: BenchCase, result: Measurement): void {
  if (bench.okExitCodes.includes(result.exitCode)) return;
  throw new Error(`${bench.name} exited with ${result.exitCode} (expected ${bench.okExitCodes.join(" or ")}). Its stderr ended with:\n${result.stderrTail}`);
}
