import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { escapeData, escapeProperty, renderGithub } from "../../src/report/github.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { controlCharactersIn, makeContext, makeDiagnostic } from "./context.ts";

describe("github reporter", () => {
  test("one workflow command per diagnostic, with position, rule as title, and the hint on a new line", () => {
    const output = renderGithub(
      [
        makeDiagnostic({ file: "text/x.md", line: 3, column: 5, endColumn: 9, rule: "date", message: "Not a date.", hint: "write YYYY-MM-DD." }),
        makeDiagnostic({ file: "text/y.md", severity: "warning", message: "Odd." }),
      ],
      makeContext(),
    );
    assert.equal(
      output,
      "::error file=text/x.md,line=3,col=5,endLine=3,endColumn=9,title=date::Not a date.%0Ahint: write YYYY-MM-DD.\n" +
        "::warning file=text/y.md,line=1,col=1,endLine=1,endColumn=1,title=metadata-missing::Odd.\n",
    );
  });

  test("leaves out columns on an annotation that spans lines (GitHub rejects them)", () => {
    const output = renderGithub([makeDiagnostic({ line: 2, column: 3, endLine: 4, endColumn: 7 })], makeContext());
    assert.match(output, /^::error file=text\/0001-x\.md,line=2,endLine=4,title=metadata-missing::/);
  });

  test("escapes the message and the properties as GitHub documents", () => {
    assert.equal(escapeData("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b");
    assert.equal(escapeProperty("a,b:c%d\ne"), "a%2Cb%3Ac%25d%0Ae");
    const output = renderGithub([makeDiagnostic({ file: "text/a,b:c.md", message: "50%\nof it" })], makeContext());
    assert.match(output, /file=text\/a%2Cb%3Ac\.md,/);
    assert.match(output, /::50%25%0Aof it\n$/);
    assert.equal(output.split("\n").length, 2, "one line per command");
  });

  test("strips control characters, so RFC text cannot reach the log as escape codes", () => {
    const output = renderGithub([makeDiagnostic({ message: "Bad\u001b[31m red\u0007." })], makeContext({ notes: ["note\u001b]0;x"] }));
    assert.deepEqual(controlCharactersIn(output), []);
    assert.match(output, /::Bad\[31m red\.\n/);
  });

  test("turns notes into ::notice commands", () => {
    assert.equal(renderGithub([], makeContext({ notes: ["Checked against the template as of 2024-01-01."] })), "::notice::Checked against the template as of 2024-01-01.\n");
  });

  test("prints nothing when there is nothing to say", () => {
    assert.equal(renderGithub([], makeContext()), "");
  });

  for (const prefix of ["rfcs", "rfcs/", "./rfcs"]) {
    test(`prepends pathPrefix "${prefix}" to file paths`, () => {
      const output = renderGithub([makeDiagnostic({ file: "text/x.md" })], makeContext({ pathPrefix: prefix }));
      assert.match(output, /^::error file=rfcs\/text\/x\.md,/);
    });
  }

  test("an empty pathPrefix leaves paths root-relative", () => {
    assert.match(renderGithub([makeDiagnostic({ file: "text/x.md" })], makeContext({ pathPrefix: "" })), /^::error file=text\/x\.md,/);
  });
});

describe("github reporter through `rfc check --format github`", () => {
  test("annotates the missing metadata key", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-rocket-boots.md": goodRfc.replace("- Last Updated: 2026-02-01\n", "") });
    const { stdout, stderr } = await runRfc(["check", "--format", "github"], { cwd: root });
    assert.equal(stderr, "");
    const lines = stdout.trimEnd().split("\n");
    assert.ok(
      lines.some((l) => l.startsWith('::warning file=text/0001-rocket-boots.md,line=5,col=1,endLine=5,endColumn=1,title=metadata-missing::Metadata "Last Updated" from the template is missing.%0Ahint: add "- Last Updated: …"')),
      stdout,
    );
    assert.ok(lines.some((l) => l.startsWith("::notice::No git history")), stdout);
    assert.ok(lines.every((l) => /^::(error|warning|notice)[ :]/.test(l)), stdout);
  });
});
