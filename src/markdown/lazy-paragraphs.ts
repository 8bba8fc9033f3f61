import type { MarkdownIt } from "markdown-it";

/**
 * A markdown-it plugin for the checker's parser: paragraphs that cannot hold a link or HTML (no
 * `[` or `<` in their lines) get no text. markdown-it builds every paragraph's text line by line
 * (about 7 MB of strings for the Rust RFCs), but the model reads it only to find links and HTML,
 * in the few paragraphs that may hold some (may-hold-link.ts). Without markdown-it's paragraph
 * rule to wrap, the plugin does nothing.
 */
export function lazyParagraphs(md: MarkdownIt): void {
  const paragraph = md.block.ruler.getRules("").find((rule) => rule.name === "paragraph");
  if (!paragraph) return;
  class State extends md.block.State {
    /** True while the paragraph rule runs, the only rule whose text can wait. */
    inParagraph = false;
    override getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string {
      // The lines as written hold every character of the paragraph's text, and then some.
      if (this.inParagraph && !mayHoldMarkup(this.src.slice(this.bMarks[begin], this.eMarks[end - 1]))) return "";
      return super.getLines(begin, end, indent, keepLastLF);
    }
  }
  md.block.State = State;
  md.block.ruler.at("paragraph", (state, startLine, endLine, silent) => {
    const lazy = state as State;
    lazy.inParagraph = true;
    try {
      return paragraph(state, startLine, endLine, silent);
    } finally {
      lazy.inParagraph = false;
    }
  });
}

function mayHoldMarkup(lines: string): boolean {
  return lines.includes("[") || lines.includes("<");
}
