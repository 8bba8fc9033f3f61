// `npm run bench -- --scaling`: each pathological shape (test/support/pathological-shapes.ts) as
// one RFC at 1x, 4x and 16x its size, checked and built as whole processes. A command linear in
// its input takes at most about 16 times as long at 16x (less: starting Node is a fixed cost; the
// largest shapes pass the 1 MB file limit at 16x, which the repository's book.toml raises);
// the table shows each ratio, and flags one over 24 (16x with half again for noise) as super-linear.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathologicalShapes } from "../test/support/pathological-shapes.ts";
import { smallTemplate } from "../test/support/templates.ts";
import { median } from "./median.ts";
import { measure, type MemoryProbe } from "./measure.ts";

const scales = [1, 4, 16] as const;
/** Over this 16x/1x ratio, a command is taken as super-linear in the shape. */
export const superLinearRatio = 24;

export interface ScalingRow {
  shape: string;
  /** Bytes of the RFC at 1x. */
  bytes: number;
  command: "check" | "build";
  /** Median wall time at 1x, 4x and 16x, in ms. */
  wallMs: [number, number, number];
}

/** Measures every shape; `runs` per scale, after one warm-up run of the 1x size. */
export async function measureScaling(options: { packageRoot: string; benchDir: string; scratch: string; probe: MemoryProbe; runs: number; log: (line: string) => void }): Promise<ScalingRow[]> {
  const rfc = path.join(options.packageRoot, "dist/bin/rfc.js");
  const rows: ScalingRow[] = [];
  for (const [index, shape] of pathologicalShapes.entries()) {
    options.log(`scaling: ${shape.name} …`);
    const repos = scales.map((scale) => writeRepo(path.join(options.benchDir, "scaling", `${index}-${scale}x`), shape.make(scale)));
    for (const command of ["check", "build"] as const) {
      const wallMs = [] as number[];
      for (const [at, repo] of repos.entries()) {
        const args = command === "check" ? [rfc, "check", "--root", repo, "--format", "json"] : [rfc, "build", "--root", repo, "--out", path.join(repo, "book")];
        const bench = { name: `${command} ${shape.name}`, command: process.execPath, args, okExitCodes: [0, 1], timeoutMs: 300_000 };
        const times: number[] = [];
        for (let run = at === 0 ? -1 : 0; run < options.runs; run++) {
          const result = await measure(bench, options.probe, options.scratch);
          if (result.timedOut) throw new Error(`rfc ${command} on ${shape.name} at ${scales[at]}x ran over 5 minutes`);
          if (!bench.okExitCodes.includes(result.exitCode)) throw new Error(`rfc ${command} on ${shape.name} at ${scales[at]}x exited ${result.exitCode}: ${result.stderrTail}`);
          if (run >= 0) times.push(result.wallMs);
        }
        wallMs.push(median(times));
      }
      rows.push({ shape: shape.name, bytes: Buffer.byteLength(shape.make(1)), command, wallMs: wallMs as ScalingRow["wallMs"] });
    }
  }
  rmSync(path.join(options.benchDir, "scaling"), { recursive: true, force: true });
  return rows;
}

function writeRepo(dir: string, rfcText: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "text"), { recursive: true });
  writeFileSync(path.join(dir, "0000-template.md"), smallTemplate);
  // 16x of the largest shapes passes the 1 MB default: the limit is raised so the file is read.
  writeFileSync(path.join(dir, "book.toml"), "[rfckit]\nmax-file-bytes = 16000000\n");
  writeFileSync(path.join(dir, "text/0001-big.md"), rfcText);
  return dir;
}

/** The table: one line per shape and command, the three times and the 16x/1x ratio. */
export function renderScaling(rows: readonly ScalingRow[]): string {
  const lines = [`${"shape".padEnd(56)} ${"cmd".padEnd(5)} ${"1x".padStart(8)} ${"4x".padStart(8)} ${"16x".padStart(8)} ${"16x/1x".padStart(7)}`];
  for (const row of rows) {
    const ratio = row.wallMs[2] / row.wallMs[0];
    const mark = ratio > superLinearRatio ? "  ✘ super-linear" : "";
    lines.push(`${`${row.shape} (${Math.round(row.bytes / 1024)} KB)`.padEnd(56)} ${row.command.padEnd(5)} ${row.wallMs.map((ms) => `${Math.round(ms)} ms`.padStart(8)).join(" ")} ${`${ratio.toFixed(1)}x`.padStart(7)}${mark}`);
  }
  const slow = rows.filter((r) => r.wallMs[2] / r.wallMs[0] > superLinearRatio);
  lines.push("", slow.length === 0 ? `✔ every shape within ${superLinearRatio}x at 16x its size` : `✘ ${slow.length} super-linear: ${slow.map((r) => `${r.command} on ${r.shape}`).join("; ")}`);
  return `${lines.join("\n")}\n`;
}
