import { findEntryFor, foldKey, foldKeys } from "../model/key-fact.ts";
import type { Repository } from "../model/repository.ts";
import type { Schema, SchemaKey } from "../model/schema.ts";
import { isOmittedAsARule, type Omission } from "./section-convention.ts";

/**
 * The metadata keys of a template that the repository's accepted RFCs leave out as a rule, as
 * `readOmittedByConvention` finds sections: at least three of them, and at least two in five of
 * those whose revision of the template has the key (MetalBear's `RFC reference`, a list of
 * related links that three of its six RFCs have nothing for). Keyed by the folded key.
 */
export function readKeysOmittedByConvention(repo: Pick<Repository, "rfcs">, template: string): ReadonlyMap<string, Omission> {
  const counts = new Map<string, Omission>();
  const keysBySchema = new Map<Schema, ReturnType<typeof foldKeys>>();
  for (const rfc of repo.rfcs) {
    const metadata = rfc.header?.metadata;
    if (rfc.template !== template || rfc.isDraft || rfc.number === null || !metadata || metadata.form === "none") continue;
    let keys = keysBySchema.get(rfc.schema);
    if (!keys) keysBySchema.set(rfc.schema, (keys = foldKeys(rfc.schema.metadata)));
    for (const wanted of rfc.schema.metadata) {
      const key = foldKey(wanted.key);
      const c = counts.get(key) ?? { omitted: 0, of: 0 };
      c.of++;
      if (!findEntryFor(metadata, wanted.key, keys)) c.omitted++;
      counts.set(key, c);
    }
  }
  return new Map([...counts].filter(([, c]) => isOmittedAsARule(c)));
}

/** How often the accepted RFCs leave `key` out, when they do so as a rule; null otherwise. */
export function conventionalKeyOmission(omitted: ReadonlyMap<string, Omission>, key: SchemaKey): Omission | null {
  return omitted.get(foldKey(key.key)) ?? null;
}
