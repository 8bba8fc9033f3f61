import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { renderSarif } from "../../src/report/sarif.ts";
import metadataMissing from "../../src/rules/metadata-missing.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { makeContext, makeDiagnostic } from "./context.ts";

/** The parts of a SARIF log these tests read. */
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; informationUri: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
    }[];
  }[];
}

function parse(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

describe("sarif reporter", () => {
  test("writes a SARIF 2.1.0 log with one run of rfckit and its rules", () => {
    const log = parse(renderSarif([], makeContext()));
    assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, "rfckit");
    assert.equal(driver.version, "9.9.9");
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((r) => [r.id, r.shortDescription.text]),
      [
        ["metadata-missing", "Every metadata key of the template appears"],
        ["date", "Dates are real dates"],
      ],
    );
    assert.deepEqual(log.runs[0]!.results, [], "code scanning wants results present even when empty");
  });

  test("turns each diagnostic into a result pointing at its rule, file and region", () => {
    const log = parse(
      renderSarif(
        [
          makeDiagnostic({ file: "text/0002-b.md", line: 3, column: 15, endColumn: 25, rule: "date", message: "Not a date.", hint: "write YYYY-MM-DD." }),
          makeDiagnostic({ file: "text/0001-a.md", line: 5, severity: "warning", message: "Key missing." }),
        ],
        makeContext(),
      ),
    );
    const [run] = log.runs;
    assert.deepEqual(run!.results, [
      {
        ruleId: "metadata-missing",
        ruleIndex: 0,
        level: "warning",
        message: { text: "Key missing." },
        locations: [{ physicalLocation: { artifactLocation: { uri: "text/0001-a.md" }, region: { startLine: 5, startColumn: 1, endLine: 5 } } }],
      },
      {
        ruleId: "date",
        ruleIndex: 1,
        level: "error",
        message: { text: "Not a date.\nhint: write YYYY-MM-DD." },
        locations: [{ physicalLocation: { artifactLocation: { uri: "text/0002-b.md" }, region: { startLine: 3, startColumn: 15, endLine: 3, endColumn: 25 } } }],
      },
    ]);
    for (const result of run!.results) assert.equal(run!.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
  });

  test("adds a rule entry for a rule it has no description of", () => {
    const log = parse(renderSarif([makeDiagnostic({ rule: "mystery" })], makeContext()));
    const { rules } = log.runs[0]!.tool.driver;
    assert.deepEqual(rules.at(-1), { id: "mystery", shortDescription: { text: "mystery" }, helpUri: "https://github.com/rfckit/rfckit/blob/main/docs/rules/mystery.md" });
    assert.equal(log.runs[0]!.results[0]!.ruleIndex, rules.length - 1);
  });

  test("writes URIs relative to the root plus pathPrefix, percent-encoded", () => {
    const log = parse(renderSarif([makeDiagnostic({ file: "text/0001 my #1.md" })], makeContext({ pathPrefix: "rfcs" })));
    assert.equal(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, "rfcs/text/0001%20my%20%231.md");
  });

  test("keeps a multi-line region's end column", () => {
    const log = parse(renderSarif([makeDiagnostic({ line: 2, column: 4, endLine: 5, endColumn: 1 })], makeContext()));
    assert.deepEqual(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region, { startLine: 2, startColumn: 4, endLine: 5, endColumn: 1 });
  });

  test("reports the notes as tool notifications", () => {
    const log = parse(renderSarif([], makeContext({ notes: ["An older template was used."] })));
    assert.deepEqual(log.runs[0]!.invocations, [
      { executionSuccessful: true, toolExecutionNotifications: [{ level: "note", message: { text: "An older template was used." } }] },
    ]);
  });
});

describe("sarif reporter through `rfc check --format sarif`", () => {
  test("names rfckit's version and every rule, and reports the missing key", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-rocket-boots.md": goodRfc.replace("- Last Updated: 2026-02-01\n", "") });
    const { stdout, stderr } = await runRfc(["check", "--format", "sarif"], { cwd: root });
    assert.equal(stderr, "");
    const log = parse(stdout);
    const { driver } = log.runs[0]!.tool;
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    assert.equal(driver.version, pkg.version);
    assert.ok(driver.rules.some((r) => r.id === metadataMissing.id && r.shortDescription.text === metadataMissing.description));
    const result = log.runs[0]!.results.find((r) => r.ruleId === "metadata-missing");
    assert.ok(result, stdout);
    assert.equal(result.level, "warning");
    assert.match(result.message.text, /^Metadata "Last Updated" from the template is missing\.\nhint: /);
    assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, "text/0001-rocket-boots.md");
    assert.equal(result.locations[0]!.physicalLocation.region["startLine"], 5);
    assert.equal(driver.rules[result.ruleIndex]!.id, "metadata-missing");
  });
});
