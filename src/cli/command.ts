import type { ParseArgsConfig } from "node:util";

/** Where a command reads and writes: the real process, or a test's buffers. */
export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): void; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): void; isTTY?: boolean };
  /** Where interactive commands read answers; `isTTY` tells whether a person is there to ask. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** An option of a command, with the line `--help` shows for it. */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>[string] & { description: string; valueName?: string };

/** Parsed arguments: option values by name, and the positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** One CLI command: its help text, its options, and what it runs. Returns the exit code. */
export interface Command {
  name: string;
  description: string;
  /** The synopsis after `rfc`, e.g. `check [paths…]`. */
  usage: string;
  options: Record<string, OptionSpec>;
  run(args: ParsedArgs, io: Io): Promise<number>;
}

/** Returns the command unchanged; exists for type checking where the command is written. */
export function defineCommand(command: Command): Command {
  return command;
}

/** Exit codes shared by every command. */
export const exitCodes = { ok: 0, problems: 1, usage: 2, bug: 3 } as const;

/** The `--root` option every repository command takes. */
export const rootOption: OptionSpec = { type: "string", description: "the repository root (default: found from the current folder)", valueName: "dir" };
