import MarkdownIt, { type PluginSimple } from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import markdownItFootnote from "markdown-it-footnote";
import githubAlerts from "markdown-it-github-alerts";
import { alertTitles } from "../plugins/alert-titles.ts";
import type { RenderEnv } from "../plugins/env.ts";
import { linearFootnoteTail } from "../plugins/footnote-tail.ts";
import { githubAutolinks } from "../plugins/github-autolinks.ts";
import { headingIds } from "../plugins/heading-ids.ts";
import { htmlComments, isCommentOnly } from "../plugins/html-comments.ts";
import { mermaidBlocks } from "../plugins/mermaid-blocks.ts";
import { isOwnHtml } from "../plugins/own-html.ts";
import { remoteImages } from "../plugins/remote-images.ts";
import { rewriteLinks } from "../plugins/rewrite-links.ts";
import { taskLists } from "../plugins/task-lists.ts";
import { videoEmbeds } from "../plugins/video-embeds.ts";
import { toAllowedUrl } from "../url-policy.ts";
import { escapeText } from "./escape.ts";
import { createSanitizer } from "./sanitize.ts";

// The plugin's types name markdown-it's CommonJS typings; the function is the same.
const footnote = markdownItFootnote as unknown as PluginSimple;

/** Renders one page's Markdown to safe HTML; `inline` renders a line of it (a metadata value) without a paragraph. */
export interface MarkdownRenderer {
  (markdown: string, env: RenderEnv): string;
  inline(markdown: string, env: RenderEnv): string;
}

/**
 * The renderer rules whose output has been read and found to escape everything an RFC can put in
 * it: markdown-it's own (but raw HTML), markdown-it-footnote's (numbers and ids it makes), and
 * rfckit's (alert titles, headings, fences, remote images). A token whose type has a rule not in
 * this list sends its page through the sanitiser; a test fails when a plugin adds a rule, so that
 * it is read before it joins the list.
 */
export const escapingRules: ReadonlySet<string> = new Set([
  "code_inline", "code_block", "fence", "image", "hardbreak", "softbreak", "text",
  "footnote_ref", "footnote_block_open", "footnote_block_close", "footnote_open", "footnote_close", "footnote_anchor", "footnote_caption", "footnote_anchor_name",
  "alert_open", "heading_close",
]);

// Attributes markdown-it and the plugins set on the tags `renderToken` writes (it escapes their
// values). Any other name on a token sends the page through the sanitiser.
const tokenAttributes: ReadonlySet<string> = new Set(["id", "class", "href", "src", "alt", "title", "start", "style", "type", "value"]);

/**
 * Markdown as GitHub renders it: raw HTML, autolinks, typographic quotes (unless `smartPunctuation` is off), tables, strikethrough,
 * task lists, footnotes, alerts, heading ids, highlighted code, click-to-play videos and
 * click-to-load images from other hosts. Every link and image passes the book's one URL check
 * (`url-policy.ts`). A page goes through the sanitiser unless every token of it is one whose
 * rendering is known to escape (`escapingRules`). One instance per build, so nothing is shared
 * between runs.
 */
export function createMarkdownRenderer(options: { imageHosts: readonly string[]; smartPunctuation?: boolean }): MarkdownRenderer {
  const md = createMarkdownIt({ smartPunctuation: options.smartPunctuation ?? true });
  const sanitizeBody = createSanitizer(options);
  const render = (tokens: Token[], env: RenderEnv) => {
    const html = md.renderer.render(tokens, md.options, env);
    // On the Rust RFCs 35 pages of 639 need the sanitiser: sparing the others saves a second a build.
    return tokens.some((token) => needsSanitising(md, token)) ? sanitizeBody(html) : html;
  };
  return Object.assign((markdown: string, env: RenderEnv) => render(md.parse(markdown, env), env), {
    inline: (markdown: string, env: RenderEnv) => (isPlainText(markdown) ? escapeText(markdown) : render(md.parseInline(markdown, env), env)),
  });
}

/**
 * The book's markdown-it, with its plugins; exported for the test that holds `escapingRules` to
 * its renderer rules. `smartPunctuation` (mdBook's setting, on by default as in mdBook 0.5) turns
 * straight quotes, `--`, `---` and `...` into typographic ones.
 */
export function createMarkdownIt(options: { smartPunctuation?: boolean } = {}): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: options.smartPunctuation ?? true });
  // The same schemes as the sanitiser, on pages that skip it: links http(s), mailto and relative;
  // images also data: images. `rewriteLinks` then holds each kind to its own list.
  md.validateLink = (url) => toAllowedUrl(url, "link") !== null || toAllowedUrl(url, "image") !== null;
  md.use(footnote).use(linearFootnoteTail).use(taskLists).use(githubAlerts).use(alertTitles).use(headingIds).use(rewriteLinks).use(videoEmbeds).use(mermaidBlocks).use(remoteImages).use(htmlComments).use(githubAutolinks);
  return md;
}

/**
 * Words, numbers, dates, spaces, slashes and commas, which Markdown renders as they are: most
 * metadata values (`2014-03-17`, `none`), rendered without a parse. No `--` or `,,`, which
 * smart punctuation makes a dash and one comma, and no `.`, `:` or `@`, which can start a link.
 */
function isPlainText(markdown: string): boolean {
  return /^[\p{L}\p{N}/,-]+(?: [\p{L}\p{N}/,-]+)*$/u.test(markdown) && !markdown.includes("--") && !markdown.includes(",,");
}

function needsSanitising(md: MarkdownIt, token: Token): boolean {
  if (token.type === "html_block" || token.type === "html_inline") return !isOwnHtml(token) && !isCommentOnly(token.content);
  if (token.type in md.renderer.rules && !escapingRules.has(token.type)) return true;
  if (token.attrs?.some(([name]) => !tokenAttributes.has(name))) return true;
  return token.children?.some((child) => needsSanitising(md, child)) ?? false;
}
