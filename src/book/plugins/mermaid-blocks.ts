import type MarkdownIt from "markdown-it";
import { escapeText } from "../render/escape.ts";

/**
 * Keeps a `mermaid` block's source, escaped, in `<pre class="mermaid">`: drawing it is left to a
 * client script, and the source stays readable without one.
 */
export function mermaidBlocks(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    if (token.info.trim().split(/\s+/)[0]?.toLowerCase() === "mermaid") return `<pre class="mermaid">${escapeText(token.content)}</pre>\n`;
    return fence(tokens, index, options, env, self);
  };
}
