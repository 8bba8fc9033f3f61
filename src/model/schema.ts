import type { GitHubRef } from "./metadata.ts";

/** A metadata key the template expects, with the value the template leaves for authors to replace. */
export interface SchemaKey {
  key: string;
  /** The template's value as written, e.g. `(fill me in with today's date, YYYY-MM-DD)`. */
  placeholder: string;
  /** Nested placeholder items (e.g. the links under `RFC reference`). */
  placeholderItems: string[];
  /** The template's words that let an RFC leave the key out (`if applicable`), null when it is required. */
  optionalBecause: string | null;
}

/** A section the template expects, in template order. */
export interface SchemaSection {
  title: string;
  slug: string;
  level: number;
  /** True when the template has an anchor line (`[summary]: #summary`) under the heading. */
  hasAnchor: boolean;
  /** The label of the template's anchor line (`design` in `[design]: #detailed-design`), or null. */
  anchorLabel: string | null;
  /** The template's guidance text for the section, as written. */
  guidance: string;
  /**
   * The words of the template that let an RFC leave the section out ("Omit this section if …"),
   * null when it is required; book.toml's `optional-sections` / `required-sections` override it
   * (see `isOptionalSection`).
   */
  optionalBecause: string | null;
}

/** Which template a schema was made from: the file, and the git revision when it is not the working copy. */
export interface SchemaSource {
  path: string;
  revision: { commit: string; date: string } | null;
}

/** What the repository's template asks of an RFC. A different template gives a different schema. */
export interface Schema {
  source: SchemaSource;
  metadata: SchemaKey[];
  sections: SchemaSection[];
  /** True when the template's first line is a plain title line (`RFC title`), not a heading: each RFC has its title there. */
  titleLine: boolean;
  /** The metadata key whose placeholder links to a pull request (`RFC PR`), if any. */
  prKey: string | null;
  /** The repository the template's `RFC PR` placeholder points at (`metalbear-co/rfcs`), if any. */
  repository: Pick<GitHubRef, "owner" | "repo"> | null;
}
