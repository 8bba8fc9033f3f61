import type { ContentProblem } from "../model/document.ts";
import type { MarkdownFile } from "../model/repository.ts";
import { defineRule, type Finding } from "./define-rule.ts";

export default defineRule({
  id: "file-content",
  description: "RFC files are readable UTF-8 text with well-formed front matter",
  severity: "error",
  tags: ["repository"],
  fixable: false,
  // A file without a document gets no per-RFC check, so this rule walks the repository itself.
  checkRepository({ repo, isChecked, report }) {
    const files: MarkdownFile[] = repo.rfcs.flatMap((rfc) => [rfc, ...rfc.subChapters]);
    for (const file of files) {
      if (!isChecked(file.path)) continue;
      if (file.problem) {
        report({ file: file.path, ...describeProblem(file.problem, { templatePath: repo.template.path }) });
        continue;
      }
      for (const error of file.header?.metadata.errors ?? []) {
        report({
          file: file.path,
          line: error.line,
          column: error.column,
          message: error.message,
          hint: /never closed/.test(error.message)
            ? "add a `---` line after the last front-matter key, or remove the opening `---`."
            : 'fix the YAML at this place; quote values that contain ": " or start with [, {, *, & or #.',
        });
      }
    }
  },
});

/** The message and hint for a file that could not be read as text. */
function describeProblem(problem: ContentProblem, options: { templatePath: string }): Finding {
  switch (problem.kind) {
    case "empty":
      return {
        line: 1,
        message: "The file is empty.",
        hint: `write the RFC in it (start from a copy of ${options.templatePath}), or delete the file.`,
      };
    case "not-utf8":
      return {
        line: problem.line,
        message: `The file is not UTF-8 text: line ${problem.line} has bytes that are not valid UTF-8.`,
        hint: "save the file as UTF-8 in your editor (or convert it with `iconv -t UTF-8`).",
      };
    case "cr-only":
      return {
        line: 1,
        message: "The file's lines end with a carriage return alone (CR, as classic Mac OS wrote them), which Markdown tools read differently.",
        hint: "save the file with LF line endings (or CRLF) in your editor, or convert it with `tr '\\r' '\\n'`.",
      };
    case "too-large":
      return {
        line: 1,
        message: `The file is ${formatBytes(problem.bytes)}, over the limit of ${formatBytes(problem.limit)}.`,
        hint: "split it into sub-chapters in the RFC's own folder, or raise max-file-bytes in book.toml's [rfckit] table.",
      };
    case "symlink-outside":
      // read-text marks a link whose target cannot be resolved with "(missing)".
      return problem.target === "(missing)"
        ? {
            line: 1,
            message: "The file is a symbolic link to a file that does not exist.",
            hint: "replace the link with the RFC file itself, or delete it.",
          }
        : {
            line: 1,
            message: `The file is a symbolic link to ${problem.target}, outside the repository; rfckit does not follow it.`,
            hint: "copy the file into the repository in place of the link.",
          };
    case "symlink-hidden":
      return {
        line: 1,
        message: `The file is a symbolic link to ${problem.target}, a hidden path or one in node_modules; rfckit does not follow it (it would publish that file as a page).`,
        hint: "copy the file into the repository in place of the link.",
      };
    case "unreadable":
      return {
        line: 1,
        message: `The file cannot be read (${problem.reason}).`,
        hint: "check that the file exists and that you may read it (its permissions).",
      };
  }
}

function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} bytes`;
}
