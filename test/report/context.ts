import type { Diagnostic } from "../../src/model/diagnostic.ts";
import type { ReportContext } from "../../src/report/format.ts";

/** A report context for reporter tests; `files` gives the text `lineOf` reads. */
export function makeContext(options: Partial<ReportContext> & { files?: Record<string, string> } = {}): ReportContext {
  const { files = {}, ...rest } = options;
  return {
    root: "/repo",
    lineOf: (file, line) => files[file]?.split("\n")[line - 1],
    color: false,
    fileCount: 1,
    notes: [],
    toolVersion: "9.9.9",
    ruleDescriptions: { "metadata-missing": "Every metadata key of the template appears", "date": "Dates are real dates" },
    ...rest,
  };
}

/** A diagnostic with defaults for the fields a test does not care about. */
export function makeDiagnostic(fields: Partial<Diagnostic> = {}): Diagnostic {
  const line = fields.line ?? 1;
  const column = fields.column ?? 1;
  return {
    file: "text/0001-x.md",
    line,
    column,
    endLine: line,
    endColumn: column,
    rule: "metadata-missing",
    severity: "error",
    message: "Something is wrong.",
    ...fields,
  };
}

/** The control characters in `text` other than tab and newline, as code points (a terminal or log would act on them). */
export function controlCharactersIn(text: string): number[] {
  return [...text].map((ch) => ch.codePointAt(0)!).filter((c) => (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f));
}
