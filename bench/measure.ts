import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BenchCase } from "./cases.ts";

/** How a child's peak memory is read: GNU time's `%M`, polling `/proc/<pid>/status`, or not at all. */
export type MemoryProbe = "gnu-time" | "proc-poll" | "none";

/** One run of one case. */
export interface Measurement {
  wallMs: number;
  /** Peak resident set size in KiB; null when no probe is available. */
  peakKib: number | null;
  exitCode: number;
  /** The end of what the process wrote to stderr, to explain a failed run. */
  stderrTail: string;
  /** True when the case's `timeoutMs` ran out and the process was killed. */
  timedOut: boolean;
}

const gnuTime = "/usr/bin/time";
const pollMs = 5;

/**
 * Picks the best available way to read a child's peak memory. GNU time reads the kernel's own
 * figure (`ru_maxrss` from `wait4`), so it cannot miss a short spike; polling can miss the last few
 * milliseconds before exit, but needs nothing installed.
 */
export function detectProbe(): MemoryProbe {
  if (existsSync(gnuTime)) return "gnu-time";
  if (existsSync(`/proc/${process.pid}/status`)) return "proc-poll";
  return "none";
}

/**
 * Runs a case once and measures the whole process: wall time from spawn to exit as seen by this
 * process, and the child's peak RSS. stdout goes to /dev/null, stderr to `scratch/stderr.txt`.
 */
export async function measure(bench: BenchCase, probe: MemoryProbe, scratch: string): Promise<Measurement> {
  const stderrFile = path.join(scratch, "stderr.txt");
  const timeFile = path.join(scratch, "time.txt");
  const stderrFd = openSync(stderrFile, "w");
  const [command, args] = probe === "gnu-time" ? [gnuTime, ["-o", timeFile, "-f", "%M", bench.command, ...bench.args]] : [bench.command, bench.args];
  let polledKib = 0;
  const started = performance.now();
  // A case with a timeout gets a process group of its own, so that the kill reaches what it started
  // (GNU time's child, VitePress's workers), not only the process spawned here.
  const timed = bench.timeoutMs !== undefined;
  const child = spawn(command, args, { cwd: bench.cwd, stdio: ["ignore", "ignore", stderrFd], detached: timed });
  const poller = probe === "proc-poll" && child.pid !== undefined ? setInterval(() => (polledKib = Math.max(polledKib, readHighWaterMark(child.pid!))), pollMs) : null;
  let timedOut = false;
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // The group has already gone.
    }
  };
  const timer = timed
    ? setTimeout(() => {
        timedOut = true;
        killGroup();
      }, bench.timeoutMs)
    : null;
  // Out of the terminal's process group, the child would outlive a Ctrl-C of the bench.
  const onInterrupt = () => {
    killGroup();
    process.exit(130);
  };
  if (timed) process.once("SIGINT", onInterrupt);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => {
    if (poller) clearInterval(poller);
    if (timer) clearTimeout(timer);
    process.off("SIGINT", onInterrupt);
    closeSync(stderrFd);
  });
  const wallMs = performance.now() - started;
  const peakKib = timedOut ? null : probe === "gnu-time" ? readGnuTimeKib(timeFile) : probe === "proc-poll" ? polledKib || null : null;
  return { wallMs, peakKib, exitCode, stderrTail: readFileSync(stderrFile, "utf8").slice(-2000), timedOut };
}

/** `VmHWM` (the peak RSS so far) of a running process, in KiB; 0 once it has gone. */
function readHighWaterMark(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** GNU time writes "Command exited with non-zero status N" before the figures: the last line holds `%M`. */
function readGnuTimeKib(file: string): number | null {
  const last = readFileSync(file, "utf8").trim().split("\n").at(-1) ?? "";
  return /^\d+$/.test(last) ? Number(last) : null;
}
