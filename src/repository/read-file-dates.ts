import { git, toPathspecs } from "./git.ts";
import { readRenames } from "./read-renames.ts";

/**
 * When a file was committed: last (newest commit) and first (its oldest add, renames followed);
 * each only where asked for. Author dates: a rebase or a cherry-pick moves the committer date
 * years past the day the change was written.
 */
export interface FileDates {
  lastCommitDate?: string;
  firstCommitDate?: string;
}

/** The files whose first commit date, and those whose last commit date, are wanted (paths relative to the root). */
export interface DatesWanted {
  first: readonly string[];
  last: readonly string[];
}

// Past this many files one walk of the folders' history costs less than naming them all.
const mostNamed = 200;

/**
 * The commit dates asked for, by each file's path in HEAD. A walk of the whole history costs a
 * few hundred milliseconds in a repository like Rust's (8,000 commits, each tree compared), so
 * the files are asked about by name, which lets git skip most of that: one log for the last
 * dates, and for the first dates one log of where each was added plus one look at whether that
 * commit renamed it from another name (a draft's `0000-x.md`), repeated for the names found.
 */
export async function readFileDates(root: string, folders: readonly string[], wanted: DatesWanted): Promise<Map<string, FileDates>> {
  if (wanted.first.length > mostNamed || wanted.last.length > mostNamed) {
    const { dates, addSeen } = await walk(root, toPathspecs(folders));
    // A file that came in by a merge (renamed or resolved there) shows no add in the walk, whose
    // merges list no files: its first date is the merge's, seen against its first parent.
    const unseen = wanted.first.filter((f) => !addSeen.has(f));
    if (unseen.length > 0) {
      for (const [file, add] of await readAdds(root, unseen, ["--first-parent", "--diff-merges=first-parent"])) {
        const known = dates.get(file);
        if (known) known.firstCommitDate = add.date;
        else dates.set(file, { firstCommitDate: add.date, lastCommitDate: add.date });
      }
    }
    return dates;
  }
  const dates = new Map<string, FileDates>();
  const entry = (file: string) => dates.get(file) ?? dates.set(file, {}).get(file)!;
  const [firsts, lasts] = await Promise.all([readFirstDates(root, wanted.first), wanted.last.length === 0 ? null : walk(root, wanted.last).then((w) => w.dates)]);
  for (const [file, date] of firsts) entry(file).firstCommitDate = date;
  for (const file of wanted.last) {
    const date = lasts?.get(file)?.lastCommitDate;
    if (date) entry(file).lastCommitDate = date;
  }
  return dates;
}

// A chain of renames longer than this is not followed further.
const mostRenames = 4;

/** When each file was first added, under its name or one it was renamed from. */
async function readFirstDates(root: string, files: readonly string[]): Promise<Map<string, string>> {
  const firsts = new Map<string, string>();
  // The name to look for in older commits, by the name the file has now.
  let pending = new Map(files.map((f) => [f, f]));
  for (let round = 0; round <= mostRenames && pending.size > 0; round++) {
    const adds = await readAdds(root, [...pending.keys()]);
    const renames = await readRenames(root, [...new Set([...adds.values()].map((a) => a.commit))]);
    const next = new Map<string, string>();
    for (const [asked, current] of pending) {
      const add = adds.get(asked);
      if (!add) continue;
      firsts.set(current, add.date);
      const from = renames.get(add.commit)?.get(asked);
      if (from !== undefined && !next.has(from)) next.set(from, current);
    }
    pending = next;
  }
  // A file that came in by a merge (renamed or resolved there) has no add of its own: the merge
  // adds it, seen against its first parent. Asked only for those files, along the first parents
  // alone (a fifth of the walk: the merge is on the main line).
  const unseen = files.filter((f) => !firsts.has(f));
  if (unseen.length > 0) for (const [file, add] of await readAdds(root, unseen, ["--first-parent", "--diff-merges=first-parent"])) firsts.set(file, add.date);
  return firsts;
}

/** The oldest commit that added each file under that name, with its date. */
async function readAdds(root: string, files: readonly string[], options: readonly string[] = []): Promise<Map<string, { commit: string; date: string }>> {
  const log = await git(root, ["log", "-z", "--diff-filter=A", "--no-renames", ...options, "--format=>%H %as", "--name-only", "--relative", "--", ...files]);
  const adds = new Map<string, { commit: string; date: string }>();
  let commit = "";
  let date = "";
  for (const raw of (log ?? "").split("\0")) {
    const token = raw.replace(/^\n+/, "");
    if (token.startsWith(">")) [commit, date] = token.slice(1).split(" ") as [string, string];
    // Newest first: the oldest add is seen last.
    else if (token !== "") adds.set(token, { commit, date });
  }
  return adds;
}

/**
 * Both dates of every file under `pathspecs`, from one walk of the history, renames within them
 * followed; and the files whose oldest commit in the walk adds them (or renames them in).
 */
async function walk(root: string, pathspecs: readonly string[]): Promise<{ dates: Map<string, FileDates>; addSeen: Set<string> }> {
  // -z keeps unusual names unquoted; newest commits come first; merges list no files.
  const log = await git(root, ["log", "-z", "--format=>%as", "--name-status", "--find-renames", "--relative", "--", ...pathspecs]);
  const dates = new Map<string, FileDates>();
  // A path an older commit knew, by the name the file has now.
  const renamedTo = new Map<string, string>();
  // The status of each file's oldest commit seen so far (the walk goes back in time).
  const oldest = new Map<string, string>();
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
      oldest.set(current, status);
      if (status === "R") renamedTo.set(from, current);
      continue;
    }
    const file = renamedTo.get(tokens[++i]!) ?? tokens[i]!;
    record(dates, file, date);
    oldest.set(file, status);
  }
  return { dates, addSeen: new Set([...oldest].filter(([, status]) => status === "A" || status === "C").map(([file]) => file)) };
}

function record(dates: Map<string, FileDates>, file: string, date: string): void {
  const known = dates.get(file);
  if (known) known.firstCommitDate = date;
  else dates.set(file, { lastCommitDate: date, firstCommitDate: date });
}
