import type { Repository } from "../model/repository.ts";
import type { SchemaSection } from "../model/schema.ts";
import { titleKey } from "../model/title-key.ts";
import { scanHeadingTitles } from "../markdown/scan-headings.ts";
import { aliasKeys, matchHeadings, sectionAliases } from "./match-sections.ts";

/** How many accepted RFCs leave a template section or metadata key out, of those whose template revision has it. */
export interface Omission {
  omitted: number;
  of: number;
}

/** At least this many accepted RFCs must leave a section out for that to be the repository's way… */
const minOmitting = 3;
/** …and at least this share of those whose template has it (NixOS's `Examples and Interactions`: 11 of 25). */
const minShare = 0.4;

/**
 * The sections of a template that the repository's accepted RFCs leave out as a rule: at least
 * three of them, and at least two in five of those whose revision of the template has the
 * section (MetalBear's `Prior art`, which four of its six RFCs omit; not Rust's `Future
 * possibilities`, which one in six omits). Reviewers accepted those RFCs
 * without the section, so a draft without it is not an error. Counted from the headings each
 * file has (`scanHeadingTitles`), matched as `section-missing` matches them, so it costs no
 * parse. Keyed by the section's title key; `required-sections` in book.toml keeps a section
 * required whatever the RFCs do.
 */
export function readOmittedByConvention(repo: Pick<Repository, "rfcs" | "config">, template: string): ReadonlyMap<string, Omission> {
  const counts = new Map<string, Omission>();
  const count = (section: SchemaSection, present: boolean) => {
    const key = titleKey(section.title);
    const c = counts.get(key) ?? { omitted: 0, of: 0 };
    c.of++;
    if (!present) c.omitted++;
    counts.set(key, c);
  };
  for (const rfc of repo.rfcs) {
    if (rfc.template !== template || rfc.isDraft || rfc.number === null || !rfc.header) continue;
    const titles = scanHeadingTitles(rfc.header.source);
    // Most RFCs have every section under the template's own title or an alias: a set of keys
    // says so. The others are matched as section-missing matches them (combined, near misses).
    const keys = new Set(titles.map(titleKey));
    const { sections } = rfc.schema;
    if (sections.every((s) => answersTo(s, keys))) {
      for (const s of sections) count(s, true);
      continue;
    }
    // No slugs: the titles decide here (a slug differs from its title only where an id is written out).
    // A heading in a section's place is not that section written: the count is of sections written as such.
    for (const match of matchHeadings(rfc.schema, titles.map((title) => ({ title, slug: "" })), sectionAliases, false)) count(match.wanted, match.section !== null);
  }
  const required = new Set(repo.config.requiredSections.map(titleKey));
  return new Map([...counts].filter(([key, c]) => !required.has(key) && isOmittedAsARule(c)));
}

/** Whether the accepted RFCs leave something of the template out as a rule: enough of them, and a large enough share. */
export function isOmittedAsARule(c: Omission): boolean {
  return c.omitted >= minOmitting && c.omitted >= c.of * minShare;
}

/** Whether one of `keys` is the section's title key or one of its aliases'. */
function answersTo(section: SchemaSection, keys: ReadonlySet<string>): boolean {
  return keys.has(titleKey(section.title)) || (aliasKeys(section.title)?.some((k) => keys.has(k)) ?? false);
}

/** How often the accepted RFCs leave `section` out, when they do so as a rule; null otherwise. */
export function conventionalOmission(omitted: ReadonlyMap<string, Omission>, section: SchemaSection): Omission | null {
  return omitted.get(titleKey(section.title)) ?? null;
}

/** "4 of the 6 accepted RFCs leave it out". */
export function describeOmission(omission: Omission): string {
  return `${omission.omitted} of the ${omission.of} accepted RFCs leave it out`;
}
