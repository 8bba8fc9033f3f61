import { findEntryFor, foldKey, foldKeys } from "../model/key-fact.ts";
import type { Metadata } from "../model/metadata.ts";
import type { Schema } from "../model/schema.ts";

const merged = new WeakMap<Schema, WeakMap<Schema, Schema>>();

/**
 * The schema for an RFC held to an older revision (`dated`) whose header has since been
 * rewritten into the current template's form (a repository-wide edit of every header): the
 * current metadata, the dated sections. The header counts as rewritten when it has every key of
 * the current template and the dated revision asks for keys it lacks or lacks keys it has.
 */
export function toRewrittenSchema(dated: Schema, current: Schema, metadata: Metadata): Schema {
  if (dated === current || metadata.entries.length === 0) return dated;
  const present = (schema: Schema) => {
    const keys = foldKeys(schema.metadata);
    return schema.metadata.filter((k) => findEntryFor(metadata, k.key, keys) !== undefined).length;
  };
  if (present(current) < current.metadata.length) return dated;
  const datedKeys = foldKeys(dated.metadata);
  const newer = current.metadata.some((k) => !datedKeys.has(foldKey(k.key)));
  if (!newer && present(dated) === dated.metadata.length) return dated;
  let byCurrent = merged.get(dated);
  if (!byCurrent) merged.set(dated, (byCurrent = new WeakMap()));
  let schema = byCurrent.get(current);
  if (!schema) {
    schema = { ...dated, metadata: current.metadata, prKey: current.prKey, repository: current.repository };
    byCurrent.set(current, schema);
  }
  return schema;
}
