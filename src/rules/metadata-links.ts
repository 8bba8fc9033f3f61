import type { RfcDocument } from "../model/document.ts";
import { findEntry, normaliseKey, type GitHubRef, type MetadataEntry } from "../model/metadata.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import type { Schema } from "../model/schema.ts";

/** A GitHub issue or pull request named in the RFC's header, and where. */
export interface MetadataRef {
  ref: GitHubRef;
  /** The key of the entry that holds it (`RFC PR`, `RFC reference`, `Rust Issue`…). */
  key: string;
  line: number;
  column: number;
}

const urlPattern = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(pull|issues)\/(\d+)/g;
// `org/repo#12` written without a URL (Rust's `[rust-lang/rust#91611]`); not part of a path or URL.
const textPattern = /(?<![\w./-])([\w.-]+)\/([\w.-]+)#(\d+)(?!\d)/g;

/**
 * Every GitHub issue and pull request the header names, by URL or as `org/repo#N`, in entry values
 * and nested items. Number 0 (`#0000`, the template's placeholder) names nothing and is left out.
 */
export function findMetadataRefs(doc: RfcDocument): MetadataRef[] {
  const found: MetadataRef[] = [];
  for (const entry of doc.metadata.entries) {
    for (const value of [entry.value, ...entry.items]) {
      const at = { key: entry.key, line: value.line, column: value.column };
      for (const m of value.raw.matchAll(urlPattern)) {
        found.push({ ...at, ref: { owner: m[1]!, repo: m[2]!, kind: m[3] as "pull" | "issues", number: Number(m[4]) } });
      }
      for (const m of value.raw.matchAll(textPattern)) {
        found.push({ ...at, ref: { owner: m[1]!, repo: m[2]!, kind: null, number: Number(m[3]) } });
      }
    }
  }
  return found.filter((f) => f.ref.number > 0);
}

/** The template's pull request entry (`RFC PR`) as the RFC has it, and whether it is filled in. */
export interface PrEntry {
  entry: MetadataEntry;
  /** True when the value, or a nested item, is neither empty nor the template's placeholder. */
  filled: boolean;
}

/** Finds the RFC's `RFC PR` entry (the key the schema names), or null when the header lacks it or the template has none. */
export function readPrEntry(doc: RfcDocument, schema: Schema): PrEntry | null {
  if (schema.prKey === null) return null;
  const entry = findEntry(doc.metadata, schema.prKey);
  if (!entry) return null;
  const wanted = schema.metadata.find((k) => normaliseKey(k.key) === normaliseKey(schema.prKey!));
  const filled = [entry.value, ...entry.items].some((v) => v.raw.trim() !== "" && !isPlaceholder(v.raw, wanted?.placeholder));
  return { entry, filled };
}

/** Where a stage rule reports a missing link: the `RFC PR` entry, else the header's first line, else line 1. */
export function linkAnchor(doc: RfcDocument, pr: PrEntry | null): { line: number; column?: number } {
  if (pr) return { line: pr.entry.line, column: pr.entry.column };
  return { line: doc.metadata.startLine > 0 ? doc.metadata.startLine : 1 };
}

/** True when two references name the same repository (GitHub compares names without regard to case). */
export function sameRepository(a: Pick<GitHubRef, "owner" | "repo">, b: Pick<GitHubRef, "owner" | "repo">): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}
