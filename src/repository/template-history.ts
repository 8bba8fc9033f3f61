import type { RfcDocument } from "../model/document.ts";
import type { Schema } from "../model/schema.ts";
import { readFileRevisions } from "./git.ts";
import { readBlobs } from "./read-blobs.ts";
import { toSchema } from "./to-schema.ts";

/** The template's past, from git: which schema held on a given day. */
export interface TemplateHistory {
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
  current: Schema;
  parse: (text: string) => RfcDocument;
}): Promise<TemplateHistory | null> {
  const { root, templatePath, current, parse } = options;
  const revisions = await readFileRevisions(root, templatePath);
  if (revisions.length === 0) return null;
  const [newest, ...older] = revisions;
  const texts = await readBlobs(root, older.map((revision) => `${revision.commit}:./${templatePath}`));
  // A revision is parsed when an RFC first needs it: most RFCs share a few.
  const schemas = new Map<number, Schema>();
  const schemaOf = (index: number): Schema => {
    let schema = schemas.get(index);
    if (!schema) {
      const text = texts[index] ?? null;
      schema = text === null ? current : toSchema(parse(text), { path: templatePath, revision: older[index]! });
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
  };
}
