import { changedCase, historyCase } from "./cases.ts";
import type { BenchResults, CaseResult } from "./results.ts";

/** How a result compares with a target; `value` is null when the bench did not measure what it needs. */
export interface TargetOutcome {
  description: string;
  value: string | null;
  met: boolean | null;
  /** Why there is no value, e.g. "run with --peers". */
  missing?: string;
}

/** A goal the figures are printed next to. Targets inform; they do not fail the bench. */
export interface Target {
  description: string;
  evaluate(find: (name: string) => CaseResult | undefined, results: BenchResults): TargetOutcome;
}

const mib = 1024 * 1024;

/** The project's performance goals for `rfc check`, `rfc build`, `rfc serve` and `rfc lsp`. */
export const targets: readonly Target[] = [
  {
    description: "rfc check within 8x of the floor",
    evaluate(find) {
      const ratio = find("rfc check")?.ratioToFloor ?? null;
      return ratio === null ? unmeasured(this.description, "no floor") : { description: this.description, value: `${ratio.toFixed(1)}x`, met: ratio <= 8 };
    },
  },
  {
    description: "rfc check with history <= 1.3x without",
    evaluate(find) {
      const plain = find("rfc check");
      const history = find(historyCase);
      if (!plain || !history) return unmeasured(this.description, "no git bundle of the corpus");
      const ratio = history.wallMs.median / plain.wallMs.median;
      return { description: this.description, value: `${ratio.toFixed(2)}x`, met: ratio <= 1.3 };
    },
  },
  {
    description: "rfc check --changed (one RFC) <= 300 ms",
    evaluate(find) {
      const changed = find(changedCase);
      if (!changed) return unmeasured(this.description, "no git bundle of the corpus");
      return { description: this.description, value: `${changed.wallMs.median.toFixed(0)} ms`, met: changed.wallMs.median <= 300 };
    },
  },
  {
    description: "rfc check >= 15x faster than markdownlint-cli2",
    evaluate(find) {
      const ours = find("rfc check");
      const peer = find("markdownlint-cli2");
      if (!ours || !peer) return unmeasured(this.description, "run with --peers");
      const speedUp = peer.wallMs.median / ours.wallMs.median;
      return { description: this.description, value: `${speedUp.toFixed(1)}x`, met: speedUp >= 15 };
    },
  },
  {
    description: "rfc check peak <= 200 MB",
    evaluate(find) {
      const peak = find("rfc check")?.peakMb ?? null;
      return peak === null ? unmeasured(this.description, "no memory probe") : { description: this.description, value: `${peak.median.toFixed(1)} MB`, met: peak.median <= 200 };
    },
  },
  {
    description: "rfc build >= 30x faster than VitePress",
    evaluate(find) {
      const ours = find("rfc build");
      const peer = find("VitePress");
      if (!ours || !peer) return unmeasured(this.description, "run with --peers");
      const speedUp = peer.wallMs.median / ours.wallMs.median;
      return { description: this.description, value: `${speedUp.toFixed(1)}x`, met: speedUp >= 30 };
    },
  },
  {
    description: "rfc build peak <= 400 MB",
    evaluate(find) {
      const peak = find("rfc build")?.peakMb ?? null;
      return peak === null ? unmeasured(this.description, "no memory probe") : { description: this.description, value: `${peak.median.toFixed(1)} MB`, met: peak.median <= 400 };
    },
  },
  {
    description: "rfc build site <= 25 MB",
    evaluate(find) {
      const site = find("rfc build")?.site ?? null;
      if (site === null) return unmeasured(this.description, "no site");
      // As `du -sm` counts it: the disk blocks taken, in MiB rounded up.
      const disk = Math.ceil(site.diskBytes / mib);
      return { description: this.description, value: `${disk} MB on disk (du -sm), ${(site.bytes / mib).toFixed(1)} MB of content`, met: disk <= 25 };
    },
  },
  {
    description: "rfc build first search <= 500 KB gzip",
    evaluate(find) {
      const search = find("rfc build")?.site?.firstSearch ?? null;
      if (search === null) return unmeasured(this.description, "no search index");
      return { description: this.description, value: `${(search.gzipBytes / 1024).toFixed(1)} KB`, met: search.gzipBytes <= 500 * 1024 };
    },
  },
  {
    // From saving an RFC to its page, reloaded, in the browser: the median, as one slow edit
    // (the machine busy elsewhere) says little about the next.
    description: "rfc serve reloads within 150 ms",
    evaluate(_find, results) {
      const serve = results.serve;
      if (serve === null) return unmeasured(this.description, "run without --no-serve");
      return { description: this.description, value: `${serve.pageMs.median.toFixed(0)} ms`, met: serve.pageMs.median <= 150 };
    },
  },
  {
    description: "rfc lsp first diagnostics <= 1.5 s",
    evaluate(_find, results) {
      const lsp = results.lsp;
      if (lsp === null) return unmeasured(this.description, "run without --no-lsp, on the Rust corpus");
      return { description: this.description, value: `${lsp.firstFromOpenMs.toFixed(0)} ms`, met: lsp.firstFromOpenMs <= 1500 };
    },
  },
  {
    description: "rfc lsp diagnostics after an edit <= 100 ms",
    evaluate(_find, results) {
      const lsp = results.lsp;
      if (lsp === null) return unmeasured(this.description, "run without --no-lsp, on the Rust corpus");
      return { description: this.description, value: `${lsp.editMs.median.toFixed(0)} ms`, met: lsp.editMs.median <= 100 };
    },
  },
  {
    description: "rfc lsp memory after 200 edits <= 250 MB",
    evaluate(_find, results) {
      const lsp = results.lsp;
      if (lsp === null) return unmeasured(this.description, "run without --no-lsp, on the Rust corpus");
      return { description: this.description, value: `${(lsp.rssBytes / mib).toFixed(0)} MB`, met: lsp.rssBytes <= 250 * mib };
    },
  },
];

/** Evaluates every target against the results. */
export function evaluateTargets(results: BenchResults): TargetOutcome[] {
  const find = (name: string) => results.cases.find((c) => c.name === name);
  return targets.map((target) => target.evaluate(find, results));
}

function unmeasured(description: string, missing: string): TargetOutcome {
  return { description, value: null, met: null, missing };
}
