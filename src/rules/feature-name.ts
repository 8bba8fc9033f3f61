import type { MetadataValue } from "../model/metadata.ts";
import { findEntry, normaliseKey } from "../model/metadata.ts";
import { readPrRef } from "../model/rfc-pr.ts";
import { isPlaceholder } from "../model/placeholder.ts";
import type { Repository, Rfc } from "../model/repository.ts";
import { defineRule, reportingHistoryAsWarnings } from "./define-rule.ts";
import { asksForKebabCase } from "./feature-name-style.ts";
import { replaceText } from "./replace-text.ts";

const ident = /^[\p{L}_][\p{L}\p{N}_]*$/u;
// Cargo's unstable features are kebab-case (`-Z trim-paths`): a recognisable name, not a slip.
const kebab = /^[\p{Ll}\p{N}_]+(?:-[\p{Ll}\p{N}_]+)+$/u;
// As many RFCs as this naming their feature in kebab-case make it the repository's convention.
const conventionUses = 3;
// Rust RFCs that add no feature gate (process, team and policy RFCs) say so in these words.
const none = /^\(?\s*(?:n\/?a|none\??|not applicable|-|—)(?:\s*\)|\s+\(.*\))?$/i;
// Words joined by spaces or hyphens (`mirrord Magic`): the identifier is those words joined by "_",
// and nothing the author wrote is lost, so a fix can write it.
const words = /^[\p{L}\p{N}_]+(?:[ \t-]+[\p{L}\p{N}_]+)*$/u;

/** The names a Feature Name value gives, with their offsets in the value as written. */
interface NamedFeature {
  name: string;
  offset: number;
}

export default defineRule({
  id: "feature-name",
  description: "Feature Name is an identifier, used by one RFC only",
  severity: "error",
  tags: ["metadata"],
  fixable: true,
  check(ctx) {
    const { repo, rfc, doc, schema, memo } = ctx;
    // The name's form is the template's convention: an accepted RFC's name is history (a feature
    // gate may carry it), so there it is a warning.
    const report = reportingHistoryAsWarnings(ctx);
    const placeholder = schema.metadata.find((k) => normaliseKey(k.key) === "feature name")?.placeholder;
    const value = featureValue(rfc, placeholder);
    if (!value) return;
    // Kebab-case is this repository's way where its template writes names so, or its RFCs do.
    const templateIsKebab = asksForKebabCase(placeholder);
    const kebabIsTheStyle = templateIsKebab || memo(countKebabNames, repo) >= conventionUses;
    const joiner = templateIsKebab ? "-" : "_";
    for (const part of splitNames(value.raw)) {
      const name = unwrap(part.name);
      if (ident.test(name) || (kebabIsTheStyle && kebab.test(name))) continue;
      const suggestion = toIdent(name, joiner);
      const at = { line: value.line, column: value.column + part.offset, endColumn: value.column + part.offset + part.name.length };
      const message = templateIsKebab
        ? `Feature Name "${name}" is not a name as the template writes one (lower-case words joined by "-").`
        : `Feature Name "${name}" is not an identifier (letters, digits and "_" only).`;
      const hint = suggestion ? `write it as \`${suggestion}\`.` : "write the feature's name as an identifier, e.g. `my_feature`, or N/A when the RFC adds none.";
      if (kebab.test(name)) {
        // Left as written: a kebab-case name is usually a real one (Cargo's `-Z` flags).
        report({ ...at, message, hint, severity: "warning" });
        continue;
      }
      // Backticks stay: only the name inside them is rewritten.
      const quoted = part.name === `\`${name}\``;
      const fix =
        suggestion && words.test(name) && suggestion === name.toLowerCase().replace(/[ \t_-]+/g, joiner) && (quoted || part.name === name)
          ? replaceText(doc, { line: at.line, column: at.column + (quoted ? 1 : 0) }, name, suggestion)
          : undefined;
      report({ ...at, message, hint, ...(fix ? { fix } : {}) });
    }
  },
  checkRepository({ repo, isChecked, report }) {
    // The first RFC (by number, then path) to use a name owns it; later ones are reported.
    const ordered = [...repo.rfcs].sort((a, b) => order(a) - order(b) || (a.path < b.path ? -1 : 1));
    const owner = new Map<string, Rfc>();
    for (const rfc of ordered) {
      const value = featureValue(rfc, rfc.schema.metadata.find((k) => normaliseKey(k.key) === "feature name")?.placeholder);
      if (!value) continue;
      const seen = new Set<string>();
      for (const part of splitNames(value.raw)) {
        const name = unwrap(part.name);
        if (seen.has(name)) continue;
        seen.add(name);
        const first = owner.get(name);
        if (!first) {
          owner.set(name, rfc);
          continue;
        }
        // A follow-up or amendment keeps the feature's name and says which RFC it builds on.
        if (!isChecked(rfc.path) || refersTo(rfc.header!.source, first)) continue;
        report({
          file: rfc.path,
          line: value.line,
          column: value.column + part.offset,
          endColumn: value.column + part.offset + part.name.length,
          message: `Feature Name "${name}" is already used by ${first.path}.`,
          hint: "give this RFC's feature its own name, unless it amends that RFC's feature.",
        });
      }
    }
  },
});

