import type { Diagnostic } from "../model/diagnostic.ts";

/** The output formats of `rfc check`. */
export const reportFormats = ["pretty", "compact", "json", "github", "sarif"] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** What a reporter may need besides the diagnostics. */
export interface ReportContext {
  /** Absolute repository root, for formats that want it. */
  root: string;
  /** The folder the command ran in, for formats that print paths relative to it (compact); the root when absent. */
  cwd?: string;
  /** Text of a line of a file (1-based), for code frames; undefined when unknown. */
  lineOf(file: string, line: number): string | undefined;
  /** Use ANSI colour (pretty only). */
  color: boolean;
  /** Number of files checked, for the summary line. */
  fileCount: number;
  /** Notes to print before the summary, e.g. which template revision was applied. */
  notes: readonly string[];
  /** rfckit's version, for formats that name the tool (SARIF). */
  toolVersion: string;
  /** One-line description of each rule by id, for formats that list the rules (SARIF). */
  ruleDescriptions: Readonly<Record<string, string>>;
  /**
   * The repository root's path relative to the git top-level (e.g. `rfcs`), prepended to file
   * paths by the formats GitHub reads (github, sarif), which resolve paths from the top-level.
   * Absent or "" when the root is the top-level.
   */
  pathPrefix?: string;
}

/** Turns diagnostics into the text of one output format. Reporters never print or write files. */
export type Reporter = (diagnostics: readonly Diagnostic[], context: ReportContext) => string;
