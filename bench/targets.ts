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
  evaluate(find: (name: string) => CaseResult | undefined): TargetOutcome;
}

/** The project's performance goals for `rfc check`. */
export const targets: readonly Target[] = [
  {
    description: "rfc check within 8x of the floor",
    evaluate(find) {
      const ratio = find("rfc check")?.ratioToFloor ?? null;
      return ratio === null ? unmeasured(this.description, "no floor") : { description: this.description, value: `${ratio.toFixed(1)}x`, met: ratio <= 8 };
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
];

/** Evaluates every target against the results. */
export function evaluateTargets(results: BenchResults): TargetOutcome[] {
  const find = (name: string) => results.cases.find((c) => c.name === name);
  return targets.map((target) => target.evaluate(find));
}

function unmeasured(description: string, missing: string): TargetOutcome {
  return { description, value: null, met: null, missing };
}
