import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { VideoHostName } from "../../model/config.ts";
import { escapeAttr, escapeText } from "../render/escape.ts";
import { toVideo, type Video } from "../video-hosts.ts";
import { readEnv } from "./env.ts";
import { markOwnHtml } from "./own-html.ts";

/**
 * Videos as click-to-play placeholders: an `<iframe>` of a known video host, or a link to a video
 * standing alone in its paragraph, becomes a box with the video's title that loads nothing until
 * it is clicked (the client script then puts the host's player in a sandboxed frame). Any other
 * iframe becomes a plain link to its address: the sanitiser would drop it, and it could run code.
 */
export function videoEmbeds(md: MarkdownIt): void {
  md.core.ruler.push("rfckit-video-embeds", (state) => {
    const hosts = readEnv(state.env).videoHosts;
    // An iframe has no title of its own, most often: the nearest heading or <summary> above it names it.
    let caption = "";
    state.tokens.forEach((token, index) => {
      if (token.type === "heading_open") caption = toPlainText(state.tokens[index + 1]?.content ?? "");
      if (token.type === "html_block") {
        caption = toPlainText(/<summary\b[^>]*>([\s\S]*?)<\/summary>/i.exec(token.content)?.[1] ?? "") || caption;
        token.content = replaceIframes(token.content, hosts, caption);
      }
      if (token.type !== "inline" || !token.children) return;
      for (const child of token.children) if (child.type === "html_inline") child.content = replaceIframes(child.content, hosts, caption);
      const alone = toLoneLink(token.children);
      const video = alone && toVideo(alone.href, hosts);
      if (alone && video) {
        const placeholder = new state.Token("html_inline", "", 0);
        placeholder.content = renderPlaceholder(video, alone.href, alone.text);
        token.children = [markOwnHtml(placeholder)];
      }
    });
  });
}

/** The link when a paragraph holds a link and nothing else (`[Demo](https://youtu.be/…)` or a bare address). */
function toLoneLink(children: readonly Token[]): { href: string; text: string } | null {
  const first = children[0];
  const last = children[children.length - 1];
  if (first?.type !== "link_open" || last?.type !== "link_close") return null;
  const inner = children.slice(1, -1);
  if (!inner.every((t) => t.type === "text" || t.type === "code_inline")) return null;
  return { href: first.attrGet("href") ?? "", text: inner.map((t) => t.content).join("").trim() };
}

// Quoted attribute values may hold `>` (`srcdoc="<p>…"`): the tag ends at the first `>` outside quotes.
const iframePattern = /<iframe\b((?:[^>"']|"[^"]*"|'[^']*')*)>(?:\s*<\/iframe\s*>)?/gi;
const attributePattern = /([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

function replaceIframes(html: string, hosts: readonly VideoHostName[], caption: string): string {
  if (!/<iframe/i.test(html)) return html;
  return html.replace(iframePattern, (_, attributeText: string) => {
    const attributes = new Map<string, string>();
    for (const [, name, double, single, bare] of attributeText.matchAll(attributePattern)) attributes.set(name!.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ""));
    const src = attributes.get("src")?.trim() ?? "";
    const title = attributes.get("title")?.trim() || caption;
    const video = toVideo(src, hosts);
    if (video) return renderPlaceholder(video, src, title);
    if (!/^https?:\/\//i.test(src)) return "";
    return `<a href="${escapeAttr(src)}">${escapeText(title || src)}</a>`;
  });
}

/** The placeholder: a link to the video on its host (what a reader without script gets), marked for the client script. */
function renderPlaceholder(video: Video, href: string, title: string): string {
  const shown = title || `${video.label} video`;
  return `<span class="video-embed" data-embed="${escapeAttr(video.embedUrl)}"><a class="video-play" href="${escapeAttr(href)}"><span class="video-title">${escapeText(shown)}</span> <span class="video-host">${escapeText(video.label)} · plays when clicked</span></a></span>`;
}

/** Heading or summary markup as the words a reader sees. */
function toPlainText(markup: string): string {
  return decodeEntities(markup.replace(/<[^>]*>/g, "").replace(/[`*_]/g, "")).replace(/\s+/g, " ").trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => ({ amp: "&", quot: '"', "#39": "'", lt: "<", gt: ">" })[name] ?? "");
}
