import { allSections, lineText, type RfcDocument, type Section } from "../model/document.ts";

const anchorLine = /^\s*\[[^\]]+\]:\s*#\S*\s*$/;
const htmlComment = /<!--[\s\S]*?(?:-->|$)/g;
const setextUnderline = /^\s*(?:=+|-+)\s*$/;

/**
 * True when a section has text an author wrote, in its body or its subsections: anything but
 * blank lines, subsection headings and their underlines, `[x]: #x` anchor lines and HTML comments.
 */
export function hasAuthoredText(doc: RfcDocument, section: Section): boolean {
  let headings: Set<number> | null = null;
  let inComment = false;
  for (let line = section.bodyStart; line <= section.endLine; line++) {
    let text = lineText(doc, line);
    if (inComment) {
      const end = text.indexOf("-->");
      if (end === -1) continue;
      inComment = false;
      text = text.slice(end + 3);
    }
    if (text.includes("<!--")) {
      const stripped = text.replace(htmlComment, "");
      inComment = /<!--(?![\s\S]*-->)/.test(text);
      text = stripped;
    }
    if (text.trim() === "" || anchorLine.test(text) || setextUnderline.test(text)) continue;
    headings ??= new Set(allSections(section.children).map((s) => s.line));
    if (headings.has(line)) continue;
    return true;
  }
  return false;
}

/**
 * Text reduced to its words for comparing an RFC's section with the template's guidance: anchor
 * lines, HTML comments and Markdown punctuation removed, whitespace collapsed, lower case.
 */
export function comparableText(text: string): string {
  // Most texts have no anchor line or comment: those passes are skipped for them.
  const withoutAnchors = text.includes("]:")
    ? text
        .split(/\r?\n/)
        .filter((line) => !anchorLine.test(line))
        .join("\n")
    : text;
  const withoutComments = withoutAnchors.includes("<!--") ? withoutAnchors.replace(htmlComment, " ") : withoutAnchors;
  return withoutComments
    // Runs of markup and spacing become one space; a lone space already is one, and is skipped.
    .replace(/(?! [^*_`#>\s-])[*_`#>\s-]+/g, " ")
    .trim()
    .toLowerCase();
}
