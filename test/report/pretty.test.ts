import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { renderPretty } from "../../src/report/pretty.ts";
import { runRfc } from "../support/run-cli.ts";
import { writeTempRepo } from "../support/temp-repo.ts";
import { goodRfc, smallTemplate } from "../support/templates.ts";
import { controlCharactersIn, makeContext, makeDiagnostic } from "./context.ts";

const rfc = "- Feature Name: rocket\n- Start Date: 2026-13-01\n\n## Summary\n";
const esc = "\u001b";

describe("pretty reporter", () => {
  test("groups by file: header, position, severity, message, rule, code frame, hint, summary", () => {
    const diagnostics = [
      makeDiagnostic({ line: 2, column: 15, endColumn: 25, message: "Start Date is not a real date.", rule: "date", hint: "write the date as YYYY-MM-DD." }),
      makeDiagnostic({ file: "text/0002-y.md", line: 1, column: 1, severity: "warning", message: "Metadata \"RFC PR\" from the template is missing." }),
    ];
    const output = renderPretty(diagnostics, makeContext({ fileCount: 3, files: { "text/0001-x.md": rfc, "text/0002-y.md": rfc } }));
    assert.equal(
      output,
      [
        "text/0001-x.md",
        "  2:15  error    Start Date is not a real date.  date",
        "    2 | - Start Date: 2026-13-01",
        "      |               ^^^^^^^^^^",
        "    hint: write the date as YYYY-MM-DD.",
        "",
        "text/0002-y.md",
        "  1:1  warning  Metadata \"RFC PR\" from the template is missing.  metadata-missing",
        "    1 | - Feature Name: rocket",
        "      | ^",
        "",
        "✖ 1 error and 1 warning in 2 of 3 files.",
        "",
      ].join("\n"),
    );
  });

  test("aligns positions within a file and widens the gutter for the longest line number", () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join("\n");
    const output = renderPretty(
      [makeDiagnostic({ line: 9, column: 1 }), makeDiagnostic({ line: 12, column: 6 })],
      makeContext({ files: { "text/0001-x.md": text } }),
    );
    assert.match(output, /^ {2}9:1 {3}error/m);
    assert.match(output, /^ {2}12:6 {2}error/m);
    assert.match(output, /^ {5}9 \| line 9$/m);
    assert.match(output, /^ {4}12 \| line 12$/m);
    assert.match(output, /^ {4}12 \| line 12\n {7}\| {6}\^$/m);
  });

  test("keeps tabs in the caret line so the caret sits under the column", () => {
    const output = renderPretty([makeDiagnostic({ line: 1, column: 4 })], makeContext({ files: { "text/0001-x.md": "\t-\tKey: value" } }));
    assert.match(output, /\n {4}1 \| \t-\tKey: value\n {6}\| \t \t\^\n/);
  });

  test("cuts a very long line around the column", () => {
    const long = `${"a".repeat(999)}X${"b".repeat(1000)}`;
    const output = renderPretty([makeDiagnostic({ column: 1000 })], makeContext({ files: { "text/0001-x.md": long } }));
    const [frame, caret] = output.split("\n").filter((l) => l.includes(" | ") || l.endsWith("^"));
    assert.ok(frame !== undefined && caret !== undefined, output);
    assert.ok(frame.length < 200, `frame line is ${frame.length} characters`);
    assert.match(frame, /\| …a+Xb+…$/);
    assert.equal(frame[caret.indexOf("^")], "X");
  });

  test("shows no frame when the line is unknown, and one frame for findings at the same place", () => {
    const none = renderPretty([makeDiagnostic({ file: "book.toml" })], makeContext());
    assert.doesNotMatch(none, /\|/);
    const shared = renderPretty(
      [makeDiagnostic({ message: "First." }), makeDiagnostic({ message: "Second." })],
      makeContext({ files: { "text/0001-x.md": rfc } }),
    );
    assert.equal(shared.split("\n").filter((l) => /^ +\d+ \|/.test(l)).length, 1, shared);
    assert.match(shared, /First\.[^]*Second\./);
  });

  test("strips control characters from RFC text so it cannot drive the terminal", () => {
    const output = renderPretty(
      [makeDiagnostic({ file: `text/${esc}]8;;evil${esc}\\0001.md`, message: `Bad${esc}[2J value\u0007.`, hint: `do${esc}[31m this`, rule: "date\u0000" })],
      makeContext({ files: { [`text/${esc}]8;;evil${esc}\\0001.md`]: `- Key: ${esc}[1Avalue` }, notes: [`note${esc}c`] }),
    );
    assert.deepEqual(controlCharactersIn(output), []);
    assert.match(output, /Bad\[2J value\./);
    assert.match(output, /note/);
  });

  test("keeps a message on one line", () => {
    const output = renderPretty([makeDiagnostic({ message: "Line one\nline two." })], makeContext());
    assert.match(output, /error +Line one line two\. {2}metadata-missing/);
  });

  test("colours only when asked: red errors, yellow warnings, bold file, dim rule id", () => {
    const diagnostics = [makeDiagnostic({ hint: "fix it." }), makeDiagnostic({ line: 2, severity: "warning" })];
    const plain = renderPretty(diagnostics, makeContext({ files: { "text/0001-x.md": rfc } }));
    assert.ok(!plain.includes(esc));
    const coloured = renderPretty(diagnostics, makeContext({ color: true, files: { "text/0001-x.md": rfc } }));
    assert.ok(coloured.includes(`${esc}[1mtext/0001-x.md${esc}[22m`), coloured);
    assert.ok(coloured.includes(`${esc}[31merror  ${esc}[39m`));
    assert.ok(coloured.includes(`${esc}[33mwarning${esc}[39m`));
    assert.ok(coloured.includes(`${esc}[2mmetadata-missing${esc}[22m`));
    assert.ok(coloured.includes(`${esc}[31m✖ 1 error and 1 warning in 1 of 1 file.${esc}[39m`));
  });

  test("prints the notes before the summary", () => {
    const output = renderPretty([], makeContext({ notes: ["text/0001-x.md: checked against an older template."] }));
    assert.equal(output, "text/0001-x.md: checked against an older template.\n✔ 1 file checked, no problems.\n");
  });

  for (const [name, counts, fileCount, summary] of [
    ["no problems, many files", [], 14, "✔ 14 files checked, no problems."],
    ["no files", [], 0, "No RFC to check: nothing was checked."],
    ["one error", [["a", "error"]], 1, "✖ 1 error in 1 of 1 file."],
    ["errors and warnings", [["a", "error"], ["a", "error"], ["b", "error"], ["a", "warning"], ["b", "warning"]], 14, "✖ 3 errors and 2 warnings in 2 of 14 files."],
    ["warnings only", [["a", "warning"], ["a", "warning"]], 2, "✖ 2 warnings in 1 of 2 files."],
    ["more files with findings than RFCs checked", [["a", "error"], ["book.toml", "error"]], 1, "✖ 2 errors in 2 files."],
  ] as const) {
    test(`summary: ${name}`, () => {
      const diagnostics = counts.map(([file, severity]) => makeDiagnostic({ file, severity }));
      const lines = renderPretty(diagnostics, makeContext({ fileCount })).trimEnd().split("\n");
      assert.equal(lines.at(-1), summary);
    });
  }
});

