import MarkdownIt, { type PluginSimple } from "markdown-it";
import markdownItFootnote from "markdown-it-footnote";
import githubAlerts from "markdown-it-github-alerts";
import { highlightCode, mermaidBlocks } from "../plugins/code-blocks.ts";
import type { RenderEnv } from "../plugins/env.ts";
import { headingIds } from "../plugins/heading-ids.ts";
import { rewriteLinks } from "../plugins/rewrite-links.ts";
import { taskLists } from "../plugins/task-lists.ts";
import { videoEmbeds } from "../plugins/video-embeds.ts";
import { sanitizeBody } from "./sanitize.ts";

// The plugin's types name markdown-it's CommonJS typings; the function is the same.
const footnote = markdownItFootnote as unknown as PluginSimple;

/** Renders one page's Markdown to safe HTML. */
export type MarkdownRenderer = (markdown: string, env: RenderEnv) => string;

/**
 * Markdown as GitHub renders it: raw HTML, autolinks, typographic quotes, tables, strikethrough,
 * task lists, footnotes, alerts, heading ids, highlighted code and click-to-play videos; then the
 * sanitiser. One
 * instance per build, so nothing is shared between runs.
 */
export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true, highlight: highlightCode });
  md.use(footnote).use(taskLists).use(githubAlerts).use(headingIds).use(rewriteLinks).use(videoEmbeds).use(mermaidBlocks);
  return (markdown, env) => sanitizeBody(md.render(markdown, env));
}
