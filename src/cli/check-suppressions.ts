import path from "node:path";
import { UserError } from "../errors.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { applySuppressions, countSuppressed, pruneSuppressions, recordSuppressions, renderSuppressions, suppressionsFile, type Suppressions } from "../model/suppressions.ts";
import { readSuppressions } from "../repository/read-suppressions.ts";
import { writeFileAtomic } from "../repository/write-file.ts";
import type { OptionSpec, ParsedArgs } from "./command.ts";

/** The options of `rfc check` that record or prune bulk suppressions. */
export const suppressionOptions: Record<string, OptionSpec> = {
  "suppress-all": { type: "boolean", description: `record every finding in ${suppressionsFile}, so that only new ones are reported` },
  "suppress-rule": { type: "string", multiple: true, description: `record the findings of this rule (may be repeated) in ${suppressionsFile}`, valueName: "rule" },
  "prune-suppressions": { type: "boolean", description: `remove from ${suppressionsFile} what no longer occurs` },
};

/** What is left to report once bulk suppressions are applied or recorded, and what to say of them. */
export interface SuppressionOutcome {
  kept: Diagnostic[];
  notes: string[];
  /** A line saying what was written to the file, when it was. */
  written: string | null;
}

/**
 * Applies the repository's bulk suppressions to the findings of the `checked` files; with
 * `--suppress-all`, `--suppress-rule` or `--prune-suppressions`, first records or prunes them and
 * writes the file (sorted, so it diffs well; nothing when nothing changes).
 */
export async function settleSuppressions(root: string, diagnostics: readonly Diagnostic[], checked: (file: string) => boolean, values: ParsedArgs["values"], knownRules: ReadonlySet<string>): Promise<SuppressionOutcome> {
  const existing = await readSuppressions(root);
  const rules = toRuleSet(values["suppress-rule"], knownRules);
  const recording = values["suppress-all"] === true || rules !== undefined;
  let suppressions = existing;
  let written: string | null = null;
  if (recording || values["prune-suppressions"] === true) {
    if (recording && values["prune-suppressions"] === true) throw new UserError("--prune-suppressions cannot be combined with --suppress-all or --suppress-rule.", { hint: "record first, then prune in a second run." });
    suppressions = recording ? recordSuppressions(existing, diagnostics, checked, values["suppress-all"] === true ? undefined : rules) : pruneSuppressions(existing, diagnostics, checked);
    written = await writeIfChanged(root, existing, suppressions);
  }
  const { kept, suppressed, unused } = applySuppressions(diagnostics, suppressions, checked);
  const notes: string[] = [];
  if (suppressed > 0) notes.push(`${plural(suppressed, "finding")} suppressed by ${suppressionsFile}.`);
  if (unused > 0) notes.push(`${plural(unused, "suppressed finding")} no longer ${unused === 1 ? "occurs" : "occur"}: run \`rfc check --prune-suppressions\` to drop ${unused === 1 ? "it" : "them"} from ${suppressionsFile}.`);
  return { kept, notes, written };
}

async function writeIfChanged(root: string, before: Suppressions, after: Suppressions): Promise<string> {
  const total = countSuppressed(after);
  if (total === 0 && Object.keys(before).length === 0) return `Nothing to suppress: no findings, so ${suppressionsFile} was not written.`;
  const text = renderSuppressions(after);
  if (text === renderSuppressions(before)) return `${suppressionsFile} is up to date: nothing to change.`;
  await writeFileAtomic(path.join(root, suppressionsFile), text);
  return `Wrote ${suppressionsFile}: ${plural(total, "finding")} in ${plural(Object.keys(after).length, "file")} suppressed.`;
}

function toRuleSet(value: ParsedArgs["values"][string], knownRules: ReadonlySet<string>): Set<string> | undefined {
  if (value === undefined) return undefined;
  const ids = (Array.isArray(value) ? value : [value]).map(String);
  for (const id of ids) {
    if (!knownRules.has(id)) throw new UserError(`--suppress-rule: "${id}" is no rule of rfckit.`, { hint: `give a rule id such as ${[...knownRules].slice(0, 2).join(" or ")} (the ids are in docs/rules/).` });
  }
  return new Set(ids);
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
