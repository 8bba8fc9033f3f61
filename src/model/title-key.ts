/** The comparison key of a title: lower case, punctuation and runs of spaces made single spaces. */
export function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = computeTitleKey(title);
    titleKeys.set(title, key);
  }
  return key;
}

// Every RFC repeats the template's titles, so each distinct title is reduced once per process.
const titleKeys = new Map<string, string>();

// A section number before the title: `1. Summary`, `2.3 Design`, `IV) Drawbacks`. Bare numbers of
// more than two digits stay: `2024 roadmap` is a title.
const sectionNumber = /^\s*(?:\d{1,2}(?:\.\d+)*[.)]?|\d+(?:\.\d+)*[.)]|[ivx]+[.)])\s+(?=\S)/;

// What a template's heading says of the section, not its name: `## Open issues (if applicable)`.
const optionalNote = /\s*\((?:optional|if applicable|if any|if relevant|if needed|when applicable)\)\s*$/i;
// Or before it: Bevy's `## [Optional] Prior art`.
const optionalPrefix = /^\s*[[(]optional[\])]\s*:?\s*|^\s*optional:\s*/i;

function computeTitleKey(title: string): string {
  const lower = title
    .replace(/\{[^}]*\}\s*$/, "") // a heading attribute, `{ #alternatives }`
    .replace(optionalNote, "")
    .replace(optionalPrefix, "")
    .toLowerCase()
    .replace(sectionNumber, "");
  // The Unicode-aware pattern is several times slower; most titles are plain ASCII.
  return (/^[ -~]*$/.test(lower) ? lower.replace(/[^a-z0-9]+/g, " ") : lower.replace(/[^\p{L}\p{N}\p{M}]+/gu, " ")).trim();
}
