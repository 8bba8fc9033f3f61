import { goodRfc } from "./templates.ts";

/**
 * Shapes one small RFC may take that used to take time out of proportion to its size (a pattern
 * that backtracks, a loop over every earlier item, a library that copies an array per item) or
 * end the run (a spread over a huge array). `make(scale)` gives the RFC's text: scale 4 is about
 * 100 KB, the size the tests run; the benchmark (`npm run bench -- --scaling`) runs 1, 4 and 16.
 */
export interface PathologicalShape {
  name: string;
  make(scale: number): string;
}

const summary = "Boots that let engineers jump over slow builds.";

/** goodRfc with its Summary, or its metadata, replaced by the shape. */
function inRfc(part: { summary?: string; header?: string }): string {
  let rfc = goodRfc.replace("- Feature Name: `rocket_boots`", "- Feature Name: `big`");
  if (part.summary !== undefined) rfc = rfc.replace(summary, part.summary);
  if (part.header !== undefined) rfc = rfc.replace("- Start Date:", `${part.header}\n- Start Date:`);
  return rfc;
}

const times = (count: number, make: (i: number) => string, separator = "\n") => Array.from({ length: count }, (_, i) => make(i)).join(separator);

export const pathologicalShapes: PathologicalShape[] = [
  { name: "a Summary line of spaces ending in a letter", make: (s) => inRfc({ summary: `${" ".repeat(25_000 * s)}x` }) },
  { name: "a line of opening brackets", make: (s) => inRfc({ summary: "[".repeat(25_000 * s) }) },
  { name: "link text opened and never closed", make: (s) => inRfc({ summary: "[a](".repeat(6_250 * s) }) },
  { name: "footnote marks opened and never closed", make: (s) => inRfc({ summary: "[^".repeat(12_500 * s) }) },
  { name: "a list nested and indented over and over", make: (s) => inRfc({ summary: times(625 * s, (i) => `${"  ".repeat(i % 20)}- item ${i}`) }) },
  { name: "task-list items", make: (s) => inRfc({ summary: "- [ ] a task\n".repeat(3_125 * s) }) },
  { name: "<span> tags opened and never closed", make: (s) => inRfc({ summary: "<span>".repeat(4_000 * s) }) },
  { name: "footnotes, each defined", make: (s) => inRfc({ summary: `${times(1_000 * s, (i) => `n[^f${i}]`, " ")}\n\n${times(1_000 * s, (i) => `[^f${i}]: ${i}.`)}` }) },
  { name: "metadata keys the template does not have", make: (s) => inRfc({ header: times(1_250 * s, (i) => `- Extra Key ${i}: value`) }) },
  { name: "headings", make: (s) => inRfc({ summary: "## h\n\n".repeat(31_250 * s) }) },
];
