import type { Stage } from "../model/config.ts";
import { compareDiagnostics, type Diagnostic, type Severity } from "../model/diagnostic.ts";
import type { PullRequestFacts } from "../model/pull-request.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import type { Finding, Rule } from "../rules/define-rule.ts";
import { rules as knownRules } from "../rules/index.ts";
import suppressionUnused from "../rules/suppression-unused.ts";
import { applyInlineSuppressions } from "./inline-suppressions.ts";
import { createMemo } from "./memo.ts";

/** What to check and how. */
export interface CheckOptions {
  rules: readonly Rule[];
  /** Check only these RFC paths (relative to the root); all when absent. */
  only?: ReadonlySet<string>;
  /** The stage every checked RFC must have reached; by default drafts are at `draft` and numbered RFCs at `merge`. */
  stage?: Stage;
  /** The pull request proposing the checked RFCs, read from GitHub by the caller; rules do no I/O. */
  pullRequest?: PullRequestFacts;
  /**
   * RFCs the author is writing besides drafts and uncommitted files: those changed on the branch
   * (`--changed`) and those named on the command line. Held to the template with errors.
   */
  beingWritten?: ReadonlySet<string>;
}

/** Whether an RFC is being written: a draft, uncommitted changes, or among `beingWritten`. */
export function isBeingWritten(rfc: Rfc, beingWritten?: ReadonlySet<string>): boolean {
  return rfc.isDraft || rfc.git?.uncommitted === true || beingWritten?.has(rfc.path) === true;
}

/**
 * Whether template-bound rules give the RFC errors: only while it is being written. One accepted
 * as committed is history: it passed review as it is, perhaps before the template said what it
 * says now. And without history no one knows which revision a numbered RFC was written from.
 */
export function isHeldToTemplate(rfc: Rfc, beingWritten?: ReadonlySet<string>): boolean {
  return rfc.isDraft || (isBeingWritten(rfc, beingWritten) && rfc.schemaBasis !== "no-history");
}

/**
 * Whether findings on a file are wanted when only the RFCs `only` are checked: the RFC files
 * themselves and what lies in their folders (sub-chapters, assets); every file when `only` is absent.
 */
export function toSelection(only: ReadonlySet<string> | undefined): (file: string) => boolean {
  if (!only) return () => true;
  const folders = [...only].map((p) => `${p.replace(/\.md$/, "")}/`);
  return (file) => only.has(file) || folders.some((folder) => file.startsWith(folder));
}

/**
 * Runs the rules over the repository and returns their diagnostics, sorted by file and position,
 * less those the RFCs' `rfc-disable` comments turn off.
 */
export function checkRepository(repo: Repository, options: CheckOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const memo = createMemo();
  const selected = toSelection(options.only);
  const isEditing = (rfc: Rfc) => isBeingWritten(rfc, options.beingWritten);
  const rfcByPath = new Map(repo.rfcs.map((r) => [r.path, r]));
  for (const rule of options.rules) {
    const configured = repo.config.rules[rule.id];
    if (configured === "off") continue;
    const toDiagnostic = (finding: Finding, file: string, rfc: Rfc | null): Diagnostic => {
      // A severity set in the configuration wins over the rule's own choices.
      const severity: Severity = configured ?? (rule.templateBound && rfc && !isHeldToTemplate(rfc, options.beingWritten) ? "warning" : (finding.severity ?? rule.severity));
      const diagnostic: Diagnostic = {
        file,
        line: finding.line,
        column: finding.column ?? 1,
        endLine: finding.endLine ?? finding.line,
        endColumn: finding.endColumn ?? finding.column ?? 1,
        rule: rule.id,
        severity,
        message: finding.message,
      };
      if (finding.hint !== undefined) diagnostic.hint = finding.hint;
      if (finding.fix !== undefined) diagnostic.fix = finding.fix;
      return diagnostic;
    };
    if (rule.checkRepository) {
      rule.checkRepository({
        repo,
        isChecked: selected,
        isEditing: (file) => {
          const rfc = rfcByPath.get(file);
          return rfc ? isEditing(rfc) : true;
        },
        report: (finding) => {
          if (selected(finding.file)) {
            const rfc = rfcByPath.get(finding.file) ?? null;
            diagnostics.push(toDiagnostic(finding, finding.file, rfc));
          }
        },
      });
    }
    if (!rule.check) continue;
    for (const rfc of repo.rfcs) {
      if (!selected(rfc.path) || !rfc.document) continue;
      rule.check({
        repo,
        rfc,
        doc: rfc.document,
        schema: rfc.schema,
        stage: options.stage ?? (rfc.isDraft ? "draft" : "merge"),
        editing: isEditing(rfc),
        report: (finding) => diagnostics.push(toDiagnostic(finding, finding.file ?? rfc.path, rfc)),
        memo,
        ...(options.pullRequest ? { pullRequest: options.pullRequest } : {}),
      });
    }
  }
  const unusedConfigured = repo.config.rules[suppressionUnused.id];
  const kept = applyInlineSuppressions(diagnostics, {
    repo,
    selected,
    ran: new Set(options.rules.filter((r) => repo.config.rules[r.id] !== "off").map((r) => r.id)),
    known: new Set(knownRules.map((r) => r.id)),
    unusedSeverity: !options.rules.includes(suppressionUnused) || unusedConfigured === "off" ? null : (unusedConfigured ?? suppressionUnused.severity),
  });
  return kept.sort(compareDiagnostics);
}
