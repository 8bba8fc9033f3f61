import type { Diagnostic, Severity } from "../model/diagnostic.ts";
import type { Repository } from "../model/repository.ts";
import { readSuppressionComments, type SuppressionComment } from "../model/suppression-comment.ts";

/** What the runner knows when it applies suppression comments. */
export interface InlineSuppressionContext {
  repo: Repository;
  /** Whether a file's findings were wanted (checked), as the runner selected them. */
  selected(file: string): boolean;
  /** The ids of the rules that ran: a comment naming another is left alone, not unused. */
  ran: ReadonlySet<string>;
  /** The ids of every rule rfckit has, to tell a mistyped id from a rule turned off. */
  known: ReadonlySet<string>;
  /** The severity of `suppression-unused` findings, or null when that rule did not run. */
  unusedSeverity: Severity | null;
}

/**
 * Drops the findings that the files' `rfc-disable` comments turn off, and reports each rule a
 * comment names that turned nothing off (and each id that is no rule) as `suppression-unused`.
 */
export function applyInlineSuppressions(diagnostics: readonly Diagnostic[], context: InlineSuppressionContext): Diagnostic[] {
  const comments = readComments(context);
  if (comments.size === 0) return [...diagnostics];
  const used = new Set<string>();
  const kept = diagnostics.filter((d) => {
    const covering = (comments.get(d.file) ?? []).filter((c) => covers(c, d));
    for (const comment of covering) used.add(useKey(comment, comment.rules.length === 0 ? "" : d.rule));
    return covering.length === 0;
  });
  if (context.unusedSeverity === null) return kept;
  for (const [file, list] of comments) {
    for (const comment of list) {
      for (const rule of comment.rules.length === 0 ? [""] : comment.rules) {
        if (rule !== "" && context.known.has(rule) && !context.ran.has(rule)) continue;
        if (used.has(useKey(comment, rule))) continue;
        kept.push(toUnused(file, comment, rule, context));
      }
    }
  }
  return kept;
}

function readComments(context: InlineSuppressionContext): Map<string, SuppressionComment[]> {
  const byFile = new Map<string, SuppressionComment[]>();
  for (const rfc of context.repo.rfcs) {
    if (!context.selected(rfc.path)) continue;
    for (const file of [rfc, ...rfc.subChapters]) {
      const comments = file.document ? readSuppressionComments(file.document) : [];
      if (comments.length > 0) byFile.set(file.path, comments);
    }
  }
  return byFile;
}

function covers(comment: SuppressionComment, d: Diagnostic): boolean {
  if (comment.rules.length > 0 && !comment.rules.includes(d.rule)) return false;
  return comment.scope === "file" || d.line === comment.endLine + 1;
}

function useKey(comment: SuppressionComment, rule: string): string {
  return `${comment.line}\u0000${rule}`;
}

function toUnused(file: string, comment: SuppressionComment, rule: string, context: InlineSuppressionContext): Diagnostic {
  const what = comment.scope === "file" ? "this file" : `line ${comment.endLine + 1}`;
  const message =
    rule === ""
      ? `This rfc-disable comment turns off nothing: no rule reports anything on ${what}.`
      : context.known.has(rule)
        ? `This rfc-disable comment turns off ${rule}, which reports nothing on ${what}.`
        : `This rfc-disable comment names "${rule}", which is no rule of rfckit.`;
  const hint = context.known.has(rule) || rule === "" ? "remove the comment, or run `rfc fix`." : "correct the rule id (the rules are listed in rfckit's docs/rules/), or remove it.";
  const diagnostic: Diagnostic = { file, line: comment.line, column: 1, endLine: comment.line, endColumn: 1, rule: "suppression-unused", severity: context.unusedSeverity!, message, hint };
  // A comment that names other rules too keeps them: only the author can cut one id out.
  if (comment.rules.length <= 1) diagnostic.fix = { kind: "delete-lines", first: comment.line, last: comment.endLine };
  return diagnostic;
}
