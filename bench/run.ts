// Benchmarks `rfc check` and `rfc build` as whole processes: wall time and peak memory, against a
// floor (a Node process that only reads the files) and, with --peers, markdownlint-cli2 and
// VitePress on the same files; then how fast `rfc serve` reloads a page after an RFC is saved, and
// how fast `rfc lsp` answers an editor.
// With --scaling, instead: each pathological shape of one RFC at 1x, 4x and 16x (scaling.ts).
// With --corpus-scale, instead: the corpus at 1x, 4x and 16x its RFCs, checked and built (corpus-scale.ts).
// With --kills, instead: rfc number killed at random and ended with --continue or --abort (number-kills.ts).
// Usage: npm run bench -- [--runs N] [--corpus dir] [--bundle file] [--peers] [--no-serve] [--no-lsp] [--json] [--scaling] [--corpus-scale] [--kills]
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureBuilt } from "./build.ts";
import { defaultBundle, prepareHistoryClone } from "./history.ts";
import { floorCase, toCases, type BenchCase } from "./cases.ts";
import { corpusProblem, describeCorpus } from "./corpus.ts";
import { detectProbe, measure, type Measurement } from "./measure.ts";
import { ensureMarkdownlint, ensureVitePress, peerPackageDir } from "./peers.ts";
import { renderJson, renderTable } from "./report.ts";
import { toCaseResult, type BenchResults } from "./results.ts";
import { measureServeReload, type ServeReloadResult } from "./serve-reload.ts";
import { lspFile, measureLsp, type LspResult } from "./lsp.ts";
import { measureScaling, renderScaling } from "./scaling.ts";
import { measureKills, renderKills } from "./number-kills.ts";
import { measureCorpusScale, renderCorpusScale } from "./corpus-scale.ts";
import { readSiteSize, type SiteSize } from "./site.ts";
import { evaluateTargets } from "./targets.ts";
import { prepareVitePressSource } from "./vitepress.ts";

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const usage = `usage: npm run bench -- [--runs N] [--corpus <dir>] [--bundle <file>] [--peers] [--no-serve] [--no-lsp] [--json] [--scaling] [--corpus-scale] [--kills]

  --runs N        measured runs per case, after one warm-up (default 5); rfc serve's reload is
                  measured over N edits, at least 5, after two warm-up edits
  --corpus <dir>  RFC repository to check (default ../shared/corpus/rust-rfcs, relative to the package root)
  --bundle <file> git bundle of that repository, cloned to measure a check with history and
                  --changed (default <corpus>/../git/<name>.bundle; skipped when absent)
  --peers         also measure markdownlint-cli2 and VitePress (installed on demand into .bench/peers;
                  VitePress builds once, which takes minutes)
  --no-serve      skip the rfc serve reload measurement (about 30 s)
  --no-lsp        skip the language server measurement (open a large RFC, 200 edits; about 20 s)
  --json          print machine-readable results instead of the table
  --scaling       instead, check and build one RFC of each pathological shape at 1x, 4x and 16x
                  its size (16x is about 400 KB) and print how each command's time grows
  --corpus-scale  instead, check and build the corpus as it is and copied 4 and 16 times over
                  (Rust's RFCs: 10,224 at 16x), once each, and print time and peak memory at each size
  --kills         instead, kill rfc number at a random moment in 6 x --runs runs (30 with the
                  default), end each run with --continue or --abort, and count the runs whose
                  files came out wrong
`;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    corpus: { type: "string" },
    bundle: { type: "string" },
    peers: { type: "boolean", default: false },
    "no-serve": { type: "boolean", default: false },
    "no-lsp": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    scaling: { type: "boolean", default: false },
    kills: { type: "boolean", default: false },
    "corpus-scale": { type: "boolean", default: false },
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
// Fewer edits than this make the median of the reload too unsteady to read.
const minServeEdits = 5;
// Progress goes to stderr so that --json leaves stdout clean.
const log = (line: string) => process.stderr.write(`${line}\n`);

if (values.scaling) {
  ensureBuilt(packageRoot, log);
  const benchDir = path.join(packageRoot, ".bench");
  mkdirSync(benchDir, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), "rfckit-bench-"));
  try {
    const rows = await measureScaling({ packageRoot, benchDir, scratch, probe: detectProbe(), runs, log });
    process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : renderScaling(rows));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}

