import { git, toPathspecs } from "./git.ts";

/** When a file was committed: last (newest commit) and first (its oldest add, renames followed). */
export interface FileDates {
  lastCommitDate: string;
  firstCommitDate: string;
}

/**
 * The commit dates of every file under `pathspecs` (folders or files relative to `root`), by
 * its path in HEAD, from one walk of the history: a repository like Rust's has hundreds of RFCs
 * and thousands of commits, and each walk costs a few hundred milliseconds. Renames are followed,
 * so an RFC renamed from `0000-x.md` to `3984-x.md` started when `0000-x.md` was added.
 */
export async function readFileDates(root: string, pathspecs: readonly string[]): Promise<Map<string, FileDates>> {
  // -z keeps unusual names unquoted; newest commits come first; merges list no files.
  const log = await git(root, ["log", "-z", "--format=>%cs", "--name-status", "--find-renames", "--relative", "--", ...toPathspecs(pathspecs)]);
  const dates = new Map<string, FileDates>();
  // A path an older commit knew, by the name the file has now.
  const renamedTo = new Map<string, string>();
  const tokens = (log ?? "").split("\0");
  let date = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n+/, "");
    if (token.startsWith(">")) {
      date = token.slice(1);
      continue;
    }
    if (token === "") continue;
    const status = token[0]!;
    if (status === "R" || status === "C") {
      const from = tokens[++i]!;
      const to = tokens[++i]!;
      const current = renamedTo.get(to) ?? to;
      record(dates, current, date);
      if (status === "R") renamedTo.set(from, current);
      continue;
    }
    const file = tokens[++i]!;
    record(dates, renamedTo.get(file) ?? file, date);
  }
  return dates;
}

function record(dates: Map<string, FileDates>, file: string, date: string): void {
  const known = dates.get(file);
  if (known) known.firstCommitDate = date;
  else dates.set(file, { lastCommitDate: date, firstCommitDate: date });
}
