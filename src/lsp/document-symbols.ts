import type { DocumentSymbol } from "vscode-languageserver";
import { lineText, type RfcDocument, type Section } from "../model/document.ts";

// SymbolKind.String, as VS Code's own Markdown outline marks headings.
const headingKind = 15;

/** The outline: the section tree, each heading spanning its section. */
export function toDocumentSymbols(doc: RfcDocument): DocumentSymbol[] {
  const toSymbol = (section: Section): DocumentSymbol => {
    const heading = lineText(doc, section.line);
    const end = Math.max(section.line, section.endLine);
    return {
      name: section.title === "" ? "(untitled)" : section.title,
      detail: "#".repeat(section.level),
      kind: headingKind,
      range: { start: { line: section.line - 1, character: 0 }, end: { line: end - 1, character: lineText(doc, end).length } },
      selectionRange: { start: { line: section.line - 1, character: 0 }, end: { line: section.line - 1, character: heading.length } },
      children: section.children.map(toSymbol),
    };
  };
  return doc.sections.map(toSymbol);
}
