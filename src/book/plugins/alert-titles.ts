import type MarkdownIt from "markdown-it";
import { escapeAttr, escapeText } from "../render/escape.ts";

/**
 * Renders a GitHub alert's opening with its title as text. markdown-it-github-alerts writes the
 * rest of the `> [!NOTE] …` line into the page as it is, so an RFC could put any HTML there.
 */
export function alertTitles(md: MarkdownIt): void {
  md.renderer.rules["alert_open"] = (tokens, index) => {
    const { title, type, icon } = tokens[index]!.meta as { title: string; type: string; icon: string };
    // The icon is the plugin's own SVG, chosen by the alert's type among its five.
    return `<div class="markdown-alert markdown-alert-${escapeAttr(type)}"><p class="markdown-alert-title">${icon}${escapeText(title)}</p>`;
  };
}
