import type { RfcDocument } from "../model/document.ts";
import type { Schema } from "../model/schema.ts";
import { readFileAt, readFileRevisions, readFirstCommitDates } from "./git.ts";
import { toSchema } from "./to-schema.ts";

/** The template's past, from git: which schema held on a given day. */
export interface TemplateHistory {
  /** When each RFC file was first committed, for RFCs without a usable `Start Date`. */
  firstCommitDates: Map<string, string>;
  /** The schema of the template as it stood on `date` (`YYYY-MM-DD`). */
  schemaAt(date: string): Schema;
}

/**
 * Reads every committed revision of the template. Returns null when the template has no history
 * (never committed), in which case RFCs are held to the current template.
 */
export async function readTemplateHistory(options: {
  root: string;
  templatePath: string;
  /** The RFC folders, whose files' first commits are read. */
  rfcDirs: readonly string[];
  current: Schema;
  parse: (text: string) => RfcDocument;
}): Promise<TemplateHistory | null> {
  const { root, templatePath, current, parse } = options;
  const revisions = await readFileRevisions(root, templatePath);
  if (revisions.length === 0) return null;
  const [newest, ...older] = revisions;
  const schemas = await Promise.all(
    older.map(async (revision) => {
      const text = await readFileAt(root, revision.commit, templatePath);
      return text === null ? current : toSchema(parse(text), { path: templatePath, revision });
    }),
  );
  const firstCommitDates = await readFirstCommitDates(root, options.rfcDirs);
  return {
    firstCommitDates,
    schemaAt(date) {
      // Revisions are newest first; the newest one is the working copy's template.
      if (date >= newest!.date) return current;
      const index = older.findIndex((revision) => revision.date <= date);
      return index === -1 ? (schemas.at(-1) ?? current) : schemas[index]!;
    },
  };
}
