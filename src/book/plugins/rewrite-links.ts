import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { toAllowedUrl } from "../url-policy.ts";
import { readEnv } from "./env.ts";

/**
 * Rewrites link and image targets through the page's `resolveLink`: `0002-x.md` becomes
 * `0002-x.html`, a file outside the book becomes a link to the repository, the rest stay. What
 * comes out is held to the URL policy of its kind: a link that may not be one loses its target
 * (its text stays), an image its source.
 */
export function rewriteLinks(md: MarkdownIt): void {
  md.core.ruler.push("rfckit-rewrite-links", (state) => {
    const env = readEnv(state.env);
    const visit = (tokens: Token[]) => {
      for (const token of tokens) {
        if (token.type === "link_open") {
          const href = token.attrGet("href");
          if (href !== null) setOrDrop(token, "href", toAllowedUrl(env.resolveLink(href, "link"), "link"));
        } else if (token.type === "image") {
          const src = token.attrGet("src");
          if (src !== null) token.attrSet("src", toAllowedUrl(env.resolveLink(src, "image"), "image") ?? "");
        }
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
  });
}

function setOrDrop(token: Token, name: string, value: string | null): void {
  if (value !== null) token.attrSet(name, value);
  else token.attrs = token.attrs?.filter(([attribute]) => attribute !== name) ?? null;
}
