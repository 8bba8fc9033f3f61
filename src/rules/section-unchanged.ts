import { distance } from "fastest-levenshtein";
import type { RfcDocument, Section } from "../model/document.ts";
import { defineRule } from "./define-rule.ts";
import { isRequired, matchSections } from "./match-sections.ts";
import { comparableText } from "./section-text.ts";

/** How alike a section and the guidance must be (1 = identical) to count as unchanged. */
const threshold = 0.9;

export default defineRule({
  id: "section-unchanged",
  description: "A section's text is not still the template's guidance",
  severity: "error",
  tags: ["template", "stage"],
  fixable: false,
  templateBound: true,
  check({ repo, doc, schema, stage, report, memo }) {
    for (const { wanted, section } of memo(matchSections, schema, doc)) {
      if (!section) continue;
      const guidance = memo(comparableText, wanted.guidance);
      if (guidance === "") continue;
      // Normalising only shortens text, so a section shorter than the guidance can be ruled out
      // first; and one over twice as long (plus room for an anchor line or a comment) is the
      // author's own: normalising removes markup and spacing, never half of a text.
      const [start, end] = bodyOffsets(doc, section);
      const written = end - start;
      if (written < guidance.length * threshold || written > guidance.length * 2 + 200) continue;
      const text = comparableText(doc.source.slice(start, end));
      const similarity = similarityOf(text, guidance);
      if (similarity < threshold) continue;
      const how = similarity === 1 ? "is still the template's guidance text" : `is nearly the template's guidance text (${Math.floor(similarity * 100)}% the same)`;
      report({
        line: section.line,
        column: section.column,
        message: `Section "${section.title}" ${how}.`,
        hint: "replace the template's guidance with this RFC's own text.",
        // Guidance is never content, but it only fails the check where the stage needs the section.
        ...(memo(isRequired, repo.config, stage, wanted) ? {} : { severity: "warning" as const }),
      });
    }
  },
});

/** Where a section's body starts and ends in the source, from the line offsets alone. */
function bodyOffsets(doc: RfcDocument, section: Section): [number, number] {
  const start = doc.lineStarts[section.bodyStart - 1] ?? doc.source.length;
  const end = doc.lineStarts[section.endLine] ?? doc.source.length;
  return [start, Math.max(start, end)];
}

/** 1 - edit distance / longer length; 0 without computing when the lengths alone rule out the threshold. */
function similarityOf(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (Math.min(a.length, b.length) < longer * threshold) return 0;
  if (1 - histogramBound(a, b) / longer < threshold) return 0;
  if (1 - bigramBound(a, b) / longer < threshold) return 0;
  return 1 - editDistance(a, b) / longer;
}

/**
 * A tighter lower bound for texts whose letters match but whose words differ: one edit changes
 * at most four of the counts of adjacent pairs of characters, so the distance is at least a
 * quarter of the difference between the two texts' pair counts.
 */
function bigramBound(a: string, b: string): number {
  const pairs = new Map<number, number>();
  for (let i = 1; i < a.length; i++) {
    const pair = (a.charCodeAt(i - 1) << 16) | a.charCodeAt(i);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  for (let i = 1; i < b.length; i++) {
    const pair = (b.charCodeAt(i - 1) << 16) | b.charCodeAt(i);
    pairs.set(pair, (pairs.get(pair) ?? 0) - 1);
  }
  let difference = 0;
  for (const n of pairs.values()) difference += Math.abs(n);
  return Math.ceil(difference / 4);
}

/**
 * The edit distance, after setting aside the start and end the two texts share, which never
 * changes it: what reaches this point is nearly the guidance, so most of both texts is shared.
 */
function editDistance(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let start = 0;
  while (start < shortest && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shortest - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return distance(a.slice(start, a.length - end), b.slice(start, b.length - end));
}

/**
 * A lower bound of the edit distance that costs one pass: each edit changes the strings' character
 * counts by at most 2, so the distance is at least half their difference. It rules out most
 * sections of ordinary prose before the exact distance is computed.
 */
function histogramBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)]!--;
  // Read each character's count once, zeroing it, so the table is clean for the next call.
  let difference = 0;
  for (const text of [a, b]) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      difference += Math.abs(counts[c]!);
      counts[c] = 0;
    }
  }
  return Math.ceil(difference / 2);
}

/** Counts by UTF-16 code unit (as the edit distance counts), shared by all calls. */
const counts = new Int32Array(0x10000);
