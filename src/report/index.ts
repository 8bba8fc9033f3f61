import { renderCompact } from "./compact.ts";
import type { ReportFormat, Reporter } from "./format.ts";
import { renderGithub } from "./github.ts";
import { renderJson } from "./json.ts";
import { renderPretty } from "./pretty.ts";
import { renderSarif } from "./sarif.ts";

/** One reporter per output format. */
export const reporters = {
  pretty: renderPretty,
  compact: renderCompact,
  json: renderJson,
  github: renderGithub,
  sarif: renderSarif,
} satisfies Record<ReportFormat, Reporter>;

export { reportFormats, type ReportContext, type ReportFormat, type Reporter } from "./format.ts";
