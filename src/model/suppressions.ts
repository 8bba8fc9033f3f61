import type { Diagnostic } from "./diagnostic.ts";

/**
 * Findings accepted as they are, ESLint's bulk suppressions: per file, per rule, how many. Counts,
 * not lines, so editing a file elsewhere moves nothing; a file and a rule with more findings than
 * their count report all of them, since which one is new cannot be told.
 */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** The file at the repository root that holds them. */
export const suppressionsFile = "rfckit-suppressions.json";

/** What applying suppressions left. */
export interface SuppressedResult {
  kept: Diagnostic[];
  /** How many findings were dropped. */
  suppressed: number;
  /** Suppressions of checked files counted higher than what occurs now, for `--prune-suppressions`. */
  unused: number;
}

/** Drops the findings the counts allow; `checked` tells which files were checked, so only theirs can be unused. */
export function applySuppressions(diagnostics: readonly Diagnostic[], suppressions: Suppressions, checked: (file: string) => boolean): SuppressedResult {
  const counts = countFindings(diagnostics);
  const kept = diagnostics.filter((d) => (counts[d.file]?.[d.rule]?.count ?? 0) > (suppressions[d.file]?.[d.rule]?.count ?? 0));
  let unused = 0;
  for (const [file, byRule] of Object.entries(suppressions)) {
    if (!checked(file)) continue;
    for (const [rule, { count }] of Object.entries(byRule)) unused += Math.max(0, count - (counts[file]?.[rule]?.count ?? 0));
  }
  return { kept, suppressed: diagnostics.length - kept.length, unused };
}

/**
 * The suppressions with the findings of the checked files recorded: for every rule, or for the
 * `rules` given (the others keep their counts). Files not checked keep theirs.
 */
export function recordSuppressions(existing: Suppressions, diagnostics: readonly Diagnostic[], checked: (file: string) => boolean, rules?: ReadonlySet<string>): Suppressions {
  const found = countFindings(diagnostics);
  const result: Suppressions = {};
  const files = new Set([...Object.keys(existing), ...Object.keys(found)]);
  for (const file of files) {
    const byRule: Record<string, { count: number }> = {};
    const ruleIds = new Set([...Object.keys(existing[file] ?? {}), ...Object.keys(found[file] ?? {})]);
    for (const rule of ruleIds) {
      const recorded = checked(file) && (rules === undefined || rules.has(rule));
      const count = recorded ? (found[file]?.[rule]?.count ?? 0) : (existing[file]?.[rule]?.count ?? 0);
      if (count > 0) byRule[rule] = { count };
    }
    if (Object.keys(byRule).length > 0) result[file] = byRule;
  }
  return result;
}

/** The suppressions with each count of a checked file lowered to what occurs now; files not checked keep theirs. */
export function pruneSuppressions(existing: Suppressions, diagnostics: readonly Diagnostic[], checked: (file: string) => boolean): Suppressions {
  const found = countFindings(diagnostics);
  const result: Suppressions = {};
  for (const [file, byRule] of Object.entries(existing)) {
    const kept: Record<string, { count: number }> = {};
    for (const [rule, { count }] of Object.entries(byRule)) {
      const left = checked(file) ? Math.min(count, found[file]?.[rule]?.count ?? 0) : count;
      if (left > 0) kept[rule] = { count: left };
    }
    if (Object.keys(kept).length > 0) result[file] = kept;
  }
  return result;
}

/** The file's text: files and rules sorted, two-space indents, a final newline, so it diffs well. */
export function renderSuppressions(suppressions: Suppressions): string {
  const sorted = Object.fromEntries(
    Object.keys(suppressions)
      .sort()
      .map((file) => [file, Object.fromEntries(Object.keys(suppressions[file]!).sort().map((rule) => [rule, { count: suppressions[file]![rule]!.count }]))]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** How many findings the suppressions hold in all. */
export function countSuppressed(suppressions: Suppressions): number {
  return Object.values(suppressions).reduce((sum, byRule) => sum + Object.values(byRule).reduce((n, { count }) => n + count, 0), 0);
}

function countFindings(diagnostics: readonly Diagnostic[]): Suppressions {
  // No prototype: a path is a key like any other.
  const counts: Suppressions = Object.create(null) as Suppressions;
  for (const d of diagnostics) {
    const byRule = (counts[d.file] ??= Object.create(null) as Suppressions[string]);
    (byRule[d.rule] ??= { count: 0 }).count++;
  }
  return counts;
}
