import MarkdownIt, { type PluginSimple } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import markdownItFootnote from "markdown-it-footnote";
import githubAlerts from "markdown-it-github-alerts";
import { highlightCode, mermaidBlocks } from "../plugins/code-blocks.ts";
import type { RenderEnv } from "../plugins/env.ts";
import { headingIds } from "../plugins/heading-ids.ts";
import { rewriteLinks } from "../plugins/rewrite-links.ts";
import { taskLists } from "../plugins/task-lists.ts";
import { videoEmbeds } from "../plugins/video-embeds.ts";
import { isOwnHtml } from "../plugins/own-html.ts";
import { sanitizeBody } from "./sanitize.ts";

// The plugin's types name markdown-it's CommonJS typings; the function is the same.
const footnote = markdownItFootnote as unknown as PluginSimple;

/** Renders one page's Markdown to safe HTML. */
export type MarkdownRenderer = (markdown: string, env: RenderEnv) => string;

/**
 * Markdown as GitHub renders it: raw HTML, autolinks, typographic quotes, tables, strikethrough,
 * task lists, footnotes, alerts, heading ids, highlighted code and click-to-play videos. A page
 * that carries raw HTML then goes through the sanitiser. One instance per build, so nothing is
 * shared between runs.
 */
export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true, highlight: highlightCode });
  md.use(footnote).use(taskLists).use(githubAlerts).use(headingIds).use(rewriteLinks).use(videoEmbeds).use(mermaidBlocks);
  return (markdown, env) => {
    const tokens = md.parse(markdown, env);
    const html = md.renderer.render(tokens, md.options, env);
    // What markdown-it writes itself is safe: it escapes text and attributes and refuses
    // `javascript:` and other unsafe links. Only raw HTML can carry a script, so only a page that
    // has some pays for the sanitiser (on the Rust RFCs, 46 pages of 639: a second saved per build).
    return tokens.some(isRawHtml) ? sanitizeBody(html) : html;
  };
}

function isRawHtml(token: Token): boolean {
  if (token.type === "html_block") return !isOwnHtml(token);
  return token.children?.some((child) => child.type === "html_inline" && !isOwnHtml(child)) ?? false;
}
