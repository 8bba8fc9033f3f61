import { readFile } from "node:fs/promises";
import path from "node:path";
import { describeSystemCode, UserError } from "../errors.ts";
import { suppressionsFile, type Suppressions } from "../model/suppressions.ts";

/** The repository's bulk suppressions (`rfckit-suppressions.json`); none when the file is absent. */
export async function readSuppressions(root: string): Promise<Suppressions> {
  let text: string;
  try {
    text = await readFile(path.join(root, suppressionsFile), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return {};
    throw new UserError(`${suppressionsFile} could not be read: ${describeSystemCode(code) ?? code ?? String(error)}.`, {
      file: suppressionsFile,
      hint: `make it a readable file, or delete it and run \`rfc check --suppress-all\` to write it again.`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
    throw new UserError(`${suppressionsFile} is not valid JSON: ${(error as Error).message.split("\n")[0]}.`, {
      file: suppressionsFile,
      ...(line === undefined ? {} : { line }),
      hint: "fix the syntax (a merge conflict left in it?), or delete the file and run `rfc check --suppress-all`.",
    });
  }
  return toSuppressions(data, text);
}

/** Checks the file's shape: `{ "<file>": { "<rule>": { "count": <whole number> } } }`. */
function toSuppressions(data: unknown, text: string): Suppressions {
  const refuse = (what: string, key: string): never => {
    const index = text.indexOf(JSON.stringify(key));
    throw new UserError(`${suppressionsFile}: ${what}.`, {
      file: suppressionsFile,
      ...(index === -1 ? {} : { line: text.slice(0, index).split("\n").length }),
      hint: 'each file maps rule ids to { "count": N }; delete the file and run `rfc check --suppress-all` to write it again.',
    });
  };
  if (!isObject(data)) return refuse("the file must hold one JSON object", "");
  const result: Suppressions = {};
  for (const [file, byRule] of Object.entries(data)) {
    if (!isObject(byRule)) return refuse(`"${file}" must map rule ids to counts`, file);
    const counts: Suppressions[string] = {};
    for (const [rule, entry] of Object.entries(byRule)) {
      const count = isObject(entry) ? entry["count"] : undefined;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return refuse(`"${file}" › "${rule}" must be { "count": N } with N a whole number`, rule);
      counts[rule] = { count };
    }
    result[file] = counts;
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
