import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkRepository } from "../../src/check/check-repository.ts";
import type { Stage } from "../../src/model/config.ts";
import type { Diagnostic, Severity } from "../../src/model/diagnostic.ts";
import { loadRepository } from "../../src/repository/load-repository.ts";
import type { Rule } from "../../src/rules/define-rule.ts";
import { writeTempRepo } from "./temp-repo.ts";

/** One case: an RFC (and any other files) in a repository with the shared template. */
interface RuleCase {
  name: string;
  /** The RFC's text; a Buffer for bytes that are not text. */
  rfc: string | Buffer;
  /** Where the RFC lives (default `text/0001-test.md`). */
  path?: string;
  /** Other files of the repository, e.g. other RFCs or `book.toml`. */
  files?: Record<string, string | Buffer>;
  stage?: Stage;
  /** Today's date for the run (default 2026-06-15). */
  today?: string;
  /** Runs after the files are written and before loading, e.g. to make a symlink. */
  setup?: (root: string) => Promise<void>;
}

/** An expected diagnostic: only the fields given are compared. */
interface ExpectedDiagnostic {
  line: number;
  column?: number;
  message?: string | RegExp;
  severity?: Severity;
  file?: string;
  hint?: string | RegExp;
}

interface RuleCases {
  template: string;
  valid: RuleCase[];
  invalid: (RuleCase & { diagnostics: ExpectedDiagnostic[] })[];
}

/** Runs a rule on each case and asserts: no diagnostics for `valid`, exactly the listed ones for `invalid`. */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, async () => {
        const diagnostics = await runRule(rule, cases.template, c);
        assert.deepEqual(diagnostics.map(summary), []);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, async () => {
        const diagnostics = await runRule(rule, cases.template, c);
        assert.equal(diagnostics.length, c.diagnostics.length, `expected ${c.diagnostics.length} diagnostics, got:\n${diagnostics.map(summary).join("\n")}`);
        c.diagnostics.forEach((expected, i) => {
          const actual = diagnostics[i]!;
          assert.equal(actual.rule, rule.id);
          assert.equal(actual.line, expected.line, summary(actual));
          if (expected.column !== undefined) assert.equal(actual.column, expected.column, summary(actual));
          if (expected.severity !== undefined) assert.equal(actual.severity, expected.severity, summary(actual));
          if (expected.file !== undefined) assert.equal(actual.file, expected.file, summary(actual));
          if (typeof expected.message === "string") assert.equal(actual.message, expected.message);
          else if (expected.message) assert.match(actual.message, expected.message);
          if (typeof expected.hint === "string") assert.equal(actual.hint, expected.hint);
          else if (expected.hint) assert.match(actual.hint ?? "", expected.hint);
        });
      });
    }
  });
}

/** Loads a temporary repository for the case and returns the rule's diagnostics. */
export async function runRule(rule: Rule, template: string, c: RuleCase): Promise<Diagnostic[]> {
  const rfcPath = c.path ?? "text/0001-test.md";
  const root = await writeTempRepo({ "0000-template.md": template, [rfcPath]: c.rfc, ...c.files });
  await c.setup?.(root);
  const repo = await loadRepository({ root, history: false, today: c.today ?? "2026-06-15" });
  return checkRepository(repo, { rules: [rule], ...(c.stage ? { stage: c.stage } : {}) });
}

function summary(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`;
}
