// `npm run bench -- --corpus-scale`: the corpus's RFCs as they are (1x), and copied 4 and 16 times
// over under new numbers (Rust's 639 RFCs become 10,224, about 160 MB), each checked and built
// once as a whole process: wall time and peak memory at each size. A repository of 10,000 RFCs
// must build within a CI runner's memory: the target is a build peak of at most 1 GB at 16x.
import { cpSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { measure, type MemoryProbe } from "./measure.ts";

export const corpusScales = [1, 4, 16] as const;
/** The most `rfc build` may hold at 16x, in KiB. */
export const maxBuildPeakKib16x = 1024 * 1024;

export interface CorpusScaleRow {
  command: "check" | "build";
  /** Wall time in ms and peak RSS in KiB at 1x, 4x and 16x. */
  wallMs: number[];
  peakKib: (number | null)[];
}

/** Measures check and build of `corpus` at each scale; the copies are made under `benchDir` and removed after. */
export async function measureCorpusScale(options: { packageRoot: string; corpus: string; benchDir: string; scratch: string; probe: MemoryProbe; log: (line: string) => void }): Promise<{ rfcs: number[]; rows: CorpusScaleRow[] }> {
  const rfc = path.join(options.packageRoot, "dist/bin/rfc.js");
  const base = path.join(options.benchDir, "corpus-scale");
  rmSync(base, { recursive: true, force: true });
  const repos = corpusScales.map((scale) => (scale === 1 ? options.corpus : replicate(options.corpus, path.join(base, `${scale}x`), scale)));
  const rfcs = repos.map((repo) => readdirSync(path.join(repo, "text")).filter((f) => f.endsWith(".md")).length);
  const rows: CorpusScaleRow[] = [];
  try {
    for (const command of ["check", "build"] as const) {
      const row: CorpusScaleRow = { command, wallMs: [], peakKib: [] };
      for (const [at, repo] of repos.entries()) {
        options.log(`corpus scale: rfc ${command} at ${corpusScales[at]}x (${rfcs[at]} RFCs) …`);
        const out = path.join(base, `book-${corpusScales[at]}x`);
        const args = command === "check" ? [rfc, "check", "--root", repo, "--format", "json"] : [rfc, "build", "--root", repo, "--out", out];
        const result = await measure({ name: `${command} ${corpusScales[at]}x`, command: process.execPath, args, okExitCodes: [0, 1], timeoutMs: 600_000 }, options.probe, options.scratch);
        if (result.timedOut || ![0, 1].includes(result.exitCode)) throw new Error(`rfc ${command} at ${corpusScales[at]}x failed (exit ${result.exitCode}): ${result.stderrTail}`);
        row.wallMs.push(result.wallMs);
        row.peakKib.push(result.peakKib);
        rmSync(out, { recursive: true, force: true });
      }
      rows.push(row);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return { rfcs, rows };
}

/**
 * A copy of the repository with its RFC folder `text/` holding `times` copies of every RFC (and
 * asset folder): the first under its own name, the others with the copy's index before the
 * number (`0001-x.md` → `10001-x.md`, `20001-x.md`…), so every copy is an RFC of its own.
 */
function replicate(corpus: string, dir: string, times: number): string {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(corpus)) {
    if (entry === "text" || entry === ".git" || entry === "book") continue;
    cpSync(path.join(corpus, entry), path.join(dir, entry), { recursive: true });
  }
  const text = path.join(corpus, "text");
  mkdirSync(path.join(dir, "text"));
  for (const entry of readdirSync(text)) {
    for (let copy = 0; copy < times; copy++) {
      const name = copy === 0 ? entry : entry.replace(/^(\d+)/, `${copy}$1`);
      if (copy > 0 && name === entry) continue;
      cpSync(path.join(text, entry), path.join(dir, "text", name), { recursive: statSync(path.join(text, entry)).isDirectory() });
    }
  }
  return dir;
}

/** The table: one line per command, the three sizes' times and peaks, and the 16x/1x ratio. */
export function renderCorpusScale(result: { rfcs: number[]; rows: CorpusScaleRow[] }): string {
  const size = (kib: number | null) => (kib === null ? "-" : `${Math.round(kib / 1024)} MB`);
  const head = corpusScales.map((scale, at) => `${scale}x (${result.rfcs[at]})`.padStart(20)).join(" ");
  const lines = [`${"".padEnd(10)} ${head} ${"16x/1x".padStart(7)}`];
  for (const row of result.rows) {
    const cells = row.wallMs.map((ms, at) => `${(ms / 1000).toFixed(1)} s, ${size(row.peakKib[at]!)}`.padStart(20)).join(" ");
    lines.push(`rfc ${row.command.padEnd(6)} ${cells} ${`${(row.wallMs[2]! / row.wallMs[0]!).toFixed(1)}x`.padStart(7)}`);
  }
  const peak16 = result.rows.find((r) => r.command === "build")?.peakKib[2] ?? null;
  lines.push("", peak16 === null ? "build peak at 16x: not measured (no memory probe)" : `${peak16 <= maxBuildPeakKib16x ? "✔" : "✘"} build peak at 16x: ${size(peak16)} (target at most 1024 MB)`);
  return `${lines.join("\n")}\n`;
}
