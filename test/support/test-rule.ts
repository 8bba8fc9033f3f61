import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { checkRepository } from "../../src/check/check-repository.ts";
import { fixRepository } from "../../src/check/fix-repository.ts";
import type { Stage } from "../../src/model/config.ts";
import type { Diagnostic, Severity } from "../../src/model/diagnostic.ts";
import type { Repository } from "../../src/model/repository.ts";
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
  /** Load with git history (default false), for cases whose `setup` makes a git repository. */
  history?: boolean;
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
  /**
   * `output` is the RFC's text after `rfc fix` with this rule alone; required when a diagnostic
   * carries a fix, and checked again to have no fixable diagnostics left.
   */
  invalid: (RuleCase & { diagnostics: ExpectedDiagnostic[]; output?: string })[];
}

/** Runs a rule on each case and asserts: no diagnostics for `valid`, exactly the listed ones for `invalid`. */
export function testRule(rule: Rule, cases: RuleCases): void {
  const tally = tallyOf(rule);
  tally.cases += cases.invalid.length;
  describe(rule.id, () => {
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, async () => {
        const diagnostics = await runRule(rule, cases.template, c);
        assert.deepEqual(diagnostics.map(summary), []);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, async () => {
        const repo = await loadCase(cases.template, c);
        const diagnostics = checkRepository(repo, { rules: [rule], ...(c.stage ? { stage: c.stage } : {}) });
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
        const fixable = diagnostics.filter((d) => d.fix);
        tally.ran++;
        tally.fixes += fixable.length;
        assert.ok(fixable.length === 0 || rule.fixable, "a diagnostic has a fix, but the rule says fixable: false");
        if (fixable.length > 0) assert.ok(c.output !== undefined, `a diagnostic has a fix: give the case an \`output\` (the text after fixing)`);
        if (c.output !== undefined) assertOutput(rule, repo, c, c.output);
      });
    }
  });
}

/** Per rule, over every `testRule` call of a test file: invalid cases, how many ran, fixes seen. */
const tallies = new Map<Rule, { cases: number; ran: number; fixes: number }>();

/**
 * The rule's tally; the first call also asserts, once the file's tests are done, that `fixable`
 * is true exactly when some case's diagnostic had a fix (a file may call `testRule` more than once).
 */
function tallyOf(rule: Rule): { cases: number; ran: number; fixes: number } {
  let tally = tallies.get(rule);
  if (!tally) {
    const created = { cases: 0, ran: 0, fixes: 0 };
    tallies.set(rule, (tally = created));
    after(() => {
      if (created.ran < created.cases) return; // a filtered run: not every case was seen
      assert.equal(rule.fixable, created.fixes > 0, `${rule.id}: fixable is ${rule.fixable}, but ${created.fixes} diagnostics of its invalid cases had a fix`);
    });
  }
  return tally;
}

/** Fixes the case's repository with the rule alone and asserts the RFC's text, then that nothing fixable is left. */
function assertOutput(rule: Rule, repo: Repository, c: RuleCase, output: string): void {
  const rfcPath = c.path ?? "text/0001-test.md";
  const options = { rules: [rule], ...(c.stage ? { stage: c.stage } : {}) };
  const result = fixRepository(repo, options);
  const original = typeof c.rfc === "string" ? c.rfc : c.rfc.toString("utf8");
  assert.equal(result.files.find((f) => f.path === rfcPath)?.after ?? original, output);
  const left = checkRepository(result.repo, options).filter((d) => d.fix);
  assert.deepEqual(left.map(summary), [], "the output still has fixable diagnostics");
}

/** Loads a temporary repository for the case and returns the rule's diagnostics. */
export async function runRule(rule: Rule, template: string, c: RuleCase): Promise<Diagnostic[]> {
  const repo = await loadCase(template, c);
  return checkRepository(repo, { rules: [rule], ...(c.stage ? { stage: c.stage } : {}) });
}

/** Writes the case's repository to a temporary folder and loads it. */
async function loadCase(template: string, c: RuleCase): Promise<Repository> {
  const rfcPath = c.path ?? "text/0001-test.md";
  const root = await writeTempRepo({ "0000-template.md": template, [rfcPath]: c.rfc, ...c.files });
  await c.setup?.(root);
  return loadRepository({ root, history: c.history ?? false, today: c.today ?? "2026-06-15" });
}

function summary(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`;
}
