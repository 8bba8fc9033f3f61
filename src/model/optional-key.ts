/**
 * The words by which a template lets an RFC leave a metadata key out, in the key or its value:
 * Swift's `* Vision: *if applicable* [Vision Name](…)`, `Previous Proposal (optional)`,
 * `Co-authors: (if any)`. A value that asks to be filled in later (`(leave this empty)`) keeps
 * the key: the line stays, empty.
 */
const optionalKeyWordings: readonly RegExp[] = [/\bif (?:applicable|any|relevant|needed|necessary|there (?:is|are) (?:one|some|any))\b/i, /\boptional(?:ly)?\b/i, /\bwhen applicable\b/i];

/** The words of the template's key or value that make the key optional, as written; null when none does. */
export function readOptionalKeyWording(key: string, placeholder: string): string | null {
  for (const text of [key, placeholder]) {
    for (const wording of optionalKeyWordings) {
      const match = wording.exec(text);
      if (match) return match[0];
    }
  }
  return null;
}
