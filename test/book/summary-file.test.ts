import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSummaryFile, UserError, type SummaryFileItem } from "../../src/index.ts";

/** An item as one short line, to compare whole outlines: `1.2 Title -> file.md`, `# Part`, `---`. */
function show(items: readonly SummaryFileItem[], depth = 0): string[] {
  return items.flatMap((item) => {
    const pad = "  ".repeat(depth);
    if (item.kind === "part") return [`${pad}# ${item.title}`];
    if (item.kind === "separator") return [`${pad}---`];
    const number = item.section === null ? "" : `${item.section.join(".")} `;
    return [`${pad}${number}${item.title} -> ${item.target ?? "(draft)"}`, ...show(item.children, depth + 1)];
  });
}

test("SUMMARY.md reads as mdBook reads it: title skipped, prefix, parts, nested numbered chapters, drafts, separators, suffix", () => {
  const text = [
    "<!-- the table of contents -->",
    "# Summary",
    "",
    "[Introduction](README.md)",
    "[Process](./process.md)",
    "",
    "---",
    "",
    "# Guides",
    "",
    "- [Writing an RFC](guides/writing.md)",
    "    - [*Styled* `title`](guides/style%20notes.md)",
    "    - [Not written yet]()",
    "- [Reviewing](guides/reviewing.md)",
    "",
    "---",
    "",
    "* [After a separator](after.md)",
    "",
    "# Accepted",
    "",
    "1. [First RFC](text/0001-first.md)",
    "   1. [Its notes](text/0001-first/notes.md)",
    "",
    "[Contributors](contributors.md)",
    "",
    "---",
    "",
    "[Licence](licence.md)",
  ].join("\n");
  assert.deepEqual(show(parseSummaryFile(text, "SUMMARY.md")), [
    "Introduction -> README.md",
    "Process -> ./process.md",
    "---",
    "# Guides",
    "1 Writing an RFC -> guides/writing.md",
    "  1.1 Styled title -> guides/style notes.md",
    "  1.2 Not written yet -> (draft)",
    "2 Reviewing -> guides/reviewing.md",
    "---",
    "3 After a separator -> after.md",
    "# Accepted",
    "4 First RFC -> text/0001-first.md",
    "  4.1 Its notes -> text/0001-first/notes.md",
    "Contributors -> contributors.md",
    "---",
    "Licence -> licence.md",
  ]);
  const items = parseSummaryFile(text, "SUMMARY.md");
  assert.deepEqual(
    items.flatMap((i) => (i.kind === "link" ? [i.line] : [])),
    [4, 5, 11, 14, 18, 22, 25, 29],
    "each link knows its line",
  );
});

test("without a title or prefix, a SUMMARY.md may start at its list; other Markdown is skipped", () => {
  const text = "- [One](one.md)\n- [Two](two.md)\n\n> a note mdBook ignores\n\n## Not a part\n\n- [Three](three.md)\n";
  assert.deepEqual(show(parseSummaryFile(text, "src/SUMMARY.md")), ["1 One -> one.md", "2 Two -> two.md", "3 Three -> three.md"]);
});

test("what mdBook refuses in SUMMARY.md is an error naming the file and line", () => {
  const refused = (text: string, line: number, message: RegExp) => {
    assert.throws(
      () => parseSummaryFile(text, "src/SUMMARY.md"),
      (error: unknown) => error instanceof UserError && error.file === "src/SUMMARY.md" && error.line === line && message.test(error.message) && error.hint.includes("mdBook"),
    );
  };
  refused("- [One](one.md)\n\n[Suffix](suffix.md)\n\n- [Two](two.md)\n", 5, /suffix chapters cannot be followed by a list/i);
  refused("- [One](one.md)\n- Plain words, no link\n", 2, /must hold only a link/);
  refused("[One](one.md)\n\n- [Again](one.md)\n", 3, /one\.md is listed twice, on lines 1 and 3/);
  refused("- [One](one.md)\n\n[Suffix](suffix.md)\n\n# Late part\n", 5, /part title cannot come after the suffix/i);
});
