import { lineText, type RfcDocument } from "../model/document.ts";
import type { Edit } from "../model/edit.ts";
import { findEntry, type GitHubRef } from "../model/metadata.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import type { Schema } from "../model/schema.ts";

/** A GitHub repository, `owner/repo`. */
export type RepositoryName = Pick<GitHubRef, "owner" | "repo">;

/** What filling the PR link comes to: an edit, nothing to do, or why it cannot be done. */
export type PrLinkFill =
  | { kind: "edit"; edit: Edit; link: string }
  | { kind: "unchanged"; link: string }
  | { kind: "not-filled"; reason: string }
  | { kind: "conflict"; existing: number; line: number };

/** The `[org/repo#N](https://github.com/org/repo/pull/N)` link the templates use. */
export function toPrLink(repository: RepositoryName, pr: number): string {
  const name = `${repository.owner}/${repository.repo}`;
  return `[${name}#${pr}](https://github.com/${name}/pull/${pr})`;
}

/**
 * The edit that sets the RFC's `RFC PR` value (`schema.prKey`) to pull request `pr` of
 * `repository`. A value that is empty, the template's placeholder, or the same pull request is
 * replaced; one that names another pull request is a conflict, since the author wrote it. Pure.
 */
export function toPrLinkFill(doc: RfcDocument, schema: Schema, repository: RepositoryName | null, pr: number): PrLinkFill {
  if (schema.prKey === null) return { kind: "not-filled", reason: "the template has no pull request field" };
  if (repository === null) {
    return { kind: "not-filled", reason: `the template's "${schema.prKey}" link names no repository, and book.toml has no GitHub git-repository-url` };
  }
  const entry = findEntry(doc.metadata, schema.prKey);
  if (!entry) return { kind: "not-filled", reason: `the RFC has no "${schema.prKey}" line` };
  const link = toPrLink(repository, pr);
  const { value } = entry;
  const placeholder = schema.metadata.find((k) => k.key === schema.prKey)?.placeholder;
  const existing = refOf(value.shape);
  if (value.raw.trim() === link) return { kind: "unchanged", link };
  if (existing !== null && existing !== 0 && existing !== pr && !isPlaceholder(value.raw, placeholder)) {
    return { kind: "conflict", existing, line: value.line };
  }
  const text = lineText(doc, value.line);
  const frontMatter = doc.metadata.form === "front-matter";
  // In YAML a value starting with `[` is a list: quote the link there.
  const written = frontMatter ? JSON.stringify(link) : link;
  const end = text.replace(/\s+$/, "").length + 1;
  // An empty list value has no start of its own; a YAML scalar has one even when empty (`""`).
  const from = Math.min(value.raw === "" && !frontMatter ? end : value.column, end);
  const space = text.slice(0, from - 1).endsWith(":") ? " " : "";
  return { kind: "edit", edit: { kind: "replace", from: { line: value.line, column: from }, to: { line: value.line, column: Math.max(from, end) }, text: space + written }, link };
}

function refOf(shape: RfcDocument["metadata"]["entries"][number]["value"]["shape"]): number | null {
  if (shape.kind === "link") return (shape.urlRef ?? shape.textRef)?.number ?? null;
  if (shape.kind === "url") return shape.urlRef?.number ?? null;
  return null;
}

/** The repository a pull request link should name: the template's, else the book's GitHub `git-repository-url`. */
export function toPrRepository(schema: Schema, gitRepositoryUrl: string | null): RepositoryName | null {
  if (schema.repository) return schema.repository;
  const m = /^https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(gitRepositoryUrl ?? "");
  return m ? { owner: m[1]!, repo: m[2]! } : null;
}
