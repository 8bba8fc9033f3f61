import type { BenchCase } from "./cases.ts";
import type { Measurement, MemoryProbe } from "./measure.ts";
import { median } from "./median.ts";
import type { ServeReloadResult } from "./serve-reload.ts";
import type { LspResult } from "./lsp.ts";
import type { SiteSize } from "./site.ts";

/** The measured runs of one case, and their medians. */
export interface CaseResult {
  name: string;
  /** The command line, for the record. */
  command: string;
  wallMs: { median: number; runs: number[] };
  /** Null when memory could not be measured. */
  peakMb: { median: number; runs: number[] } | null;
  /** Median wall time divided by the floor's; null for the floor itself. */
  ratioToFloor: number | null;
  exitCodes: number[];
  /** Set for a peer tool: the case compared with it. */
  peerOf: string | null;
  /** True for a case run once with no warm-up, whatever `--runs` says. */
  once: boolean;
  /** For a case that builds a site: what its last run wrote. */
  site: SiteSize | null;
}

/** Everything one bench run found. */
export interface BenchResults {
  corpus: string;
  markdownFiles: number;
  corpusBytes: number;
  runs: number;
  probe: MemoryProbe;
  node: string;
  cases: CaseResult[];
  /** How fast `rfc serve` shows a saved RFC; null with --no-serve. */
  serve: ServeReloadResult | null;
  /** How fast `rfc lsp` answers an editor; null with --no-lsp or without the large RFC it opens. */
  lsp: LspResult | null;
}

/**
 * Summarises the runs of one case; `floorMs` is the floor's median wall time, when known, and
 * `site` what the case built.
 */
export function toCaseResult(bench: BenchCase, runs: readonly Measurement[], floorMs: number | null, site: SiteSize | null = null): CaseResult {
  const wall = runs.map((r) => r.wallMs);
  const peaks = runs.map((r) => r.peakKib).filter((k): k is number => k !== null).map((k) => k / 1024);
  const wallMedian = median(wall);
  return {
    name: bench.name,
    command: [bench.command, ...bench.args].join(" "),
    wallMs: { median: wallMedian, runs: wall },
    peakMb: peaks.length === runs.length && peaks.length > 0 ? { median: median(peaks), runs: peaks } : null,
    ratioToFloor: floorMs === null ? null : wallMedian / floorMs,
    exitCodes: runs.map((r) => r.exitCode),
    peerOf: bench.peerOf ?? null,
    once: bench.once ?? false,
    site,
  };
}
