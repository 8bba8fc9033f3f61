import type MarkdownIt from "markdown-it";
import { escapeAttr } from "../render/escape.ts";
import { isRemoteUrl, toHost } from "../url-policy.ts";
import { readEnv } from "./env.ts";

/** The attributes of an image from another host, as the page holds it until the reader asks for it (see `renderRemoteImage`). */
export function toRemoteImageAttributes(src: string, alt: string): Record<string, string> {
  const url = new URL(src.trim(), "https://book.invalid/").href;
  return { class: "remote-image", "data-image": url, "data-alt": alt.trim() || "Image", "data-host": toHost(url) };
}

/**
 * An image from another host as a placeholder: its text and host (shown by the stylesheet), whose
 * `data-image` the client script turns into the image when the reader clicks. Loading it with
 * the page would tell that host who reads the RFC, and when. Raw HTML's `<img>` from another
 * host gets the same placeholder from the sanitiser.
 */
export function renderRemoteImage(src: string, alt: string): string {
  const attributes = Object.entries(toRemoteImageAttributes(src, alt)).map(([name, value]) => ` ${name}="${escapeAttr(value)}"`);
  return `<span${attributes.join("")}></span>`;
}

/** Whether an image's address asks another host than the book and those the repository lets load with the page. */
export function waitsForClick(src: string, imageHosts: readonly string[]): boolean {
  return isRemoteUrl(src) && !imageHosts.includes(toHost(src).toLowerCase());
}

/** Markdown images from other hosts become placeholders (`renderRemoteImage`), but for `image-hosts`; images in the book stay images. */
export function remoteImages(md: MarkdownIt): void {
  const image = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const src = token.attrGet("src") ?? "";
    if (!waitsForClick(src, readEnv(env).imageHosts)) return image(tokens, index, options, env, self);
    return renderRemoteImage(src, self.renderInlineAsText(token.children ?? [], options, env));
  };
}
