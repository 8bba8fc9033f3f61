import { findEntry, normaliseKey, type Metadata, type MetadataEntry } from "./metadata.ts";

/**
 * Keys that record the same fact under names repositories (and RFCs within one) use, compared in
 * folded form (see `foldKey`). The first of each group is the usual name.
 */
const synonyms: readonly (readonly string[])[] = [
  ["feature name", "feature"],
  ["start date", "created", "date", "started"],
  ["last updated", "updated", "last modified"],
  ["rfc pr", "pr", "prs", "prs accepted", "pull request", "rfc pull request"],
  ["author", "original author", "rfc author"],
];
const groupOf = new Map(synonyms.flatMap((group) => group.map((key) => [key, group] as const)));

/**
 * The form in which keys are compared for the fact they hold: `normaliseKey`, then `(s)` and a
 * plural last word dropped and `.` as a space, so `Author(s)`, `Authors` and `Author` are one key,
 * as are `Rust Issues` and `Rust Issue`, or `prs.accepted` and `prs accepted`. A plural elsewhere
 * (`Features Name`) is a slip, not another spelling.
 */
export function foldKey(key: string): string {
  const words = normaliseKey(key).replace(/\(s\)/g, "").replace(/\./g, " ").trim().split(/\s+/);
  const last = words.at(-1) ?? "";
  if (last.length > 2 && /[^s]s$/.test(last)) words[words.length - 1] = last.slice(0, -1);
  return words.join(" ");
}

/** Whether a key names a pull request by its last words (`RFC PR`, `eRFC PR`, `Pull request`). */
export function namesPullRequest(key: string): boolean {
  return kindOf(foldKey(key)) === "pull request";
}

/**
 * What a key names by its last words: an issue (`Rust Issue`, `Tracking Issue(s)`, `Cargo Issue`)
 * or a pull request (`RFC PR`, `eRFC PR`); null for other keys.
 */
function kindOf(folded: string): "issue" | "pull request" | null {
  if (/(?:^| )issue$/.test(folded)) return "issue";
  if (/(?:^| )(?:pr|pull request)$/.test(folded)) return "pull request";
  return null;
}

/**
 * The entry of an RFC's header that holds what the template's key `wanted` asks for: the key in
 * any spelling (`findEntry`), its plural or singular, a synonym (`Created` for `Start Date`), or,
 * for a key naming an issue or a pull request, another key naming one (`Tracking Issue` for
 * Rust's `Rust Issue`, the name most Rust RFCs use; `eRFC PR` for `RFC PR`). `templateKeys` are the template's other keys, folded: an entry that is
 * one of them holds its own fact, not this one.
 */
export function findEntryFor(metadata: Metadata, wanted: string, templateKeys: ReadonlySet<string>): MetadataEntry | undefined {
  const exact = findEntry(metadata, wanted);
  if (exact) return exact;
  const folded = foldKey(wanted);
  const group = groupOf.get(folded);
  const kind = kindOf(folded);
  const candidates = metadata.entries.filter((e) => !templateKeys.has(foldKey(e.key)) || foldKey(e.key) === folded);
  return (
    candidates.find((e) => foldKey(e.key) === folded) ??
    (group ? candidates.find((e) => group.includes(foldKey(e.key))) : undefined) ??
    (kind ? candidates.find((e) => kindOf(foldKey(e.key)) === kind) : undefined)
  );
}

/** The template's keys, folded, for `findEntryFor`. */
export function foldKeys(keys: readonly { key: string }[]): Set<string> {
  return new Set(keys.map((k) => foldKey(k.key)));
}
