import path from "node:path";
import { linkedMarkdownFiles } from "./linked-markdown-files.ts";
import { toCells } from "./table-cells.ts";

/**
 * The statuses a README's table gives RFCs (a generated index: `| [0042](text/0042-x.md) | … |
 * Accepted |`), by the path of the file each row links to, from the root. Only tables with a
 * `Status` (or `State`, `Stage`) column count; a row's first link to a Markdown file is its RFC.
 */
export function readListedStatuses(readme: { path: string; text: string }): Map<string, string> {
  const statuses = new Map<string, string>();
  const folder = readme.path.includes("/") ? readme.path.slice(0, readme.path.lastIndexOf("/") + 1) : "";
  const lines = readme.text.split(/\r?\n/);
  let i = 0;
  while (i + 1 < lines.length) {
    if (!isTableRow(lines[i]!) || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1]!)) {
      i++;
      continue;
    }
    const column = toCells(lines[i]!).findIndex((c) => /^(?:\*\*)?(?:status|state|stage)(?:\*\*)?$/i.test(c.text));
    // The rows below the delimiter row, to the first line that is not one; then on from there.
    for (i += 2; i < lines.length && isTableRow(lines[i]!); i++) {
      if (column === -1) continue;
      const target = linkedMarkdownFiles(lines[i]!)[0];
      const status = plainCell(toCells(lines[i]!)[column]?.text ?? "");
      if (target && status) statuses.set(path.posix.normalize(folder + target), status);
    }
  }
  return statuses;
}

function isTableRow(line: string): boolean {
  return line.trimStart().startsWith("|");
}

/** A cell's words: link text for links, without emphasis or code marks. */
function plainCell(text: string): string {
  return text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*_]/g, "").trim();
}
