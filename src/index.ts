/** rfckit's library API: the RFC model, the loader, the checker and its rules, the reporters. */
export type * from "./model/index.ts";
export { allSections, compareDiagnostics, defaultConfig, findEntry, lineCount, lineText, linesText, normaliseKey, parseConfig, stages } from "./model/index.ts";
export { parseDocument, createDocumentParser } from "./markdown/parse-document.ts";
export { toSlug } from "./markdown/slug.ts";
export { loadRepository, type LoadOptions } from "./repository/load-repository.ts";
export { toSchema } from "./repository/to-schema.ts";
export { checkRepository, type CheckOptions } from "./check/check-repository.ts";
export { fixRepository, type AppliedFix, type FixedFile, type FixOptions, type FixResult } from "./check/fix-repository.ts";
export { rules } from "./rules/index.ts";
export { defineRule, type Finding, type Rule, type RuleContext, type RepositoryContext } from "./rules/define-rule.ts";
export { reporters, reportFormats, type ReportContext, type ReportFormat, type Reporter } from "./report/index.ts";
export { runCli } from "./cli/run.ts";
export type { Io } from "./cli/command.ts";
export { UserError, InternalError } from "./errors.ts";
