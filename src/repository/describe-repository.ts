import { toBookKeyUses, type BookKeyUse } from "../model/book-keys.ts";
import type { LayoutFact } from "../model/layout.ts";
import { readRfcTitle } from "../model/rfc-title.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { readRecordedStatus } from "../model/rfc-status.ts";
import type { Config } from "../model/config.ts";
import { isOptionalSection } from "../model/optional-section.ts";
import type { Schema } from "../model/schema.ts";
// The accepted RFCs' way is read as section-missing reads it, so doctor and check agree.
import { conventionalOmission, describeOmission, readOmittedByConvention, type Omission } from "../rules/section-convention.ts";
import { conventionalKeyOmission, readKeysOmittedByConvention } from "../rules/metadata-convention.ts";

/** What rfckit understood of a repository, and from what: what `rfc doctor` prints. */
export interface RepositoryReport {
  root: string;
  /** The layout's facts, each with its source and the key that overrides it. */
  layout: LayoutFact[];
  /** Each template, how many RFCs are held to it, and the sections an RFC may leave out, with why. */
  templates: { path: string; name: string; rfcs: number; optionalSections: OptionalSectionReport[]; optionalKeys: { key: string; because: string }[] }[];
  rfcs: number;
  numbering: { value: Repository["numbering"]; source: "config" | "detected" };
  /** How many RFCs write their metadata in each form. */
  metadataForms: Record<string, number>;
  /** Where titles come from, and for how many RFCs. */
  titleSources: Record<string, number>;
  /** Where statuses come from (the setting), and the values found with their counts. */
  status: { source: string; values: Record<string, number> };
  /** How many RFCs each stage applies to by default: `draft` for unnumbered drafts, `merge` for the rest. */
  stages: Record<string, number>;
  /** What rfckit does with each mdBook setting of `book.toml`. */
  bookSettings: BookKeyUse[];
  history: { available: boolean; shallowClone: boolean; heldToRevision: number; heldToCurrent: number };
}

/** A section an RFC may leave out, and what says so: the template's words or a book.toml key. */
export interface OptionalSectionReport {
  title: string;
  because: string;
  source: "template" | "config" | "convention";
}

/** The report of `repo`: its layout facts and counts over its RFCs. */
export function describeRepository(repo: Repository): RepositoryReport {
  const count = (key: (rfc: Rfc) => string) => {
    const counts: Record<string, number> = {};
    for (const rfc of repo.rfcs) counts[key(rfc)] = (counts[key(rfc)] ?? 0) + 1;
    return counts;
  };
  return {
    root: repo.root,
    layout: repo.layout.facts,
    templates: repo.templates.map((t) => ({
      path: t.path,
      name: t.name,
      rfcs: repo.rfcs.filter((r) => r.template === t.path).length,
      optionalSections: toOptionalSections(t.schema, repo.config, readOmittedByConvention(repo, t.path)),
      optionalKeys: toOptionalKeys(t.schema, readKeysOmittedByConvention(repo, t.path)),
    })),
    rfcs: repo.rfcs.length,
    numbering: { value: repo.numbering, source: repo.config.numbering === "auto" ? "detected" : "config" },
    metadataForms: count((rfc) => (rfc.document ? rfc.document.metadata.form : "unreadable")),
    titleSources: count(titleSource),
    status: {
      source: repo.layout.status.kind === "metadata" ? `metadata:${repo.layout.status.key}` : repo.layout.status.kind,
      values: count((rfc) => readRecordedStatus(rfc, repo.layout.status) ?? "none recorded"),
    },
    stages: count((rfc) => (rfc.isDraft ? "draft" : "merge")),
    bookSettings: toBookKeyUses(repo.book.writtenKeys),
    history: {
      available: repo.hasHistory,
      shallowClone: repo.shallowClone,
      heldToRevision: repo.rfcs.filter((r) => r.schemaBasis === "history").length,
      heldToCurrent: repo.rfcs.filter((r) => r.schemaBasis !== "history").length,
    },
  };
}

/** The template's sections an RFC may leave out: by the template's words, book.toml, or the accepted RFCs' way (then a warning while an RFC is written). */
function toOptionalSections(schema: Schema, config: Config, conventional: ReadonlyMap<string, Omission>): OptionalSectionReport[] {
  return schema.sections.flatMap((s): OptionalSectionReport[] => {
    if (isOptionalSection(s, config)) {
      return [
        s.optionalBecause !== null && !config.optionalSections.some((t) => t.toLowerCase() === s.title.toLowerCase())
          ? { title: s.title, because: `the template says "${s.optionalBecause}"`, source: "template" }
          : { title: s.title, because: "optional-sections in book.toml", source: "config" },
      ];
    }
    const omission = conventionalOmission(conventional, s);
    return omission ? [{ title: s.title, because: `${describeOmission(omission)} (a warning, not an error, on an RFC being written)`, source: "convention" }] : [];
  });
}

/** The template's metadata keys the accepted RFCs leave out as a rule (then a warning while an RFC is written). */
function toOptionalKeys(schema: Schema, conventional: ReadonlyMap<string, Omission>): { key: string; because: string }[] {
  return schema.metadata.flatMap((k) => {
    if (k.optionalBecause !== null) return [{ key: k.key, because: `the template says "${k.optionalBecause}"` }];
    const omission = conventionalKeyOmission(conventional, k);
    return omission ? [{ key: k.key, because: `${describeOmission(omission)} (a warning, not an error, on an RFC being written)` }] : [];
  });
}

function titleSource(rfc: Rfc): string {
  return rfc.document ? readRfcTitle(rfc).source : "unreadable";
}
