/** A GitHub pull request or issue named in text (`org/repo#12`) or by URL. */
export interface GitHubRef {
  owner: string;
  repo: string;
  /** `pull` or `issues` when read from a URL; `null` when read from `org/repo#N` text. */
  kind: "pull" | "issues" | null;
  number: number;
}

/** What a metadata value turned out to be, when it has a recognised shape. */
export type ValueShape =
  | { kind: "empty" }
  /** `YYYY-MM-DD`; `valid` is false for shapes like `2024-02-30`. */
  | { kind: "date"; year: number; month: number; day: number; valid: boolean }
  /** A Markdown link `[text](url)`; `textRef`/`urlRef` are set when text or URL name a GitHub PR or issue. */
  | { kind: "link"; text: string; url: string; textRef: GitHubRef | null; urlRef: GitHubRef | null }
  | { kind: "url"; url: string; urlRef: GitHubRef | null }
  /** A bare identifier, or any text in backticks (`quoted`). */
  | { kind: "ident"; name: string; quoted: boolean }
  | { kind: "text" };

/** One value: the text as written and, where it has one, its shape. */
export interface MetadataValue {
  raw: string;
  line: number;
  column: number;
  shape: ValueShape;
}

/** One `Key: value` entry, with nested list items as further values (e.g. `RFC reference`). */
export interface MetadataEntry {
  key: string;
  line: number;
  column: number;
  /** The value on the key's own line (may be empty). */
  value: MetadataValue;
  /** Nested list items under the key, in order. */
  items: MetadataValue[];
  /** Last line the entry occupies, items included. */
  endLine: number;
}

/** The RFC's header: a Markdown list at the top, YAML front matter, a table of keys and values, or a code block of `Key: value` lines. */
export interface Metadata {
  form: "list" | "front-matter" | "table" | "code" | "none";
  entries: MetadataEntry[];
  /** Syntax errors in front matter, with their places. */
  errors: { line: number; column: number; message: string }[];
  /** Lines the header occupies (0 and 0 when there is none). */
  startLine: number;
  endLine: number;
}

/** Finds an entry by key, ignoring case and surrounding space. */
export function findEntry(metadata: Metadata, key: string): MetadataEntry | undefined {
  const wanted = normaliseKey(key);
  return metadata.entries.find((e) => normaliseKey(e.key) === wanted);
}

/**
 * The form in which metadata keys are compared, so that one key matches across the spellings
 * repositories use: lower case; emphasis markers, a trailing colon or `#` dropped; hyphens,
 * underscores and runs of spaces made one space. `Start Date`, `start-date`, `start_date`,
 * `**Start Date:**` and `RFC PR #` read as `start date` and `rfc pr`.
 */
export function normaliseKey(key: string): string {
  let normalised = normalisedKeys.get(key);
  if (normalised === undefined) {
    normalised = key
      .replace(/^[\s*_]+|[\s*_]+$/g, "")
      .replace(/[\s:#*]+$/, "")
      .replace(/[\s_-]+/g, " ")
      .trim()
      .toLowerCase();
    normalisedKeys.set(key, normalised);
  }
  return normalised;
}

// Every RFC repeats the template's keys, and rules compare them often: each is normalised once.
const normalisedKeys = new Map<string, string>();

/**
 * A template key spelt as the header's other keys are: in front matter whose keys are all lower
 * case, `start-date`, `start_date` or `start date` after them; otherwise as the template has it.
 */
export function spellKeyLike(key: string, metadata: Metadata): string {
  if (metadata.form !== "front-matter") return key;
  const keys = metadata.entries.map((e) => e.key);
  const lower = keys.length > 0 && keys.every((k) => k === k.toLowerCase());
  const separator = keys.some((k) => k.includes("-")) ? "-" : keys.some((k) => k.includes("_")) ? "_" : " ";
  return lower ? key.toLowerCase().replace(/\s+/g, separator) : key;
}
