import { Readable } from "node:stream";
import { runCli } from "../../src/cli/run.ts";
import type { Diagnostic } from "../../src/model/diagnostic.ts";

/** A diagnostic as `rfc check --format json` prints it. */
export type JsonDiagnostic = Omit<Diagnostic, "hint" | "fix"> & { hint: string | null; fix: Diagnostic["fix"] | null; docs: string };

/** What a CLI run printed and returned. */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `rfc <args>` in-process with captured output, as a user would from `cwd`. */
export async function runRfc(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; tty?: boolean; stdin?: string },
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const exitCode = await runCli(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text) => void (stdout += text), isTTY: options.tty ?? false, columns: 100 },
    stderr: { write: (text) => void (stderr += text) },
    stdin: Object.assign(Readable.from(options.stdin === undefined ? [] : [options.stdin]), { isTTY: options.tty ?? false }),
  });
  return { stdout, stderr, exitCode };
}
