import type { RfcGitFacts } from "../model/repository.ts";
import { git, readGitPrefix, toPathspecs } from "./git.ts";
import type { FileDates } from "./read-file-dates.ts";

const hunkPattern = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * The git facts of every file under `folders` (relative to `root`), keyed by path relative to
 * `root`: when each was last committed (from `dates`, where read: see read-file-dates.ts), whether it differs
 * from HEAD, and on which lines. A fixed number of git processes whatever the number of files (one
 * `status`, one `diff`), since a repository like Rust's has hundreds of RFCs. Files git knows
 * nothing of are absent.
 */
export async function readGitFacts(root: string, folders: readonly string[], dates: Promise<Map<string, FileDates>>): Promise<Map<string, RfcGitFacts>> {
  const pathspec = toPathspecs(folders);
  const [committed, status, diff, prefix] = await Promise.all([
    dates,
    git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...pathspec]),
    git(root, ["-c", "core.quotePath=false", "diff", "HEAD", "-U0", "--no-color", "--no-ext-diff", "--relative", "--", ...pathspec]),
    readGitPrefix(root),
  ]);
  const facts = new Map<string, RfcGitFacts>();
  for (const [file, { lastCommitDate }] of committed) facts.set(file, { lastCommitDate: lastCommitDate ?? null, uncommitted: false, changedLines: [] });
  const changedLines = toChangedLines(diff ?? "");
  for (const { file, isNew } of toChangedPaths(status ?? "", prefix)) {
    const known = facts.get(file);
    facts.set(file, {
      lastCommitDate: known?.lastCommitDate ?? null,
      uncommitted: true,
      changedLines: isNew || !known ? null : (changedLines.get(file) ?? []),
    });
  }
  return facts;
}

/** The paths `git status --porcelain -z` lists, made relative to the root (status gives them from the top-level). */
function toChangedPaths(status: string, prefix: string): { file: string; isNew: boolean }[] {
  const out: { file: string; isNew: boolean }[] = [];
  const tokens = status.split("\0");
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i]!;
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    const file = entry.slice(3);
    // A rename or copy is followed by the path it came from, which is not a file of the tree any more.
    if (code.includes("R") || code.includes("C")) i++;
    if (file.startsWith(prefix)) out.push({ file: file.slice(prefix.length), isNew: code.includes("?") || code.includes("A") });
  }
  return out;
}

/**
 * The working-copy lines each file of a `git diff -U0` changed: the lines a hunk adds, or, for a
 * hunk that only deletes (`+c,0`: after line c), the lines c and c + 1 on both sides of the gap.
 */
function toChangedLines(diff: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let lines: number[] | null = null;
  // Between `diff --git` and the first hunk: a `+++` line there names the file; later it is an added line.
  let inHeader = false;
  for (const line of diff.split("\n")) {
    if (line.startsWith("diff --git ")) {
      inHeader = true;
      lines = null;
      continue;
    }
    if (line.startsWith("@@")) inHeader = false;
    if (inHeader && line.startsWith("+++ ")) {
      const name = unquote(line.slice(4).replace(/\t$/, ""));
      lines = name.startsWith("b/") ? [] : null;
      if (lines) out.set(name.slice(2), lines);
      continue;
    }
    const hunk = lines ? hunkPattern.exec(line) : null;
    if (!hunk || !lines) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    if (count === 0) lines.push(start, start + 1);
    else for (let k = 0; k < count; k++) lines.push(start + k);
  }
  return out;
}

const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/** A path as git writes it in a diff header: C-quoted (`"b/a\tb.md"`, octal UTF-8 bytes) when it holds special characters. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[i + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
