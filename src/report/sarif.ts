import { compareDiagnostics, type Diagnostic } from "../model/diagnostic.ts";
import type { Reporter } from "./format.ts";
import { withPathPrefix } from "./path-prefix.ts";
import { projectUrl as informationUri, ruleDocUrl } from "../rules/define-rule.ts";


/**
 * SARIF 2.1.0, the format GitHub code scanning uploads: one run of rfckit with every rule it
 * knows and one result per diagnostic. URIs are relative to the repository root (plus
 * `context.pathPrefix`), so the file is the same on every machine.
 */
export const renderSarif: Reporter = (diagnostics, context) => {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const ruleIds = [...Object.keys(context.ruleDescriptions)];
  // A diagnostic from a rule without a description (should not happen) still needs its rule entry.
  for (const d of sorted) if (!ruleIds.includes(d.rule)) ruleIds.push(d.rule);
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "rfckit",
            informationUri,
            version: context.toolVersion,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: context.ruleDescriptions[id] ?? id },
              helpUri: ruleDocUrl(id),
            })),
          },
        },
        // Diagnostic columns are JavaScript string offsets.
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: context.notes.map((text) => ({ level: "note", message: { text } })),
          },
        ],
        results: sorted.map((d) => toResult(d, ruleIds.indexOf(d.rule), context.pathPrefix)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toResult(d: Diagnostic, ruleIndex: number, pathPrefix: string | undefined) {
  return {
    ruleId: d.rule,
    ruleIndex,
    level: d.severity,
    message: { text: d.hint === undefined ? d.message : `${d.message}\nhint: ${d.hint}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(withPathPrefix(d.file, pathPrefix)) },
          region: toRegion(d),
        },
      },
    ],
  };
}

/** A SARIF region: `endColumn` is exclusive, as in a diagnostic; left out for a point, so viewers mark the rest of the line. */
function toRegion(d: Diagnostic) {
  const spans = d.endLine > d.line || d.endColumn > d.column;
  return {
    startLine: d.line,
    startColumn: d.column,
    endLine: d.endLine,
    ...(spans ? { endColumn: d.endColumn } : {}),
  };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}
