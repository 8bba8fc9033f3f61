import type { OptionSpec, ParsedArgs } from "./command.ts";

/** `--color` and `--no-color`, for the commands that colour what they print. */
export const colorOptions: Record<string, OptionSpec> = {
  color: { type: "boolean", description: "colour the output even when it is not a terminal" },
  "no-color": { type: "boolean", description: "never colour the output" },
};

/**
 * Whether to colour what goes to `stream`: `--no-color` (which wins over `--color`) or `--color`
 * when given, else `FORCE_COLOR` (`0` or `false` turns it off, any other value on), else `NO_COLOR`
 * (off when set and not empty), else whether the stream is a terminal. `FORCE_COLOR` wins over
 * `NO_COLOR`, as in Node.js.
 */
export function useColor(values: ParsedArgs["values"], env: Readonly<Record<string, string | undefined>>, stream: { isTTY?: boolean }): boolean {
  if (values["no-color"] === true) return false;
  if (values["color"] === true) return true;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return force !== "0" && force !== "false";
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  return stream.isTTY === true;
}

