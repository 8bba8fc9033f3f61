import type { Stage } from "../model/config.ts";
import type { Severity } from "../model/diagnostic.ts";
import type { RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import type { PullRequestFacts } from "../model/pull-request.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import type { Schema } from "../model/schema.ts";

/** What a rule reports: a place, a message, a hint; the runner adds file, rule id and severity. */
export interface Finding {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
  fix?: Edit;
  /** Overrides the rule's severity for this finding (e.g. a warning-level case of an error rule). */
  severity?: Severity;
  /** Reports on another file than the RFC being checked (a sub-chapter, an asset folder). */
  file?: string;
}

/** A function's results, cached by its arguments (compared by identity) for one run. */
export type Memo = <A extends readonly unknown[], T>(compute: (...args: A) => T, ...args: A) => T;

/** What a rule sees when it checks one RFC. */
export interface RuleContext {
  repo: Repository;
  rfc: Rfc;
  /** The RFC's parsed text (rules run only on RFCs that could be read). */
  doc: RfcDocument;
  /** The schema this RFC is held to (see `Rfc.schema`). */
  schema: Schema;
  /** The stage the RFC is checked at: what must be filled in by now. */
  stage: Stage;
  /**
   * True while the RFC is being written: a draft, a file with changes not committed yet, or one
   * named on the command line or selected by `rfc check --changed` (changed on this branch). An
   * accepted RFC, as committed, is history: rules about drafting conventions leave it alone, and
   * template-bound rules report warnings on it.
   */
  editing: boolean;
  report(finding: Finding): void;
  /**
   * Calls `compute(...args)` once per run for the same arguments and shares the result between
   * rules, e.g. `memo(matchSections, schema, doc)`. Arguments are compared by identity.
   */
  memo: Memo;
  /** The pull request proposing the RFC, when the command read it from GitHub (`rfc check --pr N`). */
  pullRequest?: PullRequestFacts;
}

/** What a rule sees when it checks the repository as a whole. */
export interface RepositoryContext {
  repo: Repository;
  /**
   * Whether findings on `file` are wanted (all are, unless only some RFCs are checked). A rule
   * skips the work whose findings would be dropped, and reads other RFCs' headers rather than
   * their documents where it can: each document read is a file parsed.
   */
  isChecked(file: string): boolean;
  /** Whether the RFC at `file` is being written (see `RuleContext.editing`); true for a file that is no RFC. */
  isEditing(file: string): boolean;
  report(finding: Finding & { file: string }): void;
}

/** One check: its metadata and its logic in one object. */
export interface Rule {
  /** Kebab-case id, the same as the file name; never reused once removed. */
  id: string;
  /** One line: what the rule requires. */
  description: string;
  severity: Severity;
  tags: readonly string[];
  fixable: boolean;
  /**
   * True when the rule holds an RFC to the template. Its findings are errors only on RFCs being
   * written (`editing`); on others they are warnings: an accepted RFC passed review as it is,
   * perhaps under an older template.
   */
  templateBound?: boolean;
  /** Checks one RFC. */
  check?(ctx: RuleContext): void;
  /** Checks what belongs to no single RFC, or to RFCs that could not be read. */
  checkRepository?(ctx: RepositoryContext): void;
}

/**
 * The context's `report`, with findings made warnings on an RFC not being written: for rules
 * about the form of a value the template sets (a date, a feature name), which an accepted RFC
 * keeps as history.
 */
export function reportingHistoryAsWarnings({ report, editing }: Pick<RuleContext, "report" | "editing">): RuleContext["report"] {
  return editing ? report : (finding) => report({ ...finding, severity: "warning" });
}

/** Returns the rule unchanged: exists so a rule file gets its types checked where it is written. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Where a rule's documentation lives, relative to the package root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The project's home, which SARIF and the language server link rule pages under. */
export const projectUrl = "https://github.com/rfckit/rfckit";

/** The web address of a rule's documentation, as code scanning and editors link it. */
export function ruleDocUrl(id: string): string {
  return `${projectUrl}/blob/main/${ruleDocPath(id)}`;
}

