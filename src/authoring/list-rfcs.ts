import { checkRepository } from "../check/check-repository.ts";
import { stages, type Stage } from "../model/config.ts";
import type { Metadata, MetadataEntry } from "../model/metadata.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import { readRecordedStatus } from "../model/rfc-status.ts";
import { readRfcTitle } from "../model/rfc-title.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { folderOf } from "../model/layout.ts";
import { toIsoDate } from "../markdown/parse-value.ts";
import type { Rule } from "../rules/define-rule.ts";
import { ownCopy } from "../model/own-copy.ts";

/** One line of `rfc list`: an RFC at a glance. Keys are stable; they are the JSON and CSV columns. */
export interface RfcRow {
  /** Path relative to the root. */
  path: string;
  /** 0 for a draft; null when the file name does not match the pattern, or RFCs here have no numbers. */
  number: number | null;
  /** The number as the file name writes it (`0042`, `042`, `00042`). */
  numberText: string | null;
  /** The document's title, else the slug in words. */
  title: string;
  featureName: string | null;
  /** `YYYY-MM-DD`, or null when absent or not a date. */
  startDate: string | null;
  lastUpdated: string | null;
  /** `org/repo#N`. */
  pr: string | null;
  prUrl: string | null;
  /**
   * The status the repository records (a `status:` / `stage:` value, a file-name suffix, a folder
   * such as `accepted/`; see `readRecordedStatus`), else `draft` or `numbered` from the file name,
   * `misnamed` for a name that does not fit, or `-` where RFCs have no numbers.
   */
  status: string;
  /** The category its folder names, where RFCs are kept in folders side by side (`specification/`). */
  category: string | null;
  /** The furthest stage at which the RFC has no errors, or `none`. */
  gate: Stage | "none";
}

/** Which RFCs to list. */
export interface ListOptions {
  rules: readonly Rule[];
  /** Keep rows whose status is this (any case). */
  status?: string | undefined;
  /** Keep rows last updated (else started) on or after this `YYYY-MM-DD`. */
  since?: string | undefined;
}

/**
 * The rows of `rfc list`, by folder and then number (`4821-…` before `12914-…`, where numbers
 * are not padded), filtered. The gate runs `checkRepository` once per
 * stage over the listed RFCs and splits the diagnostics by RFC: the same findings as checking
 * each RFC alone, with three checks instead of three per RFC. Each RFC is checked as when named
 * (`rfc check text/0003-x.md`): held to its template with errors, accepted or not.
 */
export function toRfcRows(repo: Repository, options: ListOptions): RfcRow[] {
  const rows = inNumberOrder(repo.rfcs).map((rfc) => toKnownRow(repo, rfc)).filter((row) => keep(row, options));
  const only = new Set(rows.map((r) => r.path));
  if (only.size === 0) return rows;
  const passed = new Map<string, Stage>();
  for (const stage of stages) {
    const failing = new Set<string>();
    for (const d of checkRepository(repo, { rules: options.rules, stage, only, beingWritten: only })) {
      if (d.severity === "error") failing.add(ownerOf(d.file, only));
    }
    for (const p of only) if (!failing.has(p)) passed.set(p, stage);
  }
  return rows.map((row) => ({ ...row, gate: passed.get(row.path) ?? "none" }));
}

/** The listed RFC a diagnostic's file belongs to: the RFC itself, or the RFC whose asset folder holds it. */
function ownerOf(file: string, rfcs: ReadonlySet<string>): string {
  if (rfcs.has(file)) return file;
  for (const p of rfcs) if (file.startsWith(`${p.slice(0, -".md".length)}/`)) return p;
  return file;
}

function keep(row: RfcRow, options: ListOptions): boolean {
  // `numbered`, the word of earlier versions, still selects the numbered RFCs with no status of their own.
  const wanted = options.status?.toLowerCase() === "numbered" ? "accepted" : options.status?.toLowerCase();
  if (wanted !== undefined && row.status.toLowerCase() !== wanted) return false;
  if (options.since !== undefined) {
    const date = row.lastUpdated ?? row.startDate;
    if (date === null || date < options.since) return false;
  }
  return true;
}

// `rfc serve` lists the RFCs again after every edit, with the unedited ones as they were: their
// rows are kept while the repository's schema (which placeholders and PR links are read by) is too.
const rowsByRfc = new WeakMap<Rfc, { schema: Repository["schema"]; row: RfcRow }>();