describe("pretty reporter through `rfc check`", () => {
  const rfcMissingKey = goodRfc.replace("- Last Updated: 2026-02-01\n", "");

  test("prints the file, the finding with its frame and hint, the notes and the summary", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-rocket-boots.md": rfcMissingKey });
    const { stdout, stderr } = await runRfc(["check"], { cwd: root });
    assert.equal(stderr, "");
    assert.match(stdout, /^text\/0001-rocket-boots\.md$/m);
    assert.match(
      stdout,
      /^ {2}5:1 +warning {2}Metadata "Last Updated" from the template is missing\. {2}metadata-missing\n {4}5 \| {3}- \[acme\/rfcs#3\]\(https:\/\/github\.com\/acme\/rfcs\/issues\/3\)\n {6}\| \^\n {4}hint: add "- Last Updated: …" to the header/m,
    );
    assert.match(stdout, /^No git history: /m);
    assert.match(stdout, /\n✖ .*\d+ warnings? in 1 of 1 file\.\n$/);
    assert.ok(!stdout.includes(esc));
  });

  test("colours on a terminal, unless NO_COLOR is set", async () => {
    const root = await writeTempRepo({ "0000-template.md": smallTemplate, "text/0001-rocket-boots.md": rfcMissingKey });
    const tty = await runRfc(["check"], { cwd: root, tty: true });
    assert.ok(tty.stdout.includes(`${esc}[33mwarning${esc}[39m`), tty.stdout);
    const noColor = await runRfc(["check"], { cwd: root, tty: true, env: { NO_COLOR: "1" } });
    assert.ok(!noColor.stdout.includes(esc));
  });
});