/** The Feature Name value worth checking: present, filled in, and not a statement that there is none. */
function featureValue(rfc: Rfc, placeholder: string | undefined): MetadataValue | null {
  if (placeholder === undefined || !rfc.header) return null;
  const value = findEntry(rfc.header.metadata, "Feature Name")?.value;
  if (!value || value.raw.trim() === "" || isPlaceholder(value.raw, placeholder)) return null;
  if (none.test(unwrap(value.raw))) return null;
  return value;
}

/** How many RFCs name their feature in kebab-case. */
function countKebabNames(repo: Repository): number {
  let count = 0;
  for (const rfc of repo.rfcs) {
    const value = rfc.header ? findEntry(rfc.header.metadata, "Feature Name")?.value.raw : undefined;
    if (value !== undefined && splitNames(value).some((part) => kebab.test(unwrap(part.name)))) count++;
  }
  return count;
}

/** Splits `a, b`, `a / b` and `a and b` into names: some RFCs add more than one feature gate. */
function splitNames(raw: string): NamedFeature[] {
  const parts: NamedFeature[] = [];
  const separator = /\s*(?:,|\/|\band\b)\s*/g;
  // A single name (or free text without separators between names) stays whole.
  const pieces = raw.split(separator);
  const listed = pieces.every((p) => ident.test(unwrap(p)) || kebab.test(unwrap(p))) || pieces.every((p) => /^`[^`]+`$/.test(p.trim()));
  if (pieces.length > 1 && !listed) {
    return [{ name: raw.trim(), offset: raw.indexOf(raw.trim()) }];
  }
  let from = 0;
  for (const piece of pieces) {
    const offset = raw.indexOf(piece, from);
    from = offset + piece.length;
    if (piece.trim() !== "") parts.push({ name: piece.trim(), offset: offset + (piece.length - piece.trimStart().length) });
  }
  return parts;
}

/** The name without Markdown around it: backticks, wrapping parentheses, `\_` escapes, footnote marks. */
function unwrap(text: string): string {
  let name = text.trim().replace(/\[\^[^\]]*\]/g, "").replace(/\\_/g, "_").trim();
  if (name.startsWith("(") && name.endsWith(")")) name = name.slice(1, -1).trim();
  if (name.length > 1 && name.startsWith("`") && name.endsWith("`")) name = name.slice(1, -1).trim();
  return name;
}

/** `mirrord Magic` → `mirrord_magic` (or `mirrord-magic`); null when there is no name to be had (nothing, or a sentence). */
function toIdent(name: string, joiner: "_" | "-"): string | null {
  // `Assert Not Equals Macro (\`assert_ne\`)`: the identifier is already there, in code, in
  // parentheses or alone; code inside a sentence ("Allow \`lifetime\` specifiers…") is not the name.
  const inCode = /^(?:.*\(\s*)?`([\p{L}_][\p{L}\p{N}_-]*)`(?:\s*\))?\W*$/u.exec(name)?.[1];
  if (inCode) return inCode;
  const words = name.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words || name.trim().split(/\s+/).length > 4) return null;
  const joined = words.join(joiner);
  return /^\p{N}/u.test(joined) ? `_${joined}` : joined;
}

/** True when `source` mentions the other RFC: its file name, `RFC 42`, or its pull request (`#42`, `/pull/42`). */
function refersTo(source: string, other: Rfc): boolean {
  const stem = other.path.slice(other.path.lastIndexOf("/") + 1).replace(/\.md$/, "");
  if (source.includes(stem)) return true;
  const numbers = new Set<number>();
  if (other.number) numbers.add(other.number);
  const pr = readPrRef(other);
  if (pr) numbers.add(pr.number);
  return [...numbers].some((n) => new RegExp(`(?:\\bRFC\\s*#?\\s*|#|/pull/)0*${n}(?!\\d)`, "i").test(source));
}

function order(rfc: Rfc): number {
  // Drafts (0) and unnumbered files come after every numbered RFC: they are the newcomers.
  return rfc.number && rfc.number > 0 ? rfc.number : Number.MAX_SAFE_INTEGER;
}
