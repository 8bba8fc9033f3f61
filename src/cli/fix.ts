import check from "./check.ts";
import { suppressionOptions } from "./check-suppressions.ts";
import { defineCommand, type OptionSpec } from "./command.ts";

// `rfc fix` is `rfc check --fix`: the same selection of RFCs, then the same report of what is left.
// It writes files on disk, so it takes no text on stdin; it records no suppressions, since fixing needs none.
const notForFix = new Set(["fix", "stdin", "stdin-filename", ...Object.keys(suppressionOptions)]);
const options: Record<string, OptionSpec> = Object.fromEntries(Object.entries(check.options).filter(([name]) => !notForFix.has(name)));
options["dry-run"] = { type: "boolean", description: "print the fixes as a unified diff and write nothing" };

export default defineCommand({
  name: "fix",
  description:
    "Fix what can be fixed mechanically in RFCs (all, or the given files), write the files and say what changed, then report what is left as rfc check does.",
  usage: "fix [paths…] [options]",
  options,
  async run({ values, positionals }, io) {
    return check.run({ values: { ...values, fix: true }, positionals }, io);
  },
});
