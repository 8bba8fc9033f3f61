import type { Config } from "./config.ts";
import type { SchemaSection } from "./schema.ts";
import { minOf } from "./extremes.ts";

/**
 * The words by which a template lets an RFC leave a section out, in its heading or its guidance:
 * "Optional, but suggested for first drafts", "Omit this section if it's not applicable", "Leave
 * this section out if …", "Feel free to add any number of appendices", "Some of this may not be
 * relevant to all RFCs". Guidance about what goes in the section ("If applicable, provide sample
 * error messages") says nothing about the section itself and does not count.
 */
const optionalWordings: readonly RegExp[] = [
  /\boptional\b/i,
  /\b(?:omit|skip|remove|delete|drop) this (?:section|part|heading)\b/i,
  /\bleave (?:this|the) (?:section|part|heading) (?:out|empty|blank)\b/i,
  /\bthis (?:section|part) (?:is|may be|can be) (?:optional|omitted|skipped|left out|removed|deleted)\b/i,
  /\bfeel free to add any number of\b/i,
  /\bsome of this may not be relevant\b/i,
  /\b(?:not|isn't|is not) (?:required|mandatory) (?:for|in) (?:all|every|each)\b/i,
];

/** In a heading only: in guidance, "if applicable" is about what goes in the section. */
const optionalHeadingNote = /\((?:if applicable|if any|if relevant|if needed|when applicable)\)\s*$/i;

/** The words of `title` or `guidance` that make the section optional, as written; null when none does. */
export function readOptionalWording(title: string, guidance: string): string | null {
  // A heading that says so (`## Future work (optional)`, `## Open issues (if applicable)`) is quoted whole.
  if (optionalWordings.some((wording) => wording.test(title)) || optionalHeadingNote.test(title)) return title.trim();
  for (const wording of optionalWordings) {
    const match = wording.exec(guidance);
    if (match) return quoteAround(guidance, match.index, match[0].length);
  }
  return null;
}

/** The sentence around a match, shortened: what `rfc doctor` quotes as the reason. */
function quoteAround(text: string, index: number, length: number): string {
  const start = Math.max(text.lastIndexOf(".", index) + 1, text.lastIndexOf("\n", index) + 1, 0);
  const endDot = text.indexOf(".", index + length);
  const endLine = text.indexOf("\n", index + length);
  const ends = [endDot, endLine].filter((e) => e !== -1);
  const end = minOf(ends, text.length);
  const sentence = text.slice(start, end).replace(/^[\s(<!\-*_>]+|[\s)>\-*_]+$/g, "").replace(/\s+/g, " ");
  return sentence.length > 80 ? `${sentence.slice(0, 77)}…` : sentence;
}

/**
 * Whether an RFC may leave the section out: `required-sections` and `optional-sections` in
 * book.toml decide first (by title, as `rfc doctor` prints it), then the template's own words.
 */
export function isOptionalSection(section: SchemaSection, config: Pick<Config, "optionalSections" | "requiredSections">): boolean {
  const key = comparable(section.title);
  if (config.requiredSections.some((t) => comparable(t) === key)) return false;
  if (config.optionalSections.some((t) => comparable(t) === key)) return true;
  return section.optionalBecause !== null;
}

function comparable(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