if (values.kills) {
  ensureBuilt(packageRoot, log);
  const scratch = mkdtempSync(path.join(tmpdir(), "rfckit-kills-"));
  let failed = true;
  try {
    const result = await measureKills({ packageRoot, scratch, runs: runs * 6, log });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderKills(result));
    failed = result.failures.length > 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

const corpus = values.corpus ? path.resolve(process.cwd(), values.corpus) : path.resolve(packageRoot, "../shared/corpus/rust-rfcs");
const problem = corpusProblem(corpus);
if (problem) {
  log(`bench skipped: ${problem}.\n  pass --corpus <dir> with an RFC repository (a 0000-template.md and a text/ folder).`);
  process.exit(0);
}

ensureBuilt(packageRoot, log);
if (values["corpus-scale"]) {
  const benchDir = path.join(packageRoot, ".bench");
  mkdirSync(benchDir, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), "rfckit-bench-"));
  try {
    const result = await measureCorpusScale({ packageRoot, corpus, benchDir, scratch, probe: detectProbe(), log });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderCorpusScale(result));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(0);
}
const markdownlintBin = values.peers ? ensureMarkdownlint(packageRoot, log) : null;
const vitePress = values.peers ? toVitePress() : null;
const benchDir = path.join(packageRoot, ".bench");
mkdirSync(benchDir, { recursive: true });
// Inside the package (git-ignored), so the book is written next to where it would be in real use.
const buildScratch = mkdtempSync(path.join(benchDir, "build-"));
const bundle = values.bundle ? path.resolve(process.cwd(), values.bundle) : defaultBundle(corpus);
const historyClone = prepareHistoryClone(bundle, path.join(benchDir, "history-clone"), log);
if (historyClone === null) log(`no git bundle at ${bundle}: the checks with history are not measured.`);
const cases = toCases({ packageRoot, corpus, markdownlintBin, buildOut: path.join(buildScratch, "book"), vitePress, historyClone });
const probe = detectProbe();
const scratch = mkdtempSync(path.join(tmpdir(), "rfckit-bench-"));
try {
  const measured = new Map<string, Measurement[]>(cases.map((c) => [c.name, []]));
  const repeated = cases.filter((c) => !c.once);
  // One warm-up round fills the file cache; the rounds then alternate cases so that drift in the
  // machine's load spreads evenly over them instead of landing on one.
  for (let round = 0; round <= runs; round++) {
    log(round === 0 ? "warm-up …" : `run ${round}/${runs} …`);
    for (const bench of repeated) {
      const result = await measure(bench, probe, scratch);
      assertWorked(bench, result);
      if (round > 0) measured.get(bench.name)!.push(result);
    }
  }
  for (const bench of cases.filter((c) => c.once)) {
    log(`${bench.name}: one run${bench.timeoutMs ? `, stopped after ${String(bench.timeoutMs / 1000)} s` : ""} …`);
    const result = await measure(bench, probe, scratch);
    assertWorked(bench, result);
    measured.get(bench.name)!.push(result);
  }
  // A server and its edits, not a process from start to exit: measured on its own, after the cases.
  const serve: ServeReloadResult | null = values["no-serve"] ? null : await measureServeReload({ packageRoot, corpus, edits: Math.max(runs, minServeEdits), log });
  // The editor's case: in the clone with history where there is one, as an author's checkout is.
  const lspRepository = historyClone ?? corpus;
  const lsp: LspResult | null =
    values["no-lsp"] || !existsSync(path.join(lspRepository, lspFile)) ? null : await measureLsp({ packageRoot, repository: lspRepository, measuredEdits: 20, totalEdits: 200, log });
  // Every run of a case writes the same site, so the last one stands for all.
  const sites = new Map<string, SiteSize>(cases.filter((c) => c.outDir).map((c) => [c.name, readSiteSize(c.outDir!)]));
  const floorMs = toCaseResult(cases.find((c) => c.name === floorCase)!, measured.get(floorCase)!, null).wallMs.median;
  const { files, bytes } = describeCorpus(corpus);
  const results: BenchResults = {
    corpus,
    markdownFiles: files,
    corpusBytes: bytes,
    runs,
    probe,
    node: process.version,
    cases: cases.map((c) => toCaseResult(c, measured.get(c.name)!, c.name === floorCase ? null : floorMs, sites.get(c.name) ?? null)),
    serve,
    lsp,
  };
  const outcomes = evaluateTargets(results);
  process.stdout.write(values.json ? renderJson(results, outcomes) : renderTable(results, outcomes, { cwd: process.cwd() }));
} catch (error) {
  log(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(buildScratch, { recursive: true, force: true });
}

/** Installs VitePress and lays out the corpus as a VitePress site; none of this is measured. */
function toVitePress(): { bin: string; dir: string; outDir: string } {
  const bin = ensureVitePress(packageRoot, log);
  const dir = path.join(packageRoot, ".bench", "vitepress-src");
  const source = prepareVitePressSource(corpus, dir, peerPackageDir(packageRoot, "vue"));
  log(`prepared ${source.pages} pages for VitePress in ${path.relative(packageRoot, dir)}/ (not measured)`);
  return { bin, dir: source.dir, outDir: source.outDir };
}

function assertWorked(bench: BenchCase, result: Measurement): void {
  if (result.timedOut) throw new Error(`${bench.name} did not finish within ${String((bench.timeoutMs ?? 0) / 1000)} s and was stopped. Its stderr ended with:\n${result.stderrTail}`);
  if (bench.okExitCodes.includes(result.exitCode)) return;
  throw new Error(`${bench.name} exited with ${result.exitCode} (expected ${bench.okExitCodes.join(" or ")}). Its stderr ended with:\n${result.stderrTail}`);
}