/** One RFC's row as `rfc list` shows it (title, status, dates), without the gate. */
export function toKnownRow(repo: Repository, rfc: Rfc): RfcRow {
  const known = rowsByRfc.get(rfc);
  if (known?.schema === repo.schema) return known.row;
  const row = toRow(repo, rfc);
  rowsByRfc.set(rfc, { schema: repo.schema, row });
  return row;
}

function toRow(repo: Repository, rfc: Rfc): RfcRow {
  const metadata = rfc.document?.metadata;
  const field = (...names: string[]) => (metadata ? readField(metadata, names, rfc) : null);
  const pr = readPr(rfc, repo);
  // A status is never a placeholder: a template may say `stage: accepted`, and so do its RFCs.
  const status = readRecordedStatus(rfc, repo.layout.status);
  // The book keeps the rows after it lets go of the files' texts: the strings must not be cut from them.
  const own = (text: string | null) => (text === null ? null : ownCopy(text));
  return {
    path: rfc.path,
    number: rfc.number,
    numberText: rfc.numberText,
    title: ownCopy(readRfcTitle(rfc).text),
    featureName: own(unquote(field("feature name", "feature"))),
    startDate: own(toDate(field("start date"))),
    lastUpdated: own(toDate(field("last updated", "updated"))),
    pr: own(pr?.text ?? null),
    prUrl: own(pr?.url ?? null),
    status: status !== null ? ownCopy(unquote(status)!) : !repo.layout.naming.numbered ? "-" : rfc.isDraft ? "draft" : rfc.number === null ? "misnamed" : "accepted",
    category: rfc.folder.label?.kind === "category" ? rfc.folder.label.value : null,
    gate: "none",
  };
}

/** Keys compared as words: `Start Date`, `start-date` and `start_date` are one key. */
function toWords(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}

function findField(metadata: Metadata, names: readonly string[]): MetadataEntry | undefined {
  return metadata.entries.find((e) => names.includes(toWords(e.key)));
}

/** A field's value, or null when absent, empty, or still the template's placeholder. */
function readField(metadata: Metadata, names: readonly string[], rfc: Rfc): string | null {
  const entry = findField(metadata, names);
  if (!entry) return null;
  const raw = entry.value.raw.trim();
  const placeholder = rfc.schema.metadata.find((k) => toWords(k.key) === toWords(entry.key))?.placeholder;
  return raw === "" || isPlaceholder(raw, placeholder) ? null : raw;
}

/** The pull request, from the template's PR key, else a `prs`/`pr` field (Ember keeps `prs: {accepted: url}`). */
function readPr(rfc: Rfc, repo: Repository): { text: string; url: string } | null {
  const metadata = rfc.document?.metadata;
  if (!metadata) return null;
  const keys = [rfc.schema.prKey, "rfc pr", "pr", "prs", "pull request"].filter((k): k is string => k !== null).map(toWords);
  const entry = findField(metadata, keys);
  if (!entry) return null;
  const repository = rfc.schema.repository ?? repo.schema.repository;
  for (const value of [entry.value, ...entry.items]) {
    const url = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/pull\/(\d+)/.exec(value.raw);
    if (url && Number(url[3]) > 0) return { text: `${url[1]}/${url[2]}#${Number(url[3])}`, url: url[0] };
    const shape = value.shape;
    const ref = shape.kind === "link" ? shape.textRef : null;
    if (ref && ref.number > 0) {
      const owner = ref.owner || repository?.owner;
      const name = ref.repo || repository?.repo;
      if (owner && name) return { text: `${owner}/${name}#${ref.number}`, url: `https://github.com/${owner}/${name}/pull/${ref.number}` };
    }
  }
  return null;
}

/** A date as `YYYY-MM-DD`, however the header writes it where it reads one way (`March 3, 2021`). */
function toDate(value: string | null): string | null {
  return value === null ? null : (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? toIsoDate(value));
}

function unquote(value: string | null): string | null {
  return value === null ? null : value.replace(/^[`'"]+|[`'"]+$/g, "");
}

/** The RFCs of each folder by number, the folders in the repository's order. */
function inNumberOrder(rfcs: readonly Rfc[]): Rfc[] {
  const folderRank = new Map<string, number>();
  for (const rfc of rfcs) if (!folderRank.has(folderOf(rfc.path))) folderRank.set(folderOf(rfc.path), folderRank.size);
  return [...rfcs].sort((a, b) => {
    const byFolder = folderRank.get(folderOf(a.path))! - folderRank.get(folderOf(b.path))!;
    if (byFolder !== 0) return byFolder;
    if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
}
