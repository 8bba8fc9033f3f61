import type { RfcDocument } from "../model/document.ts";
import type { Schema } from "../model/schema.ts";
import { git } from "./git.ts";
import { toMergedPullRequest } from "./read-adding-pull-requests.ts";
import { readRenames } from "./read-renames.ts";
import { readBlobs } from "./read-blobs.ts";
import { toSchema } from "./to-schema.ts";

/** The template's past, from git: which schema held on a given day. */
export interface TemplateHistory {
  /** The schema of the template as it stood on `date` (`YYYY-MM-DD`). */
  schemaAt(date: string): Schema;
  /** The schemas of the revisions that landed after `date` and no later than `until`, oldest first. */
  schemasAfter(date: string, until: string): Schema[];
  /**
   * The day the earliest revision landed, no later than `until`, that a pull request numbered
   * above `pullRequest` made (its merge commit says which); null when none did.
   */
  changedByLaterPullRequest(pullRequest: number, until: string): string | null;
}

/**
 * Reads every committed revision of the template. Returns null when the template has no history
 * (never committed), in which case RFCs are held to the current template.
 */
export async function readTemplateHistory(options: {
  root: string;
  templatePath: string;
  current: Schema;
  parse: (text: string) => RfcDocument;
}): Promise<TemplateHistory | null> {
  const { root, templatePath, current, parse } = options;
  const revisions = await readFileRevisions(root, templatePath);
  if (revisions.length === 0) return null;
  const [newest, ...older] = revisions;
  const texts = await readBlobs(root, older.map((revision) => `${revision.commit}:./${revision.path || templatePath}`));
  // A revision is parsed when an RFC first needs it: most RFCs share a few.
  const schemas = new Map<number, Schema>();
  // A commit that deleted the template has no text: the template as it stood before holds.
  const schemaOf = (index: number): Schema => {
    let schema = schemas.get(index);
    if (!schema) {
      const text = texts[index] ?? null;
      schema = text !== null ? toSchema(parse(text), { path: templatePath, revision: older[index]! }) : index + 1 < older.length ? schemaOf(index + 1) : current;
      schemas.set(index, schema);
    }
    return schema;
  };
  return {
    schemaAt(date) {
      // Revisions are newest first; the newest one is the working copy's template.
      if (date >= newest!.date) return current;
      const index = older.findIndex((revision) => revision.date <= date);
      return older.length === 0 ? current : schemaOf(index === -1 ? older.length - 1 : index);
    },
    schemasAfter(date, until) {
      const later: Schema[] = [];
      for (let i = older.length - 1; i >= 0; i--) if (older[i]!.date > date && older[i]!.date <= until) later.push(schemaOf(i));
      if (newest!.date > date && newest!.date <= until) later.push(current);
      return later.filter((schema, i) => schema !== (i === 0 ? null : later[i - 1]));
    },
    changedByLaterPullRequest(pullRequest, until) {
      let earliest: string | null = null;
      for (const revision of revisions) if (revision.pullRequest !== null && revision.pullRequest > pullRequest && revision.date <= until) earliest = revision.date;
      return earliest;
    },
  };
}

/** One commit that changed a file: its hash and committer date (`YYYY-MM-DD`). */
export interface FileRevision {
  commit: string;
  date: string;
  /** The file's path at that commit, relative to the root: it differs where the file was renamed since. */
  path: string;
  /** The pull request the commit merged, where its subject says (`Merge pull request #815 from …`). */
  pullRequest: number | null;
}

/**
 * The commits of the main line that changed `file` (relative to `cwd`), newest first. `git log --follow` costs
 * four times a plain log, so it runs only where the plain log's oldest commit renamed the file
 * from another name.
 */
async function readFileRevisions(cwd: string, file: string): Promise<FileRevision[]> {
  // Along the first parents: a change made on a branch is the template from the day its merge
  // landed on the main line, which is when authors copying the template could see it.
  const plain = toRevisions(await git(cwd, ["log", "--first-parent", "--format=>%H %cs %s", "--name-only", "--relative", "--", file]));
  const oldest = plain.at(-1);
  if (!oldest) return plain;
  const renamed = (await readRenames(cwd, [oldest.commit])).get(oldest.commit)?.has(file) ?? false;
  return renamed ? toRevisions(await git(cwd, ["log", "--first-parent", "--follow", "--format=>%H %cs %s", "--name-only", "--relative", "--", file])) : plain;
}

/** Revisions from a log of `>hash date subject` lines, each followed by the file's name at that commit. */
function toRevisions(out: string | null): FileRevision[] {
  const revisions: FileRevision[] = [];
  for (const line of (out ?? "").split("\n")) {
    if (line.startsWith(">")) {
      const [commit, date, ...subject] = line.slice(1).split(" ");
      revisions.push({ commit: commit!, date: date!, path: "", pullRequest: toMergedPullRequest(subject.join(" ")) });
    } else if (line !== "" && revisions.length > 0) revisions.at(-1)!.path = line;
  }
  return revisions;
}
