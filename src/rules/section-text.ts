import { allSections, lineText, type RfcDocument, type Section } from "../model/document.ts";

const anchorLine = /^\s*\[[^\]]+\]:\s*#\S*\s*$/;
const htmlComment = /<!--[\s\S]*?(?:-->|$)/g;
const setextUnderline = /^\s*(?:=+|-+)\s*$/;

/**
 * What an author wrote in a section: its body and its subsections' bodies, without the lines that
 * carry no prose (subsection headings, `[x]: #x` anchor lines, HTML comments). Blank when empty.
 */
export function authoredText(doc: RfcDocument, section: Section): string {
  const skip = new Set<number>();
  for (const sub of allSections(section.children)) {
    skip.add(sub.line);
    if (sub.anchor) skip.add(sub.anchor.line);
    // A setext heading (`Title` over `-----`) has its underline on the next line.
    if (!lineText(doc, sub.line).trimStart().startsWith("#") && setextUnderline.test(lineText(doc, sub.line + 1))) skip.add(sub.line + 1);
  }
  const kept: string[] = [];
  for (let line = section.bodyStart; line <= section.endLine; line++) {
    if (skip.has(line)) continue;
    const text = lineText(doc, line);
    if (!anchorLine.test(text)) kept.push(text);
  }
  return kept.join("\n").replace(htmlComment, "").trim();
}

/**
 * Text reduced to its words for comparing an RFC's section with the template's guidance: anchor
 * lines, HTML comments and Markdown punctuation removed, whitespace collapsed, lower case.
 */
export function comparableText(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !anchorLine.test(line))
    .join("\n")
    .replace(htmlComment, " ")
    .replace(/[*_`#>-]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
